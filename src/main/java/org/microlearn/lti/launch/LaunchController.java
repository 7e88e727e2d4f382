package org.microlearn.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microlearn.lti.ToolEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The redirect URI: receives the platform's id_token and state by form post. A launch that simply
 * succeeds is usually answered before Spring MVC by {@link LaunchFastPath}; this controller renders
 * the platform storage step and, through {@link LaunchErrors}, every rejection.
 */
@Controller
class LaunchController {

    private final LaunchService launches;

    LaunchController(LaunchService launches) {
        this.launches = launches;
    }

    @PostMapping(ToolEndpoints.LAUNCH_PATH)
    ModelAndView launch(HttpServletRequest request, HttpServletResponse response) {
        LaunchRequest launch = LaunchRequest.from(request);
        if (launch.bindingCookie() != null) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    BrowserBinding.expired(launch.state()).toString());
        }
        LaunchService.Outcome outcome =
                LaunchFastPath.outcome(request, LaunchService.Outcome.class, () -> launches.launch(launch));
        if (outcome instanceof LaunchService.NeedsPlatformStorage storage) {
            return new ModelAndView("lti/launch-storage", "storage", storage);
        }
        return redirect((LaunchService.Completed) outcome);
    }

    @PostMapping(ToolEndpoints.LAUNCH_PATH + "/complete")
    ModelAndView complete(
            @RequestParam(name = "pending", required = false) String pendingId,
            @RequestParam(name = "value", required = false) String storedValue) {
        return redirect(launches.completeFromStorage(pendingId, storedValue));
    }

    /** A view instance rather than a "redirect:" name: no view resolution. */
    private static ModelAndView redirect(LaunchService.Completed completed) {
        RedirectView redirect = new RedirectView(completed.location(), true);
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }
}
