package org.microlearn.lti.admin;

import java.util.List;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.registration.DuplicatePlatformException;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.RegistrationProblem;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district admin's view of their own LMS registration: the URLs to paste into the LMS, and
 * the registration's settings (deployments, auto-provisioning, token audience) to keep current.
 * Registering other platforms is the operator's job ({@link PlatformOperatorPages}, the admin API
 * or dynamic registration).
 */
@Controller
class PlatformAdminPage {

    private final PlatformRegistrations registrations;
    private final ToolEndpoints endpoints;

    PlatformAdminPage(PlatformRegistrations registrations, ToolEndpoints endpoints) {
        this.registrations = registrations;
        this.endpoints = endpoints;
    }

    @GetMapping("/admin/platform")
    String show(Viewer viewer, Model model) {
        Platform platform = registrations.find(viewer.platformId()).orElseThrow();
        model.addAttribute("form", PlatformForm.of(platform));
        return page(model, List.of());
    }

    @PostMapping("/admin/platform")
    String save(
            Viewer viewer,
            @ModelAttribute("form") PlatformForm form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            registrations.update(viewer.platformId(), form.toRequest()).orElseThrow();
        } catch (RegistrationProblem | DuplicatePlatformException problem) {
            PlatformForm.Refusal refusal = PlatformForm.Refusal.of(problem);
            response.setStatus(refusal.status().value());
            return page(model, refusal.errors());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/platform";
    }

    private String page(Model model, List<RegistrationProblem.FieldError> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("fieldLabels", PlatformForm.LABELS);
        model.addAttribute("endpoints", endpoints);
        return "admin/platform";
    }
}
