package org.microlearn.assignment.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.microlearn.shared.CareerStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for assignments; every statement filtered by platform. */
@Repository
public class AssignmentStore {

    private static final String COLUMNS = "id, platform_id, course_id, lesson_id, target_kind, target_educator_id,"
            + " target_group_id, target_stage, due_on, note, assigned_by, assigned_at";

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Assignment a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO assignment (platform_id, course_id, lesson_id, target_kind, target_educator_id,"
                        + " target_group_id, target_stage, due_on, note, assigned_by, assigned_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.platformId(),
                        a.courseId(),
                        a.lessonId(),
                        a.target().name(),
                        a.targetEducatorId(),
                        a.targetGroupId(),
                        a.targetStage() == null ? null : a.targetStage().name(),
                        a.dueOn() == null ? null : Date.valueOf(a.dueOn()),
                        a.note(),
                        a.assignedBy(),
                        Timestamp.from(a.assignedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Assignment> find(long platformId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment WHERE platform_id = ? AND id = ?")
                .params(platformId, id)
                .query(AssignmentStore::map)
                .optional();
    }

    /** The platform's assignments, soonest due first, then newest. */
    public List<Assignment> ofPlatform(long platformId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment WHERE platform_id = ?"
                        + " ORDER BY due_on IS NULL, due_on, assigned_at DESC")
                .params(platformId)
                .query(AssignmentStore::map)
                .list();
    }

    /**
     * Assignments that reach an educator: to them, to a group they are in, or to their career stage
     * (platform-wide, or in a course they belong to).
     */
    public List<Assignment> reaching(
            long platformId,
            long educatorId,
            Collection<Long> groupIds,
            CareerStage stage,
            Collection<Long> courseIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment WHERE platform_id = :platform AND ("
                        + " (target_kind = 'EDUCATOR' AND target_educator_id = :educator)"
                        + " OR (target_kind = 'GROUP' AND target_group_id IN (:groups))"
                        + " OR (target_kind = 'STAGE' AND target_stage = :stage"
                        + "     AND (course_id IS NULL OR course_id IN (:courses))))"
                        + " ORDER BY due_on IS NULL, due_on, assigned_at")
                .param("platform", platformId)
                .param("educator", educatorId)
                // IN () is not SQL; -1 is never an id.
                .param("groups", groupIds.isEmpty() ? List.of(-1L) : groupIds)
                .param("stage", stage == null ? "-" : stage.name())
                .param("courses", courseIds.isEmpty() ? List.of(-1L) : courseIds)
                .query(AssignmentStore::map)
                .list();
    }

    public void delete(long platformId, long id) {
        jdbc.sql("DELETE FROM assignment WHERE platform_id = ? AND id = ?")
                .params(platformId, id)
                .update();
    }

    static Assignment map(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("due_on");
        Timestamp at = rs.getTimestamp("assigned_at");
        return new Assignment(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getObject("course_id", Long.class),
                rs.getLong("lesson_id"),
                Assignment.Target.valueOf(rs.getString("target_kind")),
                rs.getObject("target_educator_id", Long.class),
                rs.getObject("target_group_id", Long.class),
                CareerStage.parse(rs.getString("target_stage")).orElse(null),
                due == null ? null : due.toLocalDate(),
                rs.getString("note"),
                rs.getLong("assigned_by"),
                at == null ? Instant.EPOCH : at.toInstant());
    }
}
