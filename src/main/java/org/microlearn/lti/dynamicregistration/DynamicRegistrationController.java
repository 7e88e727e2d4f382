package org.microlearn.lti.dynamicregistration;

import jakarta.servlet.http.HttpServletResponse;
import org.microlearn.lti.ToolEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages an LMS administrator sees in the LMS's window during LTI Dynamic Registration: a
 * confirmation of what will be registered, then success (and the window closes) or what went
 * wrong and what to do about it.
 */
@Controller
@RequestMapping(ToolEndpoints.REGISTRATION_PATH)
class DynamicRegistrationController {

    static final String CONFIGURATION = "openid_configuration";
    static final String TOKEN = "registration_token";

    private final DynamicRegistrations registrations;
    private final ToolEndpoints endpoints;

    DynamicRegistrationController(DynamicRegistrations registrations, ToolEndpoints endpoints) {
        this.registrations = registrations;
        this.endpoints = endpoints;
    }

    @GetMapping
    String confirm(
            @RequestParam(name = CONFIGURATION, required = false) String configurationUrl,
            @RequestParam(name = TOKEN, required = false) String registrationToken,
            Model model,
            HttpServletResponse response) {
        noStore(response);
        DynamicRegistrations.Preview preview = registrations.preview(configurationUrl, registrationToken);
        model.addAttribute("platform", preview.platform());
        model.addAttribute("request", preview.request());
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("configurationUrl", configurationUrl.strip());
        model.addAttribute("registrationToken", registrationToken == null ? "" : registrationToken);
        return "lti/registration-confirm";
    }

    @PostMapping
    String register(
            @RequestParam(name = CONFIGURATION, required = false) String configurationUrl,
            @RequestParam(name = TOKEN, required = false) String registrationToken,
            Model model,
            HttpServletResponse response) {
        noStore(response);
        DynamicRegistrations.Completed completed = registrations.register(configurationUrl, registrationToken);
        model.addAttribute("completed", completed);
        model.addAttribute("platform", completed.platform());
        model.addAttribute("closeOrigins", String.join(" ", completed.platform().closeMessageOrigins()));
        return "lti/registration-done";
    }

    @ExceptionHandler(RegistrationFailure.class)
    ModelAndView failed(RegistrationFailure failure, HttpServletResponse response) {
        noStore(response);
        ModelAndView view = new ModelAndView("lti/registration-failed", failure.status());
        view.addObject("failure", failure);
        view.addObject("registrationUrl", endpoints.registrationUrl());
        return view;
    }

    /** The pages carry the registration token: nothing may keep them. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
