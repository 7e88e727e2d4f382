package org.microlearn.lti.login;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Stores logins in progress and hands each one out exactly once. */
@Repository
public class LoginStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int PURGE_BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 256 bits from a CSPRNG, base64url without padding (43 characters). */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 2, delay = 10, jitter = 5)
    LoginState start(long platformId, String targetLinkUri, String storageTarget, Duration ttl) {
        LoginState login = new LoginState(
                randomToken(),
                randomToken(),
                randomToken(),
                platformId,
                targetLinkUri,
                storageTarget,
                clock.instant().plus(ttl));
        jdbc.sql("""
                        INSERT INTO lti_login_state
                            (state, nonce, browser_binding, platform_id, target_link_uri, storage_target, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        login.state(),
                        login.nonce(),
                        login.browserBinding(),
                        login.platformId(),
                        login.targetLinkUri(),
                        login.storageTarget(),
                        Timestamp.from(login.expiresAt()))
                .update();
        return login;
    }

    /**
     * Takes the login out of the store: one statement reads and deletes it, so of two launches
     * with the same state (a replay, on this node or another) exactly one gets it. A statement
     * that MariaDB chose as a deadlock victim was rolled back whole, so trying again is safe.
     */
    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 2, delay = 10, jitter = 5)
    public Optional<LoginState> consume(String state) {
        if (state == null || state.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        DELETE FROM lti_login_state WHERE state = ?
                        RETURNING state, nonce, browser_binding, platform_id, target_link_uri, storage_target, expires_at""")
                .param(state)
                .query((rs, n) -> new LoginState(
                        rs.getString("state"),
                        rs.getString("nonce"),
                        rs.getString("browser_binding"),
                        rs.getLong("platform_id"),
                        rs.getString("target_link_uri"),
                        rs.getString("storage_target"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(login -> login.expiresAt().isAfter(clock.instant()));
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void purgeExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        purge("""
                SELECT state FROM lti_login_state WHERE expires_at < ? LIMIT ?""", """
                DELETE FROM lti_login_state WHERE state IN (:keys) AND expires_at < :now""", now);
        purge("""
                SELECT id FROM lti_pending_launch WHERE expires_at < ? LIMIT ?""", """
                DELETE FROM lti_pending_launch WHERE id IN (:keys) AND expires_at < :now""", now);
    }

    /**
     * Deletes expired rows by primary key, a batch at a time. A range delete on {@code expires_at}
     * would lock the index up to the oldest live login and deadlock with the launch consuming it
     * (seen under load); by key, only expired rows are locked.
     */
    private void purge(String selectExpired, String deleteByKey, Timestamp now) {
        List<String> keys;
        do {
            keys = jdbc.sql(selectExpired)
                    .params(now, PURGE_BATCH)
                    .query(String.class)
                    .list();
            if (!keys.isEmpty()) {
                jdbc.sql(deleteByKey).param("keys", keys).param("now", now).update();
            }
        } while (keys.size() == PURGE_BATCH);
    }

    Instant now() {
        return clock.instant();
    }
}
