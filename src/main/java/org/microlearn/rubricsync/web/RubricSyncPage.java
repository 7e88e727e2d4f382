package org.microlearn.rubricsync.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.microlearn.people.People;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubricsync.domain.RubricResync;
import org.microlearn.rubricsync.domain.SyncRules;
import org.microlearn.rubricsync.domain.SyncStatus;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's rubric sync page: the rubric and rule in use, resyncs, and per-column status. */
@Controller
class RubricSyncPage {

    private final SyncRules rules;
    private final RubricCatalog rubrics;
    private final RubricResync resync;
    private final SyncStatus status;
    private final People people;

    RubricSyncPage(SyncRules rules, RubricCatalog rubrics, RubricResync resync, SyncStatus status, People people) {
        this.rules = rules;
        this.rubrics = rubrics;
        this.resync = resync;
        this.status = status;
        this.people = people;
    }

    @GetMapping("/admin/rubric-sync")
    String show(Viewer viewer, Model model) {
        return page(viewer, model, null, null);
    }

    @PostMapping("/admin/rubric-sync/rule")
    String choose(
            Viewer viewer,
            @RequestParam long rubricId,
            @RequestParam String thresholds,
            @RequestParam(defaultValue = "false") boolean topNeedsEvidence,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            List<Double> parsed = Arrays.stream(thresholds.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(Double::valueOf)
                    .toList();
            rules.choose(viewer.platformId(), rubricId, parsed, topNeedsEvidence);
        } catch (NumberFormatException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(viewer, model, "Thresholds are numbers separated by commas, e.g. 1, 2, 3.", thresholds);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(viewer, model, e.getMessage(), thresholds);
        }
        redirect.addFlashAttribute("notice", "Saved. Run a resync to send the new levels to the gradebook.");
        return "redirect:/admin/rubric-sync";
    }

    @PostMapping("/admin/rubric-sync/resync")
    String resync(Viewer viewer, @RequestParam(required = false) Long courseId, RedirectAttributes redirect) {
        resync.start(viewer.platformId(), courseId);
        redirect.addFlashAttribute("notice", "Resync started.");
        return "redirect:/admin/rubric-sync";
    }

    private String page(Viewer viewer, Model model, String error, String typedThresholds) {
        var inUse = rules.inUse(viewer.platformId());
        model.addAttribute("inUse", inUse.orElse(null));
        model.addAttribute("rubrics", rubrics.rubrics(viewer.platformId()));
        model.addAttribute("error", error);
        model.addAttribute(
                "thresholds",
                typedThresholds != null
                        ? typedThresholds
                        : inUse.map(u -> u.rule().thresholds().stream()
                                        .map(t -> t % 1 == 0 ? String.valueOf(t.longValue()) : String.valueOf(t))
                                        .collect(Collectors.joining(", ")))
                                .orElse(""));
        model.addAttribute("courses", people.courses(viewer.platformId()));
        List<RubricResync.Job> jobs = resync.recentJobs(viewer.platformId());
        model.addAttribute("jobs", jobs);
        model.addAttribute("running", jobs.stream().anyMatch(RubricResync.Job::running));
        Map<Long, Rubric.Criterion> criteria = inUse.map(u -> u.rubric().domains().stream()
                        .flatMap(d -> d.criteria().stream())
                        .collect(Collectors.toMap(Rubric.Criterion::id, Function.identity())))
                .orElse(Map.of());
        model.addAttribute("criteria", criteria);
        model.addAttribute("status", status.rows(viewer.platformId()));
        return "rubricsync/admin";
    }
}
