package org.microlearn.lti.gradebook;

import java.util.List;
import org.microlearn.shared.GradebookDeliveries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Delivery status of published scores, read from the outbox (lti_score_delivery). */
@Component
class DeliveryStatuses implements GradebookDeliveries {

    private final JdbcClient jdbc;

    DeliveryStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ColumnStatus> statuses(long platformId, String tagPrefix) {
        return jdbc.sql("""
                        SELECT course_id, educator_id, resource_id,
                               CASE status WHEN 'DELIVERED' THEN 'SYNCED' WHEN 'FAILED' THEN 'FAILED' ELSE 'PENDING' END,
                               CASE WHEN status <> 'DELIVERED' THEN last_error END
                        FROM lti_score_delivery
                        WHERE platform_id = ? AND tag LIKE CONCAT(?, '%')""")
                .params(platformId, tagPrefix.replace("%", "\\%").replace("_", "\\_"))
                .query((rs, n) -> new ColumnStatus(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
