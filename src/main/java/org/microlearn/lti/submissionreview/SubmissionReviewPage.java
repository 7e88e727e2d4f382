package org.microlearn.lti.submissionreview;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.microlearn.progress.LearningRecords;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an {@code LtiSubmissionReviewRequest} lands: a coach clicked a teacher's grade in the
 * LMS gradebook and wants to see the work behind it. The launch redirects here with the
 * platform's user id ({@code for_user.user_id}) and the resource link.
 *
 * <p>When the link was made for one lesson ({@code custom.lesson}) and the teacher completed it,
 * the coach goes straight to that attempt and its evidence ({@code /coach/reviews/{attempt}}, where
 * they can give feedback, approve or ask for a revision). Otherwise the page lists the teacher's
 * completed lessons, each linking to its review.
 */
@Controller
class SubmissionReviewPage {

    record Teacher(long id, String name) {}

    record Link(String title, String lessonRef) {}

    private final JdbcClient jdbc;
    private final LearningRecords records;

    SubmissionReviewPage(JdbcClient jdbc, LearningRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @GetMapping("/coach/submission-review")
    @Transactional(readOnly = true)
    String show(
            Viewer viewer,
            @RequestParam("user") String user,
            @RequestParam(name = "resourceLink", required = false) String resourceLink,
            Model model,
            HttpServletResponse response) {
        Optional<Teacher> teacher = jdbc.sql(
                        "SELECT id, COALESCE(name, subject) AS name FROM educator WHERE platform_id = ? AND subject = ?")
                .params(viewer.platformId(), user)
                .query((rs, n) -> new Teacher(rs.getLong("id"), rs.getString("name")))
                .optional();
        if (teacher.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("title", "No work to review yet");
            model.addAttribute(
                    "message",
                    "This teacher has not opened Microlearn from the course yet, so there is nothing to review."
                            + " Their work appears here once they have.");
            return "lti/problem";
        }
        Optional<Link> link = resourceLink == null
                ? Optional.empty()
                : jdbc.sql(
                                "SELECT title, lesson_ref FROM lti_resource_link WHERE platform_id = ? AND resource_link_id = ?")
                        .params(viewer.platformId(), resourceLink)
                        .query((rs, n) -> new Link(rs.getString("title"), rs.getString("lesson_ref")))
                        .optional();
        List<LearningRecords.CompletedLesson> completed =
                records.completedLessons(viewer.platformId(), teacher.get().id());
        Optional<LearningRecords.CompletedLesson> reviewed = link.map(Link::lessonRef)
                .flatMap(lesson -> completed.stream()
                        .filter(c -> Long.toString(c.lessonId()).equals(lesson))
                        .reduce((first, latest) -> latest));
        if (reviewed.isPresent()) {
            return "redirect:/coach/reviews/" + reviewed.get().attemptId();
        }
        model.addAttribute("completed", completed);
        model.addAttribute("teacher", teacher.get());
        model.addAttribute("link", link.orElse(null));
        model.addAttribute("resourceLink", resourceLink);
        return "lti/submission-review";
    }
}
