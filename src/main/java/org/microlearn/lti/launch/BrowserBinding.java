package org.microlearn.lti.launch;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that ties a launch to the browser that started the login. Partitioned (CHIPS), so
 * Chrome keeps it inside the LMS iframe even with third-party cookies blocked; where it still
 * does not arrive, LTI platform storage proves the same thing (see {@link PendingLaunches}).
 */
public final class BrowserBinding {

    public static final String STORAGE_KEY_PREFIX = "microlearn_state_";
    private static final String COOKIE_PREFIX = "ml_lti_";

    private BrowserBinding() {}

    /** One cookie per login, so two launches in two tabs do not overwrite each other. */
    public static String cookieName(String state) {
        return COOKIE_PREFIX + state.substring(0, 16);
    }

    public static ResponseCookie cookie(String state, String binding, Duration ttl) {
        return ResponseCookie.from(cookieName(state), binding)
                .httpOnly(true)
                .secure(true)
                .sameSite("None")
                .partitioned(true)
                .path("/lti/launch")
                .maxAge(ttl)
                .build();
    }

    public static ResponseCookie expired(String state) {
        return ResponseCookie.from(cookieName(state), "")
                .httpOnly(true)
                .secure(true)
                .sameSite("None")
                .partitioned(true)
                .path("/lti/launch")
                .maxAge(0)
                .build();
    }
}
