package org.microlearn.lti.gradebook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.services.AgsClient;
import org.microlearn.lti.services.AgsEndpoint;
import org.microlearn.lti.services.LineItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The line item URL of each gradebook column in a course ({@code lti_line_item}), found or
 * created in the platform once. Creating a column twice would show teachers two columns of the
 * same lesson (Moodle's capture shows exactly that for a tool without such a guard), so the first
 * worker to insert the column's row creates it and the others wait for its URL. Not
 * transactional on purpose: each statement commits at once, and the platform is called between.
 */
@Component
class LineItemDirectory {

    private record Row(String lineItemUrl, String claimedBy, Timestamp claimedAt) {}

    private final JdbcClient jdbc;
    private final AgsClient ags;
    private final GradebookProperties properties;
    private final Clock clock;

    LineItemDirectory(JdbcClient jdbc, AgsClient ags, GradebookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.ags = ags;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the URL came from this directory (a deleted line item may then be re-created). */
    record Found(String url) {}

    Found lineItemUrl(Platform platform, AgsEndpoint endpoint, Delivery delivery, String owner) {
        Optional<Row> row = read(delivery);
        if (row.isPresent() && row.get().lineItemUrl() != null) {
            return new Found(row.get().lineItemUrl());
        }
        if (!claim(delivery, row, owner)) {
            throw new LineItemPending(delivery.columnKey());
        }
        try {
            List<LineItem> existing =
                    ags.lineItems(platform, endpoint, delivery.resourceId(), delivery.tag(), delivery.resourceLinkId());
            LineItem item = existing.isEmpty()
                    ? ags.create(
                            platform,
                            endpoint,
                            LineItem.of(
                                    delivery.label(),
                                    delivery.columnMaximum(),
                                    delivery.resourceId(),
                                    delivery.tag(),
                                    delivery.resourceLinkId()))
                    : existing.get(0);
            jdbc.sql("""
                            UPDATE lti_line_item SET lineitem_url = :url
                            WHERE platform_id = :platform AND course_id = :course AND column_key = :key AND claimed_by = :owner""")
                    .param("url", item.id())
                    .param("platform", delivery.platformId())
                    .param("course", delivery.courseId())
                    .param("key", delivery.columnKey())
                    .param("owner", owner)
                    .update();
            return new Found(item.id());
        } catch (RuntimeException e) {
            release(delivery, owner);
            throw e;
        }
    }

    /** The platform says the line item is gone (a teacher deleted the column): find or create anew. */
    void forget(Delivery delivery, String url) {
        jdbc.sql("""
                        DELETE FROM lti_line_item
                        WHERE platform_id = :platform AND course_id = :course AND column_key = :key AND lineitem_url = :url""")
                .param("platform", delivery.platformId())
                .param("course", delivery.courseId())
                .param("key", delivery.columnKey())
                .param("url", url)
                .update();
    }

    private boolean claim(Delivery delivery, Optional<Row> row, String owner) {
        Timestamp now = Timestamp.from(clock.instant());
        if (row.isEmpty()) {
            return jdbc.sql("""
                                    INSERT IGNORE INTO lti_line_item (platform_id, course_id, column_key, claimed_by, claimed_at)
                                    VALUES (:platform, :course, :key, :owner, :now)""")
                            .param("platform", delivery.platformId())
                            .param("course", delivery.courseId())
                            .param("key", delivery.columnKey())
                            .param("owner", owner)
                            .param("now", now)
                            .update()
                    == 1;
        }
        Instant stale = clock.instant().minus(properties.lineItemClaimTimeout());
        if (row.get().claimedAt().toInstant().isAfter(stale)) {
            return false;
        }
        // The claimant went silent (crashed mid-creation): take over, unless a third worker did.
        return jdbc.sql("""
                                UPDATE lti_line_item SET claimed_by = :owner, claimed_at = :now
                                WHERE platform_id = :platform AND course_id = :course AND column_key = :key
                                  AND lineitem_url IS NULL AND claimed_at = :previous""")
                        .param("owner", owner)
                        .param("now", now)
                        .param("platform", delivery.platformId())
                        .param("course", delivery.courseId())
                        .param("key", delivery.columnKey())
                        .param("previous", row.get().claimedAt())
                        .update()
                == 1;
    }

    private void release(Delivery delivery, String owner) {
        jdbc.sql("""
                        DELETE FROM lti_line_item
                        WHERE platform_id = :platform AND course_id = :course AND column_key = :key
                          AND claimed_by = :owner AND lineitem_url IS NULL""")
                .param("platform", delivery.platformId())
                .param("course", delivery.courseId())
                .param("key", delivery.columnKey())
                .param("owner", owner)
                .update();
    }

    private Optional<Row> read(Delivery delivery) {
        return jdbc.sql("""
                        SELECT lineitem_url, claimed_by, claimed_at FROM lti_line_item
                        WHERE platform_id = :platform AND course_id = :course AND column_key = :key""")
                .param("platform", delivery.platformId())
                .param("course", delivery.courseId())
                .param("key", delivery.columnKey())
                .query((rs, n) -> new Row(
                        rs.getString("lineitem_url"), rs.getString("claimed_by"), rs.getTimestamp("claimed_at")))
                .optional();
    }
}
