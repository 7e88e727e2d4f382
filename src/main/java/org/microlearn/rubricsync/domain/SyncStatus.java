package org.microlearn.rubricsync.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.shared.GradebookDeliveries;
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
    private final GradebookDeliveries deliveries;

    SyncStatus(JdbcClient jdbc, GradebookDeliveries deliveries) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
    }

    @Transactional(readOnly = true)
    public List<Row> rows(long platformId) {
        record Key(long courseId, long educatorId, String resourceId) {}
        Map<Key, GradebookDeliveries.ColumnStatus> delivered = new HashMap<>();
        for (var status : deliveries.statuses(platformId, RubricProgress.TAG_PREFIX)) {
            delivered.put(new Key(status.courseId(), status.educatorId(), status.resourceId()), status);
        }
        record Progress(long courseId, String courseTitle, long educatorId, long criterionId, String resourceId) {}
        List<Progress> progress = jdbc.sql("""
                        SELECT p.course_id, COALESCE(c.title, c.context_id), p.educator_id, p.criterion_id, p.resource_id
                        FROM rubric_progress p JOIN course c ON c.id = p.course_id
                        WHERE p.platform_id = ? ORDER BY c.title, p.course_id, p.criterion_id""")
                .param(platformId)
                .query((rs, n) ->
                        new Progress(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
                .list();
        Map<List<Long>, int[]> counts = new LinkedHashMap<>();
        Map<List<Long>, String> titles = new HashMap<>();
        Map<List<Long>, String> errors = new HashMap<>();
        for (Progress p : progress) {
            List<Long> group = List.of(p.courseId(), p.criterionId());
            titles.put(group, p.courseTitle());
            int[] count = counts.computeIfAbsent(group, g -> new int[3]);
            var status = delivered.get(new Key(p.courseId(), p.educatorId(), p.resourceId()));
            String state = status == null ? "PENDING" : status.status();
            count["SYNCED".equals(state) ? 0 : "FAILED".equals(state) ? 2 : 1]++;
            if (status != null && status.lastError() != null) {
                errors.put(group, status.lastError());
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((group, count) -> rows.add(new Row(
                group.get(0), titles.get(group), group.get(1), count[0], count[1], count[2], errors.get(group))));
        return rows;
    }
}
