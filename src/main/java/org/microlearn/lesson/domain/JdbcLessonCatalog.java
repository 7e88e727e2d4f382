package org.microlearn.lesson.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonSummary;
import org.microlearn.lesson.LessonVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcLessonCatalog implements LessonCatalog {

    /** Lessons a platform may see: its own, and built-in ones it has not removed. */
    static final String VISIBLE = """
            (l.platform_id = :platform OR (l.platform_id IS NULL AND NOT EXISTS (
                SELECT 1 FROM lesson_hidden h WHERE h.lesson_id = l.id AND h.platform_id = :platform)))""";

    private final JdbcClient jdbc;
    private final LessonStore store;
    private final CompetencyCatalog competencies;

    JdbcLessonCatalog(JdbcClient jdbc, LessonStore store, CompetencyCatalog competencies) {
        this.jdbc = jdbc;
        this.store = store;
        this.competencies = competencies;
    }

    @Override
    public Optional<LessonVersion> findPublishedVersion(long platformId, long versionId) {
        boolean visible = jdbc.sql("""
                        SELECT COUNT(*) FROM lesson_version v JOIN lesson l ON l.id = v.lesson_id
                        WHERE v.id = :id AND (l.platform_id IS NULL OR l.platform_id = :platform)
                        """)
                        .param("id", versionId)
                        .param("platform", platformId)
                        .query(Integer.class)
                        .single()
                > 0;
        return visible ? store.versions(List.of(versionId)).stream().findFirst() : Optional.empty();
    }

    @Override
    public Optional<LessonVersion> currentVersion(long platformId, long lessonId) {
        return jdbc.sql("SELECT l.current_version_id FROM lesson l WHERE l.id = :id AND l.retired_at IS NULL"
                        + " AND l.current_version_id IS NOT NULL AND " + VISIBLE)
                .param("id", lessonId)
                .param("platform", platformId)
                .query(Long.class)
                .optional()
                .flatMap(
                        versionId -> store.versions(List.of(versionId)).stream().findFirst());
    }

    @Override
    public List<LessonSummary> search(long platformId, LessonFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT v.id, l.platform_id IS NULL AS built_in FROM lesson l JOIN lesson_version v ON v.id = l.current_version_id
                WHERE l.retired_at IS NULL AND""").append(' ').append(VISIBLE);
        Map<String, Object> params = new HashMap<>();
        params.put("platform", platformId);
        if (filter.competencyId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM lesson_version_competency c"
                    + " WHERE c.version_id = v.id AND c.competency_id = :competency)");
            params.put("competency", filter.competencyId());
        }
        if (filter.domainId() != null) {
            List<Long> inDomain = competencies.allCompetencies(platformId).stream()
                    .filter(ref -> ref.domainId() == filter.domainId())
                    .map(CompetencyRef::id)
                    .toList();
            if (inDomain.isEmpty()) {
                return List.of();
            }
            sql.append(" AND EXISTS (SELECT 1 FROM lesson_version_competency d"
                    + " WHERE d.version_id = v.id AND d.competency_id IN (:domainCompetencies))");
            params.put("domainCompetencies", inDomain);
        }
        if (filter.stage() != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM lesson_version_stage s WHERE s.version_id = v.id AND s.stage = :stage)");
            params.put("stage", filter.stage().name());
        }
        if (filter.maxMinutes() != null) {
            sql.append(" AND v.estimated_minutes <= :minutes");
            params.put("minutes", filter.maxMinutes());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (v.title LIKE :text OR v.summary LIKE :text)");
            params.put("text", "%" + escapeLike(filter.text().trim()) + "%");
        }
        sql.append(" ORDER BY v.title, v.id");
        List<Long> versionIds = new ArrayList<>();
        Set<Long> builtIn = new HashSet<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            versionIds.add(rs.getLong(1));
            if (rs.getBoolean(2)) {
                builtIn.add(rs.getLong(1));
            }
        });
        return summaries(platformId, store.versions(versionIds), builtIn, competencies);
    }

    static List<LessonSummary> summaries(
            long platformId,
            List<LessonVersion> versions,
            Set<Long> builtInVersionIds,
            CompetencyCatalog competencyCatalog) {
        List<Long> ids = versions.stream()
                .flatMap(v -> v.competencyIds().stream())
                .distinct()
                .toList();
        Map<Long, CompetencyRef> refs = new HashMap<>();
        competencyCatalog.competencies(platformId, ids).forEach(ref -> refs.put(ref.id(), ref));
        List<LessonSummary> summaries = new ArrayList<>();
        for (LessonVersion version : versions) {
            summaries.add(new LessonSummary(
                    version.lessonId(),
                    version.id(),
                    version.version(),
                    version.title(),
                    version.summary(),
                    version.estimatedMinutes(),
                    version.careerStages(),
                    version.competencyIds().stream()
                            .filter(refs::containsKey)
                            .map(refs::get)
                            .toList(),
                    builtInVersionIds.contains(version.id())));
        }
        return summaries;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
