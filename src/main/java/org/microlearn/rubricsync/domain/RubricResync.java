package org.microlearn.rubricsync.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.microlearn.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sends every teacher's rubric levels again, for one course or a whole platform, in the
 * background; the job row shows how far it got.
 */
@Service
public class RubricResync {

    private static final Logger log = LoggerFactory.getLogger(RubricResync.class);

    /** A resync and its progress. */
    public record Job(
            long id,
            long platformId,
            Long courseId,
            int total,
            int done,
            String status,
            String error,
            Instant startedAt,
            Instant finishedAt) {

        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * done / total);
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    private final RubricProgress progress;
    private final People people;
    private final JdbcClient jdbc;
    private final TaskExecutor executor;
    private final Clock clock;

    RubricResync(
            RubricProgress progress,
            People people,
            JdbcClient jdbc,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.progress = progress;
        this.people = people;
        this.jdbc = jdbc;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts a resync of the course, or of the whole platform when {@code courseId} is null. */
    public Job start(long platformId, Long courseId) {
        if (courseId != null && people.course(platformId, courseId).isEmpty()) {
            throw new IllegalArgumentException("There is no course " + courseId + " on this platform.");
        }
        List<Long> educators =
                courseId == null ? people.educatorIdsInCourses(platformId) : people.memberIdsOf(platformId, courseId);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO rubric_resync_job (platform_id, course_id, total, status, started_at) VALUES (?, ?, ?, 'RUNNING', ?)")
                .params(platformId, courseId, educators.size(), Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        executor.execute(() -> run(id, platformId, courseId, educators));
        return job(platformId, id).orElseThrow();
    }

    private void run(long id, long platformId, Long courseId, List<Long> educators) {
        try {
            for (long educatorId : educators) {
                progress.recompute(platformId, educatorId, courseId, true);
                jdbc.sql("UPDATE rubric_resync_job SET done = done + 1 WHERE id = ?")
                        .param(id)
                        .update();
            }
            finish(id, "DONE", null);
        } catch (RuntimeException e) {
            log.warn("Rubric resync {} failed", id, e);
            finish(id, "FAILED", e.getMessage());
        }
    }

    private void finish(long id, String status, String error) {
        jdbc.sql("UPDATE rubric_resync_job SET status = ?, error = ?, finished_at = ? WHERE id = ?")
                .params(status, error, Timestamp.from(clock.instant()), id)
                .update();
    }

    public Optional<Job> job(long platformId, long id) {
        return jdbc.sql("SELECT * FROM rubric_resync_job WHERE id = ? AND platform_id = ?")
                .params(id, platformId)
                .query((rs, n) -> new Job(
                        rs.getLong("id"),
                        rs.getLong("platform_id"),
                        (Long) rs.getObject("course_id", Long.class),
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getString("status"),
                        rs.getString("error"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }

    public List<Job> recentJobs(long platformId) {
        return jdbc
                .sql("SELECT id FROM rubric_resync_job WHERE platform_id = ? ORDER BY id DESC LIMIT 5")
                .param(platformId)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> job(platformId, id).orElseThrow())
                .toList();
    }
}
