package org.microlearn.lti.gradebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.microlearn.shared.GradebookScoreChanged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The grade passback outbox ({@code lti_score_delivery}): what is to be sent, claimed, sent, failed. */
@Service
class ScoreDeliveries {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final Clock clock;

    ScoreDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the score as the column's latest, unless the row already holds a score at least as
     * recent (events arrive late, twice after a restart, or out of order from two nodes).
     *
     * <p>Read committed, and the existing row updated before any insert is tried: an insert that
     * hits a duplicate takes a shared lock, and repeatable read adds gap locks, both of which
     * deadlock concurrent listeners and the worker's claims. A deadlock that still happens is
     * retried by the listener.
     *
     * @return whether the score became the one to deliver
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public boolean record(GradebookScoreChanged score) {
        if (replaceOlder(score)) {
            return true;
        }
        GradebookScoreChanged.Column column = score.column();
        try {
            jdbc.sql("""
                            INSERT INTO lti_score_delivery (platform_id, course_id, educator_id, column_key, resource_id, tag,
                                label, column_maximum, resource_link_id, score_given, score_maximum, activity_progress,
                                grading_progress, comment, score_timestamp, started_at, submitted_at, status, version,
                                attempts, next_attempt_at)
                            VALUES (:platform, :course, :educator, :key, :resourceId, :tag, :label, :columnMaximum,
                                :resourceLinkId, :given, :maximum, :activity, :grading, :comment, :timestamp, :startedAt,
                                :submittedAt, 'PENDING', 1, 0, :now)""")
                    .param("platform", score.platformId())
                    .param("course", score.courseId())
                    .param("educator", score.educatorId())
                    .param("key", ColumnKeys.of(column))
                    .param("resourceId", column.resourceId())
                    .param("tag", column.tag())
                    .param("label", column.label())
                    .param("columnMaximum", column.scoreMaximum())
                    .param("resourceLinkId", column.resourceLinkId())
                    .param("given", score.scoreGiven())
                    .param("maximum", score.scoreMaximum())
                    .param("activity", score.activityProgress())
                    .param("grading", score.gradingProgress())
                    .param("comment", score.comment())
                    .param("timestamp", timestamp(score.timestamp()))
                    .param("startedAt", timestamp(score.startedAt()))
                    .param("submittedAt", timestamp(score.submittedAt()))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException concurrent) {
            // Another listener inserted the column's first score meanwhile: ours may be newer.
            return replaceOlder(score);
        }
    }

