package org.microlearn.assignment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.assignment.domain.Assignment;
import org.microlearn.assignment.domain.AssignmentService;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.people.LearningGroups;
import org.microlearn.people.People;
import org.microlearn.progress.ProgressReports;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The coach's pages: who is behind, assignments, and assigning a lesson. */
@Controller
class CoachController {

    /** What the assign form holds, as typed. */
    record AssignForm(
            Long lessonId, String target, Long educatorId, Long groupId, String stage, String dueOn, String note) {

        static AssignForm empty(Long lessonId) {
            return new AssignForm(lessonId, "GROUP", null, null, null, "", "");
        }
    }

    /** A teacher who is behind, and on what. */
    record Behind(long educatorId, String name, List<String> lessons) {}

    private final AssignmentService assignments;
    private final LessonCatalog lessons;
    private final People people;
    private final LearningGroups groups;
    private final ProgressReports progress;

    CoachController(
            AssignmentService assignments,
            LessonCatalog lessons,
            People people,
            LearningGroups groups,
            ProgressReports progress) {
        this.assignments = assignments;
        this.lessons = lessons;
        this.people = people;
        this.groups = groups;
        this.progress = progress;
    }

    @GetMapping("/coach")
    String home(Viewer viewer, @RequestParam(name = "assigned", required = false) Long assigned, Model model) {
        List<AssignmentService.Followup> followups = assignments.followups(viewer.platformId());
        // Names and counts of work are the coach's own teachers' (a shared course), as on the review
        // queue; an admin sees the district's.
        Set<Long> own = viewer.has(Role.ADMIN) ? null : people.sharingACourseWith(viewer);
        Map<Long, Behind> behind = new LinkedHashMap<>();
        for (AssignmentService.Followup f : followups) {
            for (AssignmentService.TargetProgress t : f.behind()) {
                if (own != null && !own.contains(t.educatorId())) {
                    continue;
                }
                behind.computeIfAbsent(t.educatorId(), id -> new Behind(id, t.name(), new ArrayList<>()))
                        .lessons()
                        .add(f.lessonTitle());
            }
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("followups", followups);
        model.addAttribute("behind", behind.values());
        model.addAttribute(
                "pendingReviews",
                own == null
                        ? progress.pendingReviews(viewer.platformId())
                        : progress.pendingReviews(viewer.platformId(), own));
        model.addAttribute(
                "rosterSize",
                people.roster(viewer.platformId(), viewer.courseId()).size());
        model.addAttribute("assigned", assigned);
        return "coach/home";
    }

    @GetMapping("/coach/assign")
    String assignForm(Viewer viewer, @RequestParam(name = "lesson", required = false) Long lessonId, Model model) {
        return form(viewer, AssignForm.empty(lessonId), List.of(), model);
    }

    @PostMapping("/coach/assign")
    String assign(Viewer viewer, AssignForm form, Model model, HttpServletResponse response) {
        List<String> errors = new ArrayList<>();
        Assignment.Target target = null;
        try {
            target = Assignment.Target.valueOf(form.target() == null ? "" : form.target());
        } catch (IllegalArgumentException e) {
            errors.add("Choose who the lesson is for.");
        }
        LocalDate due = null;
        if (form.dueOn() != null && !form.dueOn().isBlank()) {
            try {
                due = LocalDate.parse(form.dueOn().strip());
            } catch (DateTimeParseException e) {
                errors.add("Enter the due date as a date, e.g. 2026-12-01.");
            }
        }
        if (form.lessonId() == null) {
            errors.add("Choose a lesson.");
        }
        if (form.note() != null && form.note().length() > 500) {
            errors.add("Keep the note under 500 characters.");
        }
        if (errors.isEmpty()) {
            try {
                long id = assignments.assign(
                        viewer,
                        form.lessonId(),
                        target,
                        form.educatorId(),
                        form.groupId(),
                        CareerStage.parse(form.stage()).orElse(null),
                        due,
                        form.note());
                return "redirect:/coach?assigned=" + id;
            } catch (AssignmentService.InvalidAssignment e) {
                errors.add(e.getMessage() + ".");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(viewer, form, errors, model);
    }

    @GetMapping("/coach/assignments/{id}")
    String followup(Viewer viewer, @PathVariable long id, Model model) {
        AssignmentService.Followup followup = assignments
                .followup(viewer.platformId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("viewer", viewer);
        model.addAttribute("f", followup);
        return "coach/assignment";
    }

    @PostMapping("/coach/assignments/{id}/delete")
    String delete(Viewer viewer, @PathVariable long id) {
        assignments.remove(viewer, id);
        return "redirect:/coach";
    }

    private String form(Viewer viewer, AssignForm form, List<String> errors, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lessons", lessons.search(viewer.platformId(), LessonFilter.all()));
        model.addAttribute(
                "teachers",
                people.roster(viewer.platformId(), viewer.courseId()).stream()
                        .filter(People.Member::isTeacher)
                        .toList());
        model.addAttribute("groups", groups.groups(viewer.platformId()));
        model.addAttribute("stages", CareerStage.values());
        model.addAttribute("today", assignments.today());
        return "coach/assign";
    }
}
