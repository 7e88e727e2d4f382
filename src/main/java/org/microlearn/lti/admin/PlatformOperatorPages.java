package org.microlearn.lti.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.registration.DuplicatePlatformException;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.RegistrationProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator's pages for every platform registration: list, register, change, delete. What
 * the admin API does, for people; signed in with the admin token (see
 * {@link AdminApiSecurityConfiguration}). Outcomes travel in the redirect's query, not in a
 * session, so any node can show them.
 */
@Controller
class PlatformOperatorPages {

    private final PlatformRegistrations registrations;
    private final ToolEndpoints endpoints;

    PlatformOperatorPages(PlatformRegistrations registrations, ToolEndpoints endpoints) {
        this.registrations = registrations;
        this.endpoints = endpoints;
    }

    @GetMapping("/operator")
    String home() {
        return "redirect:/operator/platforms";
    }

    @GetMapping("/operator/platforms")
    String list(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("platforms", registrations.all());
        model.addAttribute("done", done);
        model.addAttribute("endpoints", endpoints);
        return "operator/platforms";
    }

    @GetMapping("/operator/platforms/new")
    String blank(Model model) {
        model.addAttribute("form", PlatformForm.blank());
        return form(model, null, List.of());
    }

    @PostMapping("/operator/platforms")
    String register(@ModelAttribute("form") PlatformForm form, Model model, HttpServletResponse response) {
        try {
            Platform platform = registrations.register(form.toRequest());
            return "redirect:/operator/platforms?done=registered-" + platform.id();
        } catch (RegistrationProblem | DuplicatePlatformException problem) {
            return rejected(problem, model, null, response);
        }
    }

    @GetMapping("/operator/platforms/{id}")
    String edit(@PathVariable long id, Model model) {
        Platform platform = existing(id);
        model.addAttribute("form", PlatformForm.of(platform));
        return form(model, platform, List.of());
    }

    @PostMapping("/operator/platforms/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") PlatformForm form,
            Model model,
            HttpServletResponse response) {
        Platform platform = existing(id);
        try {
            registrations.update(id, form.toRequest()).orElseThrow(() -> notFound(id));
            return "redirect:/operator/platforms?done=saved-" + id;
        } catch (RegistrationProblem | DuplicatePlatformException problem) {
            return rejected(problem, model, platform, response);
        }
    }

    @GetMapping("/operator/platforms/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("platform", existing(id));
        return "operator/delete";
    }

    @PostMapping("/operator/platforms/{id}/delete")
    String delete(@PathVariable long id) {
        if (!registrations.delete(id)) {
            throw notFound(id);
        }
        return "redirect:/operator/platforms?done=deleted";
    }

    /** The form again, with every wrong field named (400), or the taken issuer + client ID (409). */
    private String rejected(RuntimeException problem, Model model, Platform platform, HttpServletResponse response) {
        PlatformForm.Refusal refusal = PlatformForm.Refusal.of(problem);
        response.setStatus(refusal.status().value());
        return form(model, platform, refusal.errors());
    }

    private String form(Model model, Platform platform, List<RegistrationProblem.FieldError> errors) {
        model.addAttribute("platform", platform);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldLabels", PlatformForm.LABELS);
        model.addAttribute("endpoints", endpoints);
        return "operator/platform";
    }

    private Platform existing(long id) {
        return registrations.find(id).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No platform registration " + id);
    }
}