    /**
     * Replaces the row's score if it is older, keeping its history of sends. A row waiting out a
     * backoff keeps waiting (the platform is still down); a delivered or failed one is due now.
     * MariaDB assigns left to right, so status is set last.
     */
    private boolean replaceOlder(GradebookScoreChanged score) {
        GradebookScoreChanged.Column column = score.column();
        return jdbc.sql("""
                                UPDATE lti_score_delivery SET label = :label, column_maximum = :columnMaximum,
                                    score_given = :given, score_maximum = :maximum, activity_progress = :activity,
                                    grading_progress = :grading, comment = :comment, score_timestamp = :timestamp,
                                    started_at = :startedAt, submitted_at = :submittedAt, version = version + 1,
                                    next_attempt_at = IF(status = 'PENDING', next_attempt_at, :now),
                                    attempts = IF(status = 'PENDING', attempts, 0),
                                    status = 'PENDING'
                                WHERE platform_id = :platform AND course_id = :course AND educator_id = :educator
                                  AND column_key = :key AND score_timestamp < :timestamp""")
                        .param("platform", score.platformId())
                        .param("course", score.courseId())
                        .param("educator", score.educatorId())
                        .param("key", ColumnKeys.of(column))
                        .param("label", column.label())
                        .param("columnMaximum", column.scoreMaximum())
                        .param("given", score.scoreGiven())
                        .param("maximum", score.scoreMaximum())
                        .param("activity", score.activityProgress())
                        .param("grading", score.gradingProgress())
                        .param("comment", score.comment())
                        .param("timestamp", timestamp(score.timestamp()))
                        .param("startedAt", timestamp(score.startedAt()))
                        .param("submittedAt", timestamp(score.submittedAt()))
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** The platforms with deliveries due now and not leased. */
    @Transactional(readOnly = true)
    public List<Long> duePlatforms() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        SELECT DISTINCT platform_id FROM lti_score_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                          AND (leased_until IS NULL OR leased_until < :now)""").param("now", now).query(Long.class).list();
    }

    /**
     * Claims up to {@code limit} due deliveries of one platform for {@code owner} until {@code
     * leasedUntil}. Rows another worker holds locked are skipped, not waited for, and rows it has
     * leased are not due, so two workers (on one node or several) never hold the same delivery.
     * Read committed: only the rows claimed are locked, not the gaps listeners insert into.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Delivery> claim(String owner, long platformId, int limit, Instant leasedUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM lti_score_delivery
                        WHERE status = 'PENDING' AND platform_id = :platform AND next_attempt_at <= :now
                          AND (leased_until IS NULL OR leased_until < :now)
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("platform", platformId)
                .param("now", now)
                .param("limit", limit)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE lti_score_delivery SET leased_until = :until, lease_owner = :owner WHERE id IN (:ids)")
                .param("until", Timestamp.from(leasedUntil))
                .param("owner", owner)
                .param("ids", ids)
                .update();
        return jdbc.sql("""
                        SELECT d.*, e.subject, c.lineitems_url, c.ags_scopes, c.product_family,
                               rl.lineitem_url AS link_lineitem_url
                        FROM lti_score_delivery d
                        LEFT JOIN educator e ON e.id = d.educator_id AND e.platform_id = d.platform_id
                        LEFT JOIN lti_context c ON c.course_id = d.course_id AND c.platform_id = d.platform_id
                        LEFT JOIN lti_resource_link rl
                               ON rl.platform_id = d.platform_id AND rl.resource_link_id = d.resource_link_id
                        WHERE d.id IN (:ids)
                        ORDER BY d.next_attempt_at, d.id""").param("ids", ids).query(ScoreDeliveries::delivery).list();
    }

    /**
     * The platform accepted the score. DELIVERED only if no newer score arrived meanwhile; else
     * the row stays PENDING and the newer score goes out in the next round.
     */
    @Transactional
    public void delivered(Delivery delivery, Instant sentTimestamp, int status) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE lti_score_delivery
                        SET status = IF(version = :sent, 'DELIVERED', 'PENDING'), delivered_version = :sent,
                            delivered_at = :now, last_sent_timestamp = :timestamp, last_status = :status,
                            last_error = NULL, attempts = 0, next_attempt_at = :now,
                            leased_until = NULL, lease_owner = NULL
                        WHERE id = :id AND lease_owner = :owner""")
                .param("sent", delivery.version())
                .param("now", now)
                .param("timestamp", Timestamp.from(sentTimestamp))
                .param("status", status)
                .param("id", delivery.id())
                .param("owner", delivery.leaseOwner())
                .update();
    }

    /** Try again at {@code at}; {@code countsAsAttempt} is false for rows not tried this round. */
    @Transactional
    public void retryLater(Delivery delivery, Instant at, boolean countsAsAttempt, Integer status, String error) {
        jdbc.sql("""
                        UPDATE lti_score_delivery
                        SET attempts = attempts + :increment, next_attempt_at = :at,
                            last_status = COALESCE(:status, last_status), last_error = COALESCE(:error, last_error),
                            leased_until = NULL, lease_owner = NULL
                        WHERE id = :id AND lease_owner = :owner""")
                .param("increment", countsAsAttempt ? 1 : 0)
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("error", error)
                .param("id", delivery.id())
                .param("owner", delivery.leaseOwner())
                .update();
    }

    /**
     * Gives claimed deliveries back untried, due at {@code at}: the rest of a batch whose platform
     * is unwell, in one statement rather than one per row.
     */
    @Transactional
    public void release(List<Delivery> untried, Instant at) {
        if (untried.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE lti_score_delivery SET next_attempt_at = :at, leased_until = NULL, lease_owner = NULL
                        WHERE id IN (:ids) AND lease_owner = :owner""")
                .param("at", Timestamp.from(at))
                .param("ids", untried.stream().map(Delivery::id).toList())
                .param("owner", untried.get(0).leaseOwner())
                .update();
    }

    /**
     * The platform refused the score for good (or it cannot be sent): FAILED with its answer, for
     * an administrator to look at. A newer score that arrived meanwhile still gets its chance.
     */
    @Transactional
    public void failed(Delivery delivery, Integer status, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE lti_score_delivery
                        SET status = IF(version = :sent, 'FAILED', 'PENDING'), attempts = attempts + 1,
                            next_attempt_at = :now, last_status = :status, last_error = :error,
                            leased_until = NULL, lease_owner = NULL
                        WHERE id = :id AND lease_owner = :owner""")
                .param("sent", delivery.version())
                .param("now", now)
                .param("status", status)
                .param("error", error)
                .param("id", delivery.id())
                .param("owner", delivery.leaseOwner())
                .update();
    }

    /**
     * An administrator's retry: a failed (or waiting) delivery is due now, with a fresh backoff.
     *
     * @param platformId the administrator's platform, or null for the operator's API (any platform)
     * @return whether there was such a delivery not yet delivered
     */
    @Transactional
    public boolean retryNow(long id, Long platformId) {
        return jdbc.sql("""
                                UPDATE lti_score_delivery
                                SET status = 'PENDING', attempts = 0, next_attempt_at = :now,
                                    leased_until = NULL, lease_owner = NULL
                                WHERE id = :id AND status IN ('FAILED', 'PENDING')
                                  AND (:platform IS NULL OR platform_id = :platform)""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .param("platform", platformId)
                        .update()
                == 1;
    }

    @Transactional(readOnly = true)
    public List<DeliveryView> list(Long platformId, Collection<String> statuses, int limit) {
        return jdbc.sql(VIEW + """
                         WHERE d.status IN (:statuses) AND (:platform IS NULL OR d.platform_id = :platform)
                        ORDER BY d.status, d.updated_at DESC LIMIT :limit""")
                .param("statuses", statuses)
                .param("platform", platformId)
                .param("limit", limit)
                .query(ScoreDeliveries::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<DeliveryView> find(long id) {
        return jdbc.sql(VIEW + " WHERE d.id = :id")
                .param("id", id)
                .query(ScoreDeliveries::view)
                .optional();
    }

    /** How many deliveries have each status (for metrics and the benchmark). */
    @Transactional(readOnly = true)
    public long count(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE status = ?")
                .param(status)
                .query(Long.class)
                .single();
    }

    private static final String VIEW = """
            SELECT d.id, d.platform_id, d.course_id, c.title AS course_title, d.educator_id,
                   COALESCE(e.name, e.subject) AS educator_name, d.label, d.resource_id, d.tag, d.score_given,
                   d.score_maximum, d.score_timestamp, d.status, d.attempts, d.next_attempt_at, d.last_status,
                   d.last_error, d.delivered_at
            FROM lti_score_delivery d
            LEFT JOIN educator e ON e.id = d.educator_id
            LEFT JOIN course c ON c.id = d.course_id
            """;

    private static DeliveryView view(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getLong("course_id"),
                rs.getString("course_title"),
                rs.getLong("educator_id"),
                rs.getString("educator_name"),
                rs.getString("label"),
                (Double) rs.getObject("score_given", Double.class),
                rs.getDouble("score_maximum"),
                instant(rs.getTimestamp("score_timestamp")),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                (Integer) rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                instant(rs.getTimestamp("delivered_at")));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getString("lease_owner"),
                rs.getLong("platform_id"),
                rs.getLong("course_id"),
                rs.getLong("educator_id"),
                rs.getString("column_key"),
                rs.getString("resource_id"),
                rs.getString("tag"),
                rs.getString("label"),
                rs.getDouble("column_maximum"),
                rs.getString("resource_link_id"),
                rs.getObject("score_given", Double.class),
                rs.getDouble("score_maximum"),
                rs.getString("activity_progress"),
                rs.getString("grading_progress"),
                rs.getString("comment"),
                instant(rs.getTimestamp("score_timestamp")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("last_sent_timestamp")),
                rs.getInt("attempts"),
                rs.getString("subject"),
                rs.getString("lineitems_url"),
                rs.getString("ags_scopes"),
                rs.getString("product_family"),
                rs.getString("link_lineitem_url"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
