package org.microlearn.competency.caseformat;

import static org.microlearn.competency.CaseDates.fromColumn;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microlearn.competency.CaseDates;
import org.microlearn.competency.CaseIdentifiers;
import org.microlearn.competency.CaseImportException;
import org.microlearn.competency.CaseLimits;
import org.microlearn.competency.CasePackage;
import org.microlearn.competency.CaseProblem;
import org.microlearn.competency.CaseTree;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.FrameworkExchange;
import org.microlearn.competency.FrameworkSummary;
import org.microlearn.competency.domain.FrameworkDraft;
import org.microlearn.competency.domain.FrameworkWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CaseFrameworkExchange implements FrameworkExchange {

    private final JdbcClient jdbc;
    private final FrameworkWriter writer;
    private final CompetencyCatalog catalog;

    CaseFrameworkExchange(JdbcClient jdbc, FrameworkWriter writer, CompetencyCatalog catalog) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.catalog = catalog;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseProblem> check(CasePackage pkg, long platformId) {
        List<CaseProblem> problems = new ArrayList<>();
        if (pkg.hasRubrics()) {
            problems.add(new CaseProblem(
                    "$", null, "CFRubrics", "a framework package has no CFRubrics; this file is a rubric"));
        }
        if (pkg.items().isEmpty()) {
            problems.add(new CaseProblem("$", null, "CFItems", "a framework needs at least one CFItem (a domain)"));
        }
        CaseLimits.check(pkg, problems);
        problems.addAll(CaseTree.of(pkg, LEVELS, false).problems());
        String identifier = pkg.document().identifier();
        if (identifier != null) {
            jdbc.sql("SELECT title FROM competency_framework WHERE tenant_id = :platform AND uuid = :uuid")
                    .param("platform", platformId)
                    .param("uuid", identifier)
                    .query(String.class)
                    .optional()
                    .ifPresent(title -> problems.add(new CaseProblem(
                            "$.CFDocument",
                            identifier,
                            "identifier",
                            "your library already has this framework (\"" + title
                                    + "\"); give the new one its own identifier")));
        }
        return problems;
    }

    @Override
    @Transactional
    public FrameworkSummary importFramework(CasePackage pkg, long platformId) {
        List<CaseProblem> problems = check(pkg, platformId);
        if (!problems.isEmpty()) {
            throw new CaseImportException(problems);
        }
        CaseTree tree = CaseTree.of(pkg, LEVELS, false);
        CasePackage.Document doc = pkg.document();
        FrameworkDraft draft = new FrameworkDraft(
                platformId,
                doc.identifier(),
                doc.uri(),
                doc.title(),
                doc.description(),
                doc.creator(),
                doc.publisher(),
                doc.version(),
                doc.language(),
                doc.licenseUri() == null ? null : doc.licenseUri().title(),
                doc.licenseUri() == null ? null : doc.licenseUri().uri(),
                doc.officialSourceUrl(),
                CaseDates.parse(doc.lastChangeDateTime()),
                nodes(tree.roots()));
        FrameworkWriter.Stored stored = writer.write(draft, true);
        if (!stored.created()) {
            throw new CaseImportException(List.of(new CaseProblem(
                    "$.CFDocument",
                    doc.identifier(),
                    "identifier",
                    "was imported at the same moment by someone else")));
        }
        return catalog.frameworks(platformId).stream()
                .filter(summary -> summary.id() == stored.id())
                .findFirst()
                .orElseThrow();
    }

    private static List<FrameworkDraft.Node> nodes(List<CaseTree.Node> nodes) {
        return nodes.stream()
                .map(node -> new FrameworkDraft.Node(
                        node.item().identifier(),
                        node.item().uri(),
                        node.item().humanCodingScheme(),
                        node.item().abbreviatedStatement(),
                        node.item().fullStatement(),
                        node.link().identifier(),
                        CaseDates.parse(node.item().lastChangeDateTime()),
                        nodes(node.children())))
                .toList();
    }

    private record Row(
            long id,
            long parent,
            String uuid,
            String uri,
            String code,
            String abbreviated,
            String full,
            int position,
            String association,
            LocalDateTime lastChange) {

        String title() {
            return abbreviated == null ? full : abbreviated;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CasePackage> export(long platformId, long frameworkId) {
        Optional<CasePackage.Document> document = jdbc.sql("""
                        SELECT uuid, uri, creator, title, last_change_at, official_source_url, publisher, description,
                               language, version, license_title, license_uri
                        FROM competency_framework
                        WHERE id = :id AND (platform_id IS NULL OR platform_id = :platform)
                        """)
                .param("id", frameworkId)
                .param("platform", platformId)
                .query((rs, n) -> new CasePackage.Document(
                        rs.getString("uuid"),
                        FrameworkExchange.uriOf(rs.getString("uri"), rs.getString("uuid")),
                        rs.getString("creator"),
                        rs.getString("title"),
                        CaseDates.format(fromColumn(rs.getObject("last_change_at", LocalDateTime.class))),
                        rs.getString("official_source_url"),
                        rs.getString("publisher"),
                        rs.getString("description"),
                        rs.getString("language"),
                        rs.getString("version"),
                        rs.getString("license_uri") == null
                                ? null
                                : new CasePackage.LinkUri(
                                        rs.getString("license_title"),
                                        CaseIdentifiers.nameBased("license:" + rs.getString("license_uri")),
                                        rs.getString("license_uri"))))
                .optional();
        return document.map(doc -> export(doc, frameworkId));
    }

    private CasePackage export(CasePackage.Document doc, long frameworkId) {
        CasePackage.LinkUri docLink = new CasePackage.LinkUri(doc.title(), doc.identifier(), doc.uri());
        List<Row> domains = rows(
                "SELECT id, framework_id AS parent, uuid, uri, code, abbreviated_statement,"
                        + " full_statement, position, association_uuid, last_change_at FROM competency_domain"
                        + " WHERE framework_id = :id ORDER BY position",
                frameworkId);
        List<Row> competencies = rows(
                "SELECT id, domain_id AS parent, uuid, uri, code, abbreviated_statement,"
                        + " full_statement, position, association_uuid, last_change_at FROM competency"
                        + " WHERE framework_id = :id ORDER BY position",
                frameworkId);
        List<Row> indicators = rows(
                "SELECT i.id, i.competency_id AS parent, i.uuid, i.uri, i.code,"
                        + " i.abbreviated_statement, i.full_statement, i.position, i.association_uuid, i.last_change_at"
                        + " FROM competency_indicator i JOIN competency c ON c.id = i.competency_id"
                        + " WHERE c.framework_id = :id ORDER BY i.position",
                frameworkId);
        List<CasePackage.Item> items = new ArrayList<>();
        List<CasePackage.Association> associations = new ArrayList<>();
        for (Row domain : domains) {
            add(domain, "Domain", docLink, docLink, items, associations);
            CasePackage.LinkUri domainLink = link(domain);
            for (Row competency : competencies) {
                if (competency.parent() != domain.id()) {
                    continue;
                }
                add(competency, "Competency", domainLink, docLink, items, associations);
                CasePackage.LinkUri competencyLink = link(competency);
                for (Row indicator : indicators) {
                    if (indicator.parent() == competency.id()) {
                        add(indicator, "Indicator", competencyLink, docLink, items, associations);
                    }
                }
            }
        }
        return new CasePackage(doc, items, associations, null);
    }

    private static void add(
            Row row,
            String type,
            CasePackage.LinkUri parent,
            CasePackage.LinkUri docLink,
            List<CasePackage.Item> items,
            List<CasePackage.Association> associations) {
        String lastChange = CaseDates.format(fromColumn(row.lastChange()));
        items.add(new CasePackage.Item(
                row.uuid(),
                FrameworkExchange.uriOf(row.uri(), row.uuid()),
                row.full(),
                row.abbreviated(),
                row.code(),
                type,
                lastChange,
                docLink));
        associations.add(new CasePackage.Association(
                row.association(),
                FrameworkExchange.uriOf(null, row.association()),
                CasePackage.IS_CHILD_OF,
                row.position(),
                link(row),
                parent,
                lastChange,
                docLink,
                null));
    }

    private static CasePackage.LinkUri link(Row row) {
        return new CasePackage.LinkUri(row.title(), row.uuid(), FrameworkExchange.uriOf(row.uri(), row.uuid()));
    }

    private List<Row> rows(String sql, long frameworkId) {
        return jdbc.sql(sql)
                .param("id", frameworkId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("parent"),
                        rs.getString("uuid"),
                        rs.getString("uri"),
                        rs.getString("code"),
                        rs.getString("abbreviated_statement"),
                        rs.getString("full_statement"),
                        rs.getInt("position"),
                        rs.getString("association_uuid"),
                        rs.getObject("last_change_at", LocalDateTime.class)))
                .list();
    }
}
