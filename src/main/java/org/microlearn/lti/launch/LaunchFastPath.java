package org.microlearn.lti.launch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.login.LoginRequest;
import org.microlearn.lti.login.LoginService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the two requests of every launch (login and launch) when they succeed the ordinary way,
 * a redirect, without passing them through Spring MVC and Spring Security. Both endpoints are
 * public and authenticate the platform themselves, so the security chain adds only headers, which
 * the same Spring Security header writers add here; skipping the framework halves the tool's CPU per launch
 * (docs/performance.md). Every other outcome (a rejection, a platform storage page) is left to the
 * controllers, which render it from the request attribute this filter sets, so there is still one
 * place that renders each page and each error.
 *
 * <p>It also times every request to the two endpoints, whatever the outcome, as
 * {@code microlearn.lti.requests} (tags {@code endpoint} and {@code status}); Spring's generic
 * {@code http.server.requests} observation is turned off for them (LaunchFastPathRegistration),
 * because building its tags and finding its timer on every request cost 4 % of a launch.
 */
public final class LaunchFastPath extends OncePerRequestFilter {

    private static final String OUTCOME = LaunchFastPath.class.getName() + ".OUTCOME";

    private static final Logger log = LoggerFactory.getLogger(LaunchFastPath.class);

    /** Spring Security's defaults as LtiSecurityConfiguration sets them: no frame options. */
    private static final HeaderWriter SECURITY_HEADERS = new CompositeHeaderWriter(List.of(
            new CacheControlHeadersWriter(),
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new HstsHeaderWriter(),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN)));

    static final String TIMER = "microlearn.lti.requests";

    private final LoginService logins;
    private final LaunchService launches;
    private final MeterRegistry meters;
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    LaunchFastPath(LoginService logins, LaunchService launches, MeterRegistry meters) {
        this.logins = logins;
        this.launches = launches;
        this.meters = meters;
    }

    /** Whether a request is one of the two this filter serves. */
    static boolean serves(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.equals(ToolEndpoints.LOGIN_PATH) || uri.equals(ToolEndpoints.LAUNCH_PATH);
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
        long start = System.nanoTime();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR; // unless it answers
        try {
            serve(login, request, response, chain);
            status = response.getStatus();
        } finally {
            timer(login, status).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(boolean login, int status) {
        return timers.computeIfAbsent(
                login ? -status : status,
                key -> Timer.builder(TIMER)
                        .description("Requests to the LTI login and launch endpoints, by answer")
                        .tag("endpoint", login ? "login" : "launch")
                        .tag("status", Integer.toString(status))
                        .register(meters));
    }

    private void serve(boolean login, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!login && !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        LaunchRequest launch = login ? null : LaunchRequest.from(request);
        Object outcome;
        try {
            outcome = login ? logins.start(LoginRequest.from(request)) : launches.launch(launch);
        } catch (LaunchRejected rejected) {
            outcome = rejected;
        } catch (TransientDataAccessException | DataAccessResourceFailureException unavailable) {
            // Not the platform's fault and not lasting: say so, and when to try again.
            log.warn(
                    "{} {} failed on the database: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    unavailable.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (outcome instanceof LoginService.RedirectToPlatform redirect) {
            redirect(request, response, redirect.authorizationUrl(), redirect.bindingCookie());
        } else if (outcome instanceof LaunchService.Completed completed) {
            redirect(request, response, completed.location(), BrowserBinding.expired(launch.state()));
        } else {
            request.setAttribute(OUTCOME, outcome);
            chain.doFilter(request, response);
        }
    }

    /** The redirect, with the headers the LTI security chain writes (by the same writers). */
    private static void redirect(
            HttpServletRequest request, HttpServletResponse response, String location, ResponseCookie cookie) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, location);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        SECURITY_HEADERS.writeHeaders(request, response);
    }
}
