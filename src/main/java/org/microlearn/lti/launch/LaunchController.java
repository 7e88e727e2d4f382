package org.microlearn.lti.launch;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microlearn.lti.ToolEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The redirect URI: receives the platform's id_token and state by form post. */
@Controller
class LaunchController {

    private final LaunchService launches;

    LaunchController(LaunchService launches) {
        this.launches = launches;
    }

    @PostMapping(ToolEndpoints.LAUNCH_PATH)
    String launch(
            @RequestParam(name = "id_token", required = false) String idToken,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (error != null) {
            throw new LaunchRejected(
                    LaunchCheck.PLATFORM_ERROR,
                    "the platform answered " + error + (errorDescription == null ? "" : ": " + errorDescription));
        }
        String cookie = state == null || state.length() < 16 ? null : cookie(request, BrowserBinding.cookieName(state));
        if (cookie != null) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE, BrowserBinding.expired(state).toString());
        }
        LaunchService.Outcome outcome = launches.launch(idToken, state, cookie);
        if (outcome instanceof LaunchService.NeedsPlatformStorage storage) {
            model.addAttribute("storage", storage);
            return "lti/launch-storage";
        }
        return "redirect:" + ((LaunchService.Completed) outcome).location();
    }

    @PostMapping(ToolEndpoints.LAUNCH_PATH + "/complete")
    String complete(
            @RequestParam(name = "pending", required = false) String pendingId,
            @RequestParam(name = "value", required = false) String storedValue) {
        return "redirect:"
                + launches.completeFromStorage(pendingId, storedValue).location();
    }

    private static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
