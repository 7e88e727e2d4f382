package org.microlearn.lesson.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microlearn.lesson.LessonBody;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.shared.CareerStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL behind lessons. Versions are only ever inserted: nothing here updates or deletes one.
 */
@Component
public class LessonStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LessonStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A lesson's identity and state. {@code platformId} is {@code null} for the starter library. */
    public record LessonRow(
            long id, Long platformId, String uuid, Long currentVersionId, Instant retiredAt, boolean hidden) {

        public boolean builtIn() {
            return platformId == null;
        }
    }

    /** @return whether the row is new (INSERT IGNORE on the tenant's uuid) */
    public boolean insertLesson(Long platformId, String uuid, Long createdBy) {
        return jdbc.sql("INSERT IGNORE INTO lesson (platform_id, uuid, created_by) VALUES (?, ?, ?)")
                        .params(platformId, uuid, createdBy)
                        .update()
                == 1;
    }

    public long lessonId(Long platformId, String uuid) {
        return jdbc.sql("SELECT id FROM lesson WHERE tenant_id = COALESCE(?, 0) AND uuid = ?")
                .params(platformId, uuid)
                .query(Long.class)
                .single();
    }

    /** The lesson, when the platform may see it at all (its own, or built-in). */
    public Optional<LessonRow> lesson(long platformId, long lessonId, boolean forUpdate) {
        return jdbc.sql("""
                        SELECT l.id, l.platform_id, l.uuid, l.current_version_id, l.retired_at,
                               EXISTS (SELECT 1 FROM lesson_hidden h
                                       WHERE h.lesson_id = l.id AND h.platform_id = :platform) AS hidden
                        FROM lesson l
                        WHERE l.id = :id AND (l.platform_id IS NULL OR l.platform_id = :platform)
                        """ + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", lessonId)
                .param("platform", platformId)
                .query((rs, n) -> new LessonRow(
                        rs.getLong("id"),
                        rs.getObject("platform_id", Long.class),
                        rs.getString("uuid"),
                        rs.getObject("current_version_id", Long.class),
                        instant(rs.getObject("retired_at", LocalDateTime.class)),
                        rs.getBoolean("hidden")))
                .optional();
    }

    /** Freezes content as the lesson's next version and makes it current. */
    public long publish(
            long lessonId,
            String title,
            String summary,
            int estimatedMinutes,
            Set<CareerStage> stages,
            List<Long> competencyIds,
            LessonBody body,
            Long publishedBy,
            Instant at) {
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM lesson_version WHERE lesson_id = ?")
                .param(lessonId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        INSERT INTO lesson_version (lesson_id, version, title, summary, estimated_minutes, body,
                            published_at, published_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        lessonId,
                        next,
                        title,
                        summary,
                        estimatedMinutes,
                        json.writeValueAsString(body),
                        LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                        publishedBy)
                .update();
        long versionId = jdbc.sql("SELECT id FROM lesson_version WHERE lesson_id = ? AND version = ?")
                .params(lessonId, next)
                .query(Long.class)
                .single();
        for (CareerStage stage : stages) {
            jdbc.sql("INSERT INTO lesson_version_stage (version_id, stage) VALUES (?, ?)")
                    .params(versionId, stage.name())
                    .update();
        }
        int position = 0;
        for (long competencyId : competencyIds) {
            jdbc.sql("INSERT INTO lesson_version_competency (version_id, competency_id, position) VALUES (?, ?, ?)")
                    .params(versionId, competencyId, ++position)
                    .update();
        }
        jdbc.sql("UPDATE lesson SET current_version_id = ? WHERE id = ?")
                .params(versionId, lessonId)
                .update();
        return versionId;
    }

    /**
     * Published versions never change, so every node keeps the ones it has read: listing lessons
     * (the teacher's queue, the picker, recommendations) would otherwise parse every body each time.
     */
    private final Cache<Long, LessonVersion> published =
            Caffeine.newBuilder().maximumSize(20_000).build();

    /** Published versions by id, in the order asked for; ids that do not exist are left out. */
    public List<LessonVersion> versions(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        Map<Long, LessonVersion> known = published.getAllPresent(versionIds);
        List<Long> missing = versionIds.stream()
                .filter(id -> !known.containsKey(id))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            load(missing).forEach(version -> published.put(version.id(), version));
        }
        return versionIds.stream()
                .map(id -> known.containsKey(id) ? known.get(id) : published.getIfPresent(id))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private List<LessonVersion> load(Collection<Long> versionIds) {
        Map<Long, Set<CareerStage>> stages = new HashMap<>();
        jdbc.sql("SELECT version_id, stage FROM lesson_version_stage WHERE version_id IN (:ids)")
                .param("ids", versionIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), CareerStage.valueOf(rs.getString(2))))
                .list()
                .forEach(row -> stages.computeIfAbsent(row.getKey(), k -> EnumSet.noneOf(CareerStage.class))
                        .add(row.getValue()));
        Map<Long, List<Long>> competencies = new HashMap<>();
        jdbc.sql("""
                        SELECT version_id, competency_id FROM lesson_version_competency
                        WHERE version_id IN (:ids) ORDER BY version_id, position
                        """)
                .param("ids", versionIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(row -> competencies
                        .computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                        .add(row.getValue()));
        Map<Long, LessonVersion> byId = new HashMap<>();
        jdbc.sql("""
                        SELECT v.id, v.lesson_id, l.uuid, v.version, v.title, v.summary, v.estimated_minutes, v.body,
                               v.published_at
                        FROM lesson_version v JOIN lesson l ON l.id = v.lesson_id
                        WHERE v.id IN (:ids)
                        """)
                .param("ids", versionIds)
                .query((rs, n) -> new LessonVersion(
                        rs.getLong("id"),
                        rs.getLong("lesson_id"),
                        rs.getString("uuid"),
                        rs.getInt("version"),
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getInt("estimated_minutes"),
                        stages.getOrDefault(rs.getLong("id"), Set.of()),
                        competencies.getOrDefault(rs.getLong("id"), List.of()),
                        json.readValue(rs.getString("body"), LessonBody.class),
                        instant(rs.getObject("published_at", LocalDateTime.class))))
                .list()
                .forEach(version -> byId.put(version.id(), version));
        return List.copyOf(byId.values());
    }

    /** Every version of a lesson, oldest first: id, number, when, title. */
    public record VersionInfo(long id, int version, Instant publishedAt, String title) {}

    public List<VersionInfo> history(long lessonId) {
        return jdbc.sql(
                        "SELECT id, version, published_at, title FROM lesson_version WHERE lesson_id = ? ORDER BY version")
                .param(lessonId)
                .query((rs, n) -> new VersionInfo(
                        rs.getLong("id"),
                        rs.getInt("version"),
                        instant(rs.getObject("published_at", LocalDateTime.class)),
                        rs.getString("title")))
                .list();
    }

    public Optional<LessonDraft> draft(long lessonId) {
        return jdbc.sql("SELECT content FROM lesson_draft WHERE lesson_id = ?")
                .param(lessonId)
                .query(String.class)
                .optional()
                .map(content -> json.readValue(content, LessonDraft.class));
    }

    public void saveDraft(long lessonId, LessonDraft draft, Long by, Instant at) {
        jdbc.sql("""
                        INSERT INTO lesson_draft (lesson_id, content, updated_at, updated_by) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE content = VALUES(content), updated_at = VALUES(updated_at),
                            updated_by = VALUES(updated_by)
                        """)
                .params(lessonId, json.writeValueAsString(draft), LocalDateTime.ofInstant(at, ZoneOffset.UTC), by)
                .update();
    }

    public void deleteDraft(long lessonId) {
        jdbc.sql("DELETE FROM lesson_draft WHERE lesson_id = ?").param(lessonId).update();
    }

    public void retire(long lessonId, Instant at) {
        jdbc.sql("UPDATE lesson SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
                .params(LocalDateTime.ofInstant(at, ZoneOffset.UTC), lessonId)
                .update();
    }

    public void unretire(long lessonId) {
        jdbc.sql("UPDATE lesson SET retired_at = NULL WHERE id = ?")
                .param(lessonId)
                .update();
    }

    public void hide(long platformId, long lessonId, Long by, Instant at) {
        jdbc.sql("INSERT IGNORE INTO lesson_hidden (platform_id, lesson_id, hidden_at, hidden_by) VALUES (?, ?, ?, ?)")
                .params(platformId, lessonId, LocalDateTime.ofInstant(at, ZoneOffset.UTC), by)
                .update();
    }

    public void unhide(long platformId, long lessonId) {
        jdbc.sql("DELETE FROM lesson_hidden WHERE platform_id = ? AND lesson_id = ?")
                .params(platformId, lessonId)
                .update();
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
