package org.microlearn.lti.launch;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.login.LoginRequest;
import org.microlearn.lti.login.LoginService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers the two requests of every launch (login and launch) when they succeed the ordinary way,
 * a redirect, without passing them through Spring MVC and Spring Security. Both endpoints are
 * public and authenticate the platform themselves, so the security chain adds only headers, which
 * are written here too; skipping the framework halves the tool's CPU per launch
 * (docs/performance.md). Every other outcome (a rejection, a platform storage page) is left to the
 * controllers, which render it from the request attribute this filter sets, so there is still one
 * place that renders each page and each error.
 */
public final class LaunchFastPath extends OncePerRequestFilter {

    private static final String OUTCOME = LaunchFastPath.class.getName() + ".OUTCOME";

    private final LoginService logins;
    private final LaunchService launches;

    LaunchFastPath(LoginService logins, LaunchService launches) {
        this.logins = logins;
        this.launches = launches;
    }

    /**
     * What the fast path already decided for this request, or {@code decide}'s answer when the
     * request did not pass through it. A rejection is thrown for the controller's error handler.
     */
    public static <T> T outcome(HttpServletRequest request, Class<T> type, Supplier<T> decide) {
        Object outcome = request.getAttribute(OUTCOME);
        if (outcome instanceof LaunchRejected rejected) {
            throw rejected;
        }
        return type.isInstance(outcome) ? type.cast(outcome) : decide.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = request.getRequestURI().equals(ToolEndpoints.LOGIN_PATH);
        if (!login && !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        Object outcome;
        try {
            outcome = login ? logins.start(LoginRequest.from(request)) : launches.launch(LaunchRequest.from(request));
        } catch (LaunchRejected rejected) {
            outcome = rejected;
        }
        if (outcome instanceof LoginService.RedirectToPlatform redirect) {
            redirect(request, response, redirect.authorizationUrl(), redirect.bindingCookie());
        } else if (outcome instanceof LaunchService.Completed completed) {
            String state = request.getParameter("state");
            redirect(request, response, completed.location(), BrowserBinding.expired(state));
        } else {
            request.setAttribute(OUTCOME, outcome);
            chain.doFilter(request, response);
        }
    }

    /** The redirect with the headers the LTI security chain would have added. */
    private static void redirect(
            HttpServletRequest request, HttpServletResponse response, String location, ResponseCookie cookie) {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(request.getRequestURI()));
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, location);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setHeader(HttpHeaders.EXPIRES, "0");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
