package org.microlearn.lti.roster;

import org.microlearn.lti.services.PlatformCallException;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Coaches see who is in their course (from the LMS) and refresh it when people join. */
@Controller
@RequestMapping("/coach/roster")
class RosterPage {

    private final CourseRosters rosters;

    RosterPage(CourseRosters rosters) {
        this.rosters = rosters;
    }

    @GetMapping
    String show(Viewer viewer, Model model) {
        if (viewer.courseId() != null) {
            model.addAttribute(
                    "roster",
                    rosters.roster(viewer.platformId(), viewer.courseId()).orElse(null));
        }
        return "lti/roster";
    }

    @PostMapping("/refresh")
    String refresh(Viewer viewer, Model model, jakarta.servlet.http.HttpServletResponse response) {
        if (viewer.courseId() == null) {
            return show(viewer, model);
        }
        try {
            int count = rosters.refresh(viewer.platformId(), viewer.courseId());
            return "redirect:/coach/roster?refreshed=" + count;
        } catch (CourseRosters.Unavailable e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", e.getMessage());
        } catch (PlatformCallException e) {
            response.setStatus(HttpStatus.BAD_GATEWAY.value());
            model.addAttribute(
                    "error",
                    "The LMS did not hand over the member list"
                            + (e.status() > 0 ? " (HTTP " + e.status() + ")" : " (no answer)")
                            + ". Try again in a few minutes; if it keeps failing, ask your LMS administrator to check"
                            + " that Microlearn may use \"Names and roles\".");
        }
        return show(viewer, model);
    }
}
