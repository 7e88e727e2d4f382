package org.microlearn.rubricsync.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Per course and criterion: how many teachers' values are synced, pending or failed. */
@Component
public class SyncStatus {

    public record Row(
            long courseId,
            String courseTitle,
            long criterionId,
            int synced,
            int pending,
            int failed,
            String lastError) {}

    private final JdbcClient jdbc;

    SyncStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Row> rows(long platformId) {
        return jdbc.sql("""
                        SELECT p.course_id, c.title, p.criterion_id,
                               SUM(p.delivery_status = 'SYNCED') AS synced,
                               SUM(p.delivery_status = 'PENDING') AS pending,
                               SUM(p.delivery_status = 'FAILED') AS failed,
                               MAX(CASE WHEN p.delivery_status <> 'SYNCED' THEN p.delivery_error END) AS last_error
                        FROM rubric_progress p JOIN course c ON c.id = p.course_id
                        WHERE p.platform_id = ?
                        GROUP BY p.course_id, c.title, p.criterion_id
                        ORDER BY c.title, p.course_id, p.criterion_id""")
                .param(platformId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7)))
                .list();
    }
}
