package org.microlearn.lti.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.microlearn.lti.login.LoginState;
import org.microlearn.lti.login.LoginStates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Launches that passed every check but still have to show they came back to the browser that
 * started the login, through LTI platform storage (when the cookie did not arrive). The page
 * that finishes them gets an unguessable id; a cross-site attacker never sees it.
 */
@Component
class PendingLaunches {

    private static final Duration TTL = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PendingLaunches(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    String hold(LtiLaunch launch, LoginState login) {
        String id = LoginStates.randomToken();
        jdbc.sql(
                        "INSERT INTO lti_pending_launch (id, state, browser_binding, launch, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        id,
                        login.state(),
                        login.browserBinding(),
                        json.writeValueAsString(launch),
                        Timestamp.from(clock.instant().plus(TTL)))
                .update();
        return id;
    }

    /** The held launch, once, if the value from platform storage is the login's binding. */
    LtiLaunch release(String id, String storedValue) {
        record Held(String binding, String launch, Timestamp expiresAt) {}
        Held held = jdbc.sql(
                        "DELETE FROM lti_pending_launch WHERE id = ? RETURNING browser_binding, launch, expires_at")
                .param(id == null ? "" : id)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getTimestamp(3)))
                .optional()
                .filter(h -> h.expiresAt().toInstant().isAfter(clock.instant()))
                .orElseThrow(() -> new LaunchRejected(
                        LaunchCheck.STATE,
                        "the launch waiting for platform storage is unknown, expired or already used"));
        if (storedValue == null
                || !MessageDigest.isEqual(
                        held.binding().getBytes(StandardCharsets.US_ASCII),
                        storedValue.getBytes(StandardCharsets.UTF_8))) {
            throw new LaunchRejected(
                    LaunchCheck.BROWSER_BINDING,
                    "the platform's storage in this browser does not hold this login's value");
        }
        return json.readValue(held.launch(), LtiLaunch.class);
    }
}
