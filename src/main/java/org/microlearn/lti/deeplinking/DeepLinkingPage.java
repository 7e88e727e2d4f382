package org.microlearn.lti.deeplinking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.shared.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coach's lesson picker for a deep linking request, and the auto-posted answer to the LMS.
 */
@Controller
@RequestMapping("/coach/deep-linking/{id}")
class DeepLinkingPage {

    private final DeepLinkingRequests requests;
    private final DeepLinkingResponses responses;
    private final PlatformRegistrations platforms;
    private final ObjectProvider<DeepLinkableContent> content;
    private final java.time.Clock clock;

    DeepLinkingPage(
            DeepLinkingRequests requests,
            DeepLinkingResponses responses,
            PlatformRegistrations platforms,
            ObjectProvider<DeepLinkableContent> content,
            java.time.Clock clock) {
        this.requests = requests;
        this.responses = responses;
        this.platforms = platforms;
        this.content = content;
        this.clock = clock;
    }

    @GetMapping
    String pick(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(required = false, defaultValue = "") String q,
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String competency,
            @RequestParam(required = false) Integer minutes,
            Model model,
            HttpServletResponse response) {
        Optional<DeepLinkingRequests.Request> request = usable(viewer, id, model, response);
        if (request.isEmpty()) {
            return "lti/problem";
        }
        DeepLinkableContent catalogue = content.getIfUnique();
        model.addAttribute("request", request.get());
        model.addAttribute("q", q);
        model.addAttribute("domain", blankToNull(domain));
        model.addAttribute("stage", blankToNull(stage));
        model.addAttribute("competency", blankToNull(competency));
        model.addAttribute("minutes", minutes);
        model.addAttribute("catalogueAvailable", catalogue != null);
        model.addAttribute(
                "lessons",
                catalogue == null || !request.get().acceptsLinks()
                        ? List.of()
                        : catalogue.search(
                                viewer.platformId(),
                                q.strip(),
                                new DeepLinkableContent.Filters(
                                        blankToNull(domain), blankToNull(stage), blankToNull(competency), minutes)));
        return "lti/deep-linking";
    }

    @PostMapping
    String answer(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(name = "lesson", required = false) List<String> lessonIds,
            @RequestParam(name = "cancel", defaultValue = "false") boolean cancel,
            Model model,
            HttpServletResponse response) {
        Optional<DeepLinkingRequests.Request> found = usable(viewer, id, model, response);
        if (found.isEmpty()) {
            return "lti/problem";
        }
        DeepLinkingRequests.Request request = found.get();
        List<String> chosen =
                lessonIds == null ? List.of() : lessonIds.stream().distinct().toList();
        if (chosen.size() > 1 && !request.acceptMultiple()) {
            return problem(
                    model,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "One lesson at a time",
                    "This place in the LMS takes a single link. Go back and choose one lesson.");
        }
        if (!chosen.isEmpty() && !request.acceptsLinks()) {
            return problem(
                    model,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The LMS does not accept lesson links here",
                    "It accepts only " + String.join(", ", request.acceptTypes()) + ".");
        }
        DeepLinkableContent catalogue = content.getIfUnique();
        List<DeepLinkableContent.Item> lessons = new ArrayList<>();
        for (String lessonId : chosen) {
            Optional<DeepLinkableContent.Item> lesson =
                    catalogue == null ? Optional.empty() : catalogue.find(viewer.platformId(), lessonId);
            if (lesson.isEmpty()) {
                return problem(
                        model,
                        response,
                        HttpStatus.BAD_REQUEST,
                        "Unknown lesson",
                        "There is no lesson " + lessonId + " in your catalogue. Go back and choose again.");
            }
            lessons.add(lesson.get());
        }
        Optional<Platform> platform = platforms.find(request.platformId());
        if (platform.isEmpty() || !requests.answer(id)) {
            return problem(
                    model,
                    response,
                    HttpStatus.CONFLICT,
                    "Already answered",
                    "These lessons were already sent to the LMS. To add more, start again from the LMS.");
        }
        model.addAttribute("returnUrl", request.returnUrl());
        model.addAttribute("jwt", responses.sign(platform.get(), request, lessons));
        model.addAttribute("count", lessons.size());
        return "lti/deep-linking-response";
    }

    /** The request, if it is this coach's, unanswered and fresh; else the problem page's model. */
    private Optional<DeepLinkingRequests.Request> usable(
            Viewer viewer, String id, Model model, HttpServletResponse response) {
        Optional<DeepLinkingRequests.Request> request = requests.find(id)
                .filter(r -> r.platformId() == viewer.platformId() && r.educatorId() == viewer.educatorId());
        if (request.isEmpty()) {
            problem(
                    model,
                    response,
                    HttpStatus.NOT_FOUND,
                    "No such lesson selection",
                    "This link does not belong to your session. Start again from \"Add an activity\" in the LMS.");
            return Optional.empty();
        }
        if (request.get().answeredAt() != null) {
            problem(
                    model,
                    response,
                    HttpStatus.CONFLICT,
                    "Already answered",
                    "These lessons were already sent to the LMS. To add more, start again from the LMS.");
            return Optional.empty();
        }
        if (request.get().isExpired(clock.instant())) {
            problem(
                    model,
                    response,
                    HttpStatus.GONE,
                    "This selection has expired",
                    "The LMS only waits an hour for an answer. Start again from \"Add an activity\" in the LMS.");
            return Optional.empty();
        }
        return request;
    }

    private static String problem(
            Model model, HttpServletResponse response, HttpStatus status, String title, String message) {
        response.setStatus(status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "lti/problem";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
