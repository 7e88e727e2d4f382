package org.microlearn.lti.deeplinking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.microlearn.lti.launch.LtiLaunch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deep linking requests between the launch that brings them and the coach's answer. The launch
 * calls {@link #start} and redirects the coach to {@code /coach/deep-linking/{id}}.
 */
@Service
public class DeepLinkingRequests {

    /**
     * Moodle's return URL carries a sesskey and Canvas's a short-lived token: an answer hours later
     * would be refused by the platform, so the picker says to start again instead.
     */
    static final Duration LIFETIME = Duration.ofHours(1);

    record Request(
            String id,
            long platformId,
            String deploymentId,
            long educatorId,
            String returnUrl,
            List<String> acceptTypes,
            boolean acceptMultiple,
            String data,
            Instant createdAt,
            Instant answeredAt) {

        public boolean acceptsLinks() {
            return acceptTypes.contains("ltiResourceLink");
        }

        boolean isExpired(Instant now) {
            return createdAt.plus(LIFETIME).isBefore(now);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DeepLinkingRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the request of a validated {@code LtiDeepLinkingRequest} launch.
     *
     * @param educatorId the coach who launched it
     * @return the id for {@code /coach/deep-linking/{id}}
     */
    @Transactional
    public String start(LtiLaunch launch, long educatorId) {
        LtiLaunch.DeepLinking settings = launch.deepLinking();
        if (!launch.isDeepLinking() || settings == null || settings.returnUrl() == null) {
            throw new IllegalArgumentException("Not a deep linking request with deep_link_return_url");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO lti_deep_linking_request (id, platform_id, deployment_id, educator_id, return_url,
                                                              accept_types, accept_multiple, data, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        launch.platformId(),
                        launch.deploymentId(),
                        educatorId,
                        settings.returnUrl(),
                        String.join(" ", settings.acceptTypes() == null ? List.of() : settings.acceptTypes()),
                        settings.acceptMultiple(),
                        settings.data(),
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    Optional<Request> find(String id) {
        return jdbc.sql("SELECT * FROM lti_deep_linking_request WHERE id = ?")
                .param(id)
                .query(DeepLinkingRequests::request)
                .optional();
    }

    /** Marks the request answered; false if it already was (a second submit, another tab). */
    @Transactional
    boolean answer(String id) {
        return jdbc.sql("UPDATE lti_deep_linking_request SET answered_at = ? WHERE id = ? AND answered_at IS NULL")
                        .params(Timestamp.from(clock.instant()), id)
                        .update()
                == 1;
    }

    /** Requests nobody can answer any more (older than a day) are of no use: remove them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM lti_deep_linking_request WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        String types = rs.getString("accept_types");
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Request(
                rs.getString("id"),
                rs.getLong("platform_id"),
                rs.getString("deployment_id"),
                rs.getLong("educator_id"),
                rs.getString("return_url"),
                types.isBlank() ? List.of() : List.of(types.split(" ")),
                rs.getBoolean("accept_multiple"),
                rs.getString("data"),
                rs.getTimestamp("created_at").toInstant(),
                answered == null ? null : answered.toInstant());
    }
}
