package org.microlearn.rubric.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.PerformanceLevel;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.RubricSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcRubricCatalog implements RubricCatalog {

    private static final String VISIBLE = "(r.platform_id IS NULL OR r.platform_id = :platform)";

    private final JdbcClient jdbc;

    JdbcRubricCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RubricSummary> rubrics(long platformId) {
        return jdbc.sql("""
                        SELECT r.id, r.uuid, r.platform_id, r.title,
                               (SELECT COUNT(*) FROM rubric_criterion c WHERE c.rubric_id = r.id) AS criteria,
                               (SELECT COUNT(*) FROM rubric_level l WHERE l.rubric_id = r.id) AS levels
                        FROM rubric r
                        WHERE""" + " " + VISIBLE + " ORDER BY r.platform_id IS NULL, r.title, r.id")
                .param("platform", platformId)
                .query((rs, n) -> new RubricSummary(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getObject("platform_id", Long.class),
                        rs.getString("title"),
                        rs.getInt("criteria"),
                        rs.getInt("levels")))
                .list();
    }

    @Override
    public Optional<Rubric> rubric(long platformId, long rubricId) {
        return jdbc.sql("SELECT r.id FROM rubric r WHERE r.id = :id AND " + VISIBLE)
                .param("id", rubricId)
                .param("platform", platformId)
                .query(Long.class)
                .optional()
                .map(this::load);
    }

    @Override
    public Optional<Rubric> builtInRubric() {
        return jdbc.sql("SELECT id FROM rubric WHERE platform_id IS NULL AND uuid = :uuid")
                .param("uuid", BUILT_IN_RUBRIC_UUID)
                .query(Long.class)
                .optional()
                .map(this::load);
    }

    @Override
    public List<PerformanceLevel> levels(long rubricId) {
        return jdbc.sql("SELECT position, name, score FROM rubric_level WHERE rubric_id = :id ORDER BY position")
                .param("id", rubricId)
                .query((rs, n) -> new PerformanceLevel(
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getBigDecimal("score").doubleValue()))
                .list();
    }

    @Override
    public List<MappedCriterion> mappedCriteria(long platformId, long competencyId) {
        return mappedCriteria(platformId, List.of(competencyId));
    }

    @Override
    public List<MappedCriterion> mappedCriteria(long platformId, Collection<Long> competencyIds) {
        if (competencyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT m.competency_id, c.id AS criterion_id, c.code,
                               COALESCE(c.abbreviated_statement, c.full_statement) AS title,
                               r.id AS rubric_id, r.title AS rubric_title, m.weight
                        FROM rubric_competency_mapping m
                        JOIN rubric_criterion c ON c.id = m.criterion_id
                        JOIN rubric r ON r.id = c.rubric_id
                        WHERE m.competency_id IN (:competencies) AND""" + " " + VISIBLE + """

                        ORDER BY r.platform_id IS NULL, r.id, m.competency_id, m.weight DESC, c.position
                        """)
                .param("competencies", competencyIds)
                .param("platform", platformId)
                .query((rs, n) -> new MappedCriterion(
                        rs.getLong("competency_id"),
                        rs.getLong("criterion_id"),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getLong("rubric_id"),
                        rs.getString("rubric_title"),
                        rs.getBigDecimal("weight").doubleValue()))
                .list();
    }

    private Rubric load(long id) {
        List<PerformanceLevel> levels = levels(id);
        Map<Long, List<String>> descriptors = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT d.criterion_id, d.description FROM rubric_descriptor d
                        JOIN rubric_criterion c ON c.id = d.criterion_id
                        WHERE c.rubric_id = :id ORDER BY d.criterion_id, d.position
                        """)
                .param("id", id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(row -> descriptors
                        .computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                        .add(row.getValue()));
        Map<Long, List<Rubric.Criterion>> criteria = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, domain_id, item_uuid, code, abbreviated_statement, full_statement
                        FROM rubric_criterion WHERE rubric_id = :id ORDER BY position
                        """)
                .param("id", id)
                .query((rs, n) -> Map.entry(
                        rs.getLong("domain_id"),
                        new Rubric.Criterion(
                                rs.getLong("id"),
                                rs.getString("item_uuid"),
                                rs.getString("code"),
                                titleOf(rs.getString("abbreviated_statement"), rs.getString("full_statement")),
                                rs.getString("full_statement"),
                                descriptors.getOrDefault(rs.getLong("id"), List.of()))))
                .list()
                .forEach(row -> criteria.computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                        .add(row.getValue()));
        List<Rubric.Domain> domains = jdbc.sql("""
                        SELECT id, uuid, code, abbreviated_statement, full_statement
                        FROM rubric_domain WHERE rubric_id = :id ORDER BY position
                        """)
                .param("id", id)
                .query((rs, n) -> new Rubric.Domain(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getString("code"),
                        titleOf(rs.getString("abbreviated_statement"), rs.getString("full_statement")),
                        rs.getString("full_statement"),
                        criteria.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        return jdbc.sql("""
                        SELECT id, uuid, platform_id, title, description, license_title, license_uri
                        FROM rubric WHERE id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Rubric(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getObject("platform_id", Long.class),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("license_title"),
                        rs.getString("license_uri"),
                        levels,
                        domains))
                .single();
    }

    private static String titleOf(String abbreviated, String full) {
        return abbreviated == null ? full : abbreviated;
    }
}
