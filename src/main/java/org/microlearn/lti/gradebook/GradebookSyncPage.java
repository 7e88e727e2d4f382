package org.microlearn.lti.gradebook;

import java.util.List;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** For a platform's administrators: scores the LMS refused or has not taken yet, with a retry. */
@Controller
@RequestMapping("/admin/gradebook-sync")
class GradebookSyncPage {

    private final ScoreDeliveries deliveries;

    GradebookSyncPage(ScoreDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    String show(Viewer viewer, Model model) {
        model.addAttribute("failed", deliveries.list(viewer.platformId(), List.of(ScoreDeliveries.FAILED), 500));
        model.addAttribute("pending", deliveries.list(viewer.platformId(), List.of(ScoreDeliveries.PENDING), 500));
        return "lti/gradebook-sync";
    }

    @PostMapping("/{id}/retry")
    String retry(Viewer viewer, @PathVariable long id) {
        boolean retried = deliveries.retryNow(id, viewer.platformId());
        return "redirect:/admin/gradebook-sync?" + (retried ? "retried=" : "notFound=") + id;
    }
}
