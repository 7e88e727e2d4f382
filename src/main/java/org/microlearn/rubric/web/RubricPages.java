package org.microlearn.rubric.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.microlearn.competency.CaseImportException;
import org.microlearn.competency.CaseProblem;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.domain.RubricAdministration;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Rubric pages for authors: the criteria and levels, the competency mapping, level names. */
@Controller
class RubricPages {

    /** A criterion with the competencies that count toward it. */
    record MappedRow(Rubric.Criterion criterion, List<String> competencies) {}

    private final RubricCatalog catalog;
    private final RubricAdministration administration;
    private final CompetencyCatalog competencies;

    RubricPages(RubricCatalog catalog, RubricAdministration administration, CompetencyCatalog competencies) {
        this.catalog = catalog;
        this.administration = administration;
        this.competencies = competencies;
    }

    @GetMapping("/author/rubrics")
    String list(Viewer viewer, Model model) {
        model.addAttribute("rubrics", catalog.rubrics(viewer.platformId()));
        return "rubric/list";
    }

    @GetMapping("/author/rubrics/{id}")
    String view(Viewer viewer, @PathVariable long id, Model model) {
        return view(viewer, id, null, null, model);
    }

    @PostMapping("/author/rubrics/{id}/levels")
    String renameLevels(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(name = "names", required = false) List<String> names,
            Model model,
            HttpServletResponse response) {
        try {
            administration.renameLevels(viewer.platformId(), id, names == null ? List.of() : names);
        } catch (IllegalArgumentException | RubricAdministration.RubricNotEditableException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return view(viewer, id, e.getMessage(), names, model);
        }
        return "redirect:/author/rubrics/" + id;
    }

    @PostMapping("/author/rubrics/{id}/copy")
    String copy(Viewer viewer, @PathVariable long id, Model model, HttpServletResponse response) {
        try {
            return "redirect:/author/rubrics/"
                    + administration.copyForDistrict(viewer.platformId(), id).id();
        } catch (CaseImportException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return view(
                    viewer,
                    id,
                    e.problems().stream().map(CaseProblem::message).collect(Collectors.joining(" ")),
                    null,
                    model);
        }
    }

    private String view(Viewer viewer, long id, String error, List<String> typedNames, Model model) {
        Rubric rubric = catalog.rubric(viewer.platformId(), id)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such rubric in your library"));
        var byCompetency = competencies.allCompetencies(viewer.platformId()).stream()
                .collect(Collectors.toMap(CompetencyRef::id, CompetencyRef::label));
        var mapped = catalog.mappedCriteria(viewer.platformId(), byCompetency.keySet());
        List<Rubric.Domain> domains = rubric.domains();
        model.addAttribute("rubric", rubric);
        model.addAttribute("domains", domains);
        model.addAttribute(
                "mapping",
                domains.stream()
                        .flatMap(d -> d.criteria().stream())
                        .map(c -> new MappedRow(
                                c,
                                mapped.stream()
                                        .filter(m -> m.criterionId() == c.id())
                                        .map(m -> byCompetency.get(m.competencyId()) + " (weight " + m.weight() + ")")
                                        .toList()))
                        .toList());
        model.addAttribute("error", error);
        model.addAttribute(
                "levelNames",
                typedNames != null
                        ? typedNames
                        : rubric.levels().stream().map(l -> l.name()).toList());
        return "rubric/view";
    }
}
