package org.microlearn.competency.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.competency.Framework;
import org.microlearn.competency.FrameworkExchange;
import org.microlearn.competency.FrameworkSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcCompetencyCatalog implements CompetencyCatalog {

    /** The rows a platform may see: the built-in library and its own. */
    private static final String VISIBLE = "(f.platform_id IS NULL OR f.platform_id = :platform)";

    private static final String REF_SELECT = """
            SELECT c.id, c.uuid, c.uri, c.code, COALESCE(c.abbreviated_statement, c.full_statement) AS title,
                   d.id AS domain_id, d.code AS domain_code,
                   COALESCE(d.abbreviated_statement, d.full_statement) AS domain_title,
                   f.id AS framework_id, f.title AS framework_title
            FROM competency c
            JOIN competency_domain d ON d.id = c.domain_id
            JOIN competency_framework f ON f.id = c.framework_id
            """;

    private static final String REF_ORDER = " ORDER BY f.platform_id IS NULL, f.id, d.position, c.position";

    private final JdbcClient jdbc;

    JdbcCompetencyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FrameworkSummary> frameworks(long platformId) {
        return jdbc.sql("""
                        SELECT f.id, f.uuid, f.platform_id, f.title, f.version,
                               (SELECT COUNT(*) FROM competency_domain d WHERE d.framework_id = f.id) AS domains,
                               (SELECT COUNT(*) FROM competency c WHERE c.framework_id = f.id) AS competencies
                        FROM competency_framework f
                        WHERE""" + " " + VISIBLE + " ORDER BY f.platform_id IS NULL, f.title, f.id")
                .param("platform", platformId)
                .query((rs, n) -> new FrameworkSummary(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getObject("platform_id", Long.class),
                        rs.getString("title"),
                        rs.getString("version"),
                        rs.getInt("domains"),
                        rs.getInt("competencies")))
                .list();
    }

    @Override
    public Optional<Framework> framework(long platformId, long frameworkId) {
        return jdbc.sql("SELECT f.id FROM competency_framework f WHERE f.id = :id AND " + VISIBLE)
                .param("id", frameworkId)
                .param("platform", platformId)
                .query(Long.class)
                .optional()
                .map(this::load);
    }

    @Override
    public Optional<Framework> builtInFramework() {
        return jdbc.sql("SELECT id FROM competency_framework WHERE platform_id IS NULL AND uuid = :uuid")
                .param("uuid", BUILT_IN_FRAMEWORK_UUID)
                .query(Long.class)
                .optional()
                .map(this::load);
    }

    @Override
    public List<CompetencyRef> competencies(long platformId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REF_SELECT + " WHERE " + VISIBLE + " AND c.id IN (:ids)" + REF_ORDER)
                .param("platform", platformId)
                .param("ids", ids)
                .query(JdbcCompetencyCatalog::ref)
                .list();
    }

    @Override
    public List<CompetencyRef> allCompetencies(long platformId) {
        return jdbc.sql(REF_SELECT + " WHERE " + VISIBLE + REF_ORDER)
                .param("platform", platformId)
                .query(JdbcCompetencyCatalog::ref)
                .list();
    }

    @Override
    public Optional<CompetencyRef> builtInCompetency(String code) {
        return jdbc.sql(REF_SELECT + " WHERE f.platform_id IS NULL AND f.uuid = :framework AND c.code = :code")
                .param("framework", BUILT_IN_FRAMEWORK_UUID)
                .param("code", code)
                .query(JdbcCompetencyCatalog::ref)
                .optional();
    }

    @Override
    public List<CompetencyRef> competenciesByUuid(long platformId, String uuid) {
        return jdbc.sql(REF_SELECT + " WHERE " + VISIBLE + " AND c.uuid = :uuid" + REF_ORDER)
                .param("platform", platformId)
                .param("uuid", uuid)
                .query(JdbcCompetencyCatalog::ref)
                .list();
    }

    private static CompetencyRef ref(ResultSet rs, int row) throws SQLException {
        return new CompetencyRef(
                rs.getLong("id"),
                rs.getString("uuid"),
                FrameworkExchange.uriOf(rs.getString("uri"), rs.getString("uuid")),
                rs.getString("code"),
                rs.getString("title"),
                rs.getLong("domain_id"),
                rs.getString("domain_code"),
                rs.getString("domain_title"),
                rs.getLong("framework_id"),
                rs.getString("framework_title"));
    }

    private record Row(long id, long parent, String uuid, String code, String abbreviated, String full) {

        String title() {
            return abbreviated == null ? full : abbreviated;
        }
    }

    private Framework load(long id) {
        List<Row> domains = rows(
                "SELECT id, framework_id AS parent, uuid, code, abbreviated_statement, full_statement"
                        + " FROM competency_domain WHERE framework_id = :id ORDER BY position",
                id);
        List<Row> competencies = rows(
                "SELECT id, domain_id AS parent, uuid, code, abbreviated_statement, full_statement"
                        + " FROM competency WHERE framework_id = :id ORDER BY position",
                id);
        List<Row> indicators = rows(
                "SELECT i.id, i.competency_id AS parent, i.uuid, i.code, i.abbreviated_statement,"
                        + " i.full_statement FROM competency_indicator i JOIN competency c ON c.id = i.competency_id"
                        + " WHERE c.framework_id = :id ORDER BY i.position",
                id);
        Map<Long, List<Framework.Indicator>> indicatorsOf = new LinkedHashMap<>();
        for (Row row : indicators) {
            indicatorsOf
                    .computeIfAbsent(row.parent(), p -> new ArrayList<>())
                    .add(new Framework.Indicator(row.id(), row.uuid(), row.code(), row.full()));
        }
        Map<Long, List<Framework.Competency>> competenciesOf = new LinkedHashMap<>();
        for (Row row : competencies) {
            competenciesOf
                    .computeIfAbsent(row.parent(), p -> new ArrayList<>())
                    .add(new Framework.Competency(
                            row.id(),
                            row.uuid(),
                            row.code(),
                            row.title(),
                            row.full(),
                            indicatorsOf.getOrDefault(row.id(), List.of())));
        }
        List<Framework.Domain> tree = domains.stream()
                .map(row -> new Framework.Domain(
                        row.id(),
                        row.uuid(),
                        row.code(),
                        row.title(),
                        row.full(),
                        competenciesOf.getOrDefault(row.id(), List.of())))
                .toList();
        return jdbc.sql("""
                        SELECT id, uuid, platform_id, title, description, creator, version, license_title, license_uri
                        FROM competency_framework WHERE id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Framework(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getObject("platform_id", Long.class),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("creator"),
                        rs.getString("version"),
                        rs.getString("license_title"),
                        rs.getString("license_uri"),
                        tree))
                .single();
    }

    private List<Row> rows(String sql, long frameworkId) {
        return jdbc.sql(sql)
                .param("id", frameworkId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("parent"),
                        rs.getString("uuid"),
                        rs.getString("code"),
                        rs.getString("abbreviated_statement"),
                        rs.getString("full_statement")))
                .list();
    }
}
