package org.microlearn.competency.web;

import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Read-only pages for authors: the frameworks their lessons align to. */
@Controller
class FrameworkPages {

    private final CompetencyCatalog catalog;

    FrameworkPages(CompetencyCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/author/frameworks")
    String list(Viewer viewer, Model model) {
        model.addAttribute("frameworks", catalog.frameworks(viewer.platformId()));
        return "competency/list";
    }

    @GetMapping("/author/frameworks/{id}")
    String view(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute(
                "framework",
                catalog.framework(viewer.platformId(), id)
                        .orElseThrow(() -> new ResponseStatusException(
                                HttpStatus.NOT_FOUND, "There is no such framework in your library")));
        return "competency/view";
    }
}
