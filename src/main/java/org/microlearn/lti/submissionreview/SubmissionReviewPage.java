package org.microlearn.lti.submissionreview;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
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
 * <p>Incomplete: attempts and evidence belong to the progress module, which does not exist yet;
 * until it does the page names the teacher and the lesson link and says so.
 */
@Controller
class SubmissionReviewPage {

    record Teacher(long id, String name) {}

    record Link(String title, String lessonRef) {}

    private final JdbcClient jdbc;

    SubmissionReviewPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        model.addAttribute("teacher", teacher.get());
        model.addAttribute("link", link.orElse(null));
        model.addAttribute("resourceLink", resourceLink);
        return "lti/submission-review";
    }
}
