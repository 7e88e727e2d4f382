package org.microlearn.lti.launch;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The platform's form post to the redirect URI, with the login's binding cookie when the browser
 * sent it back.
 */
public record LaunchRequest(String idToken, String state, String error, String errorDescription, String bindingCookie) {

    public static LaunchRequest from(HttpServletRequest request) {
        String state = request.getParameter("state");
        return new LaunchRequest(
                request.getParameter("id_token"),
                state,
                request.getParameter("error"),
                request.getParameter("error_description"),
                state == null || state.length() < 16 ? null : cookie(request, BrowserBinding.cookieName(state)));
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie cookie = WebUtils.getCookie(request, name);
        return cookie == null ? null : cookie.getValue();
    }
}
