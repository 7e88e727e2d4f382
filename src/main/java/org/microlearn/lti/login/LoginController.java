package org.microlearn.lti.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.LaunchFastPath;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The login endpoint's pages: the platform storage page and, through the LTI error handler, a
 * rejected login. The plain redirect is usually answered before Spring MVC by
 * {@link LaunchFastPath}.
 */
@Controller
class LoginController {

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    @RequestMapping(
            value = ToolEndpoints.LOGIN_PATH,
            method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView login(HttpServletRequest request, HttpServletResponse response) {
        LoginService.Outcome outcome = LaunchFastPath.outcome(
                request, LoginService.Outcome.class, () -> logins.start(LoginRequest.from(request)));
        response.addHeader(HttpHeaders.SET_COOKIE, outcome.bindingCookie().toString());
        if (outcome instanceof LoginService.StoragePage storage) {
            ModelAndView page = new ModelAndView("lti/login-storage");
            page.addObject("authorizationUrl", storage.authorizationUrl());
            page.addObject("storageTarget", storage.storageTarget());
            page.addObject("platformOrigin", storage.platformOrigin());
            page.addObject("storageKey", storage.storageKey());
            page.addObject("storageValue", storage.storageValue());
            return page;
        }
        RedirectView redirect = new RedirectView(((LoginService.RedirectToPlatform) outcome).authorizationUrl());
        // lti_message_hint is often JSON: its encoded braces are not URI template variables.
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }
}
