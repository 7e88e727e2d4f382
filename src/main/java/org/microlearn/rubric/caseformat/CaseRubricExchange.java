package org.microlearn.rubric.caseformat;

import static org.microlearn.competency.CaseDates.fromColumn;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.microlearn.competency.CaseDates;
import org.microlearn.competency.CaseIdentifiers;
import org.microlearn.competency.CaseImportException;
import org.microlearn.competency.CaseLimits;
import org.microlearn.competency.CasePackage;
import org.microlearn.competency.CaseProblem;
import org.microlearn.competency.CaseTree;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.competency.FrameworkExchange;
import org.microlearn.rubric.PerformanceLevel;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.RubricExchange;
import org.microlearn.rubric.RubricSummary;
import org.microlearn.rubric.domain.RubricDraft;
import org.microlearn.rubric.domain.RubricWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CaseRubricExchange implements RubricExchange {

    private static final int MAX_LEVELS = 10;

    private final JdbcClient jdbc;
    private final RubricWriter writer;
    private final RubricCatalog catalog;
    private final CompetencyCatalog competencies;

    CaseRubricExchange(JdbcClient jdbc, RubricWriter writer, RubricCatalog catalog, CompetencyCatalog competencies) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.catalog = catalog;
        this.competencies = competencies;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseProblem> check(CasePackage pkg, long platformId) {
        return read(pkg, platformId).problems();
    }

    @Override
    @Transactional
    public RubricSummary importRubric(CasePackage pkg, long platformId) {
        Reading reading = read(pkg, platformId);
        if (!reading.problems().isEmpty()) {
            throw new CaseImportException(reading.problems());
        }
        RubricWriter.Stored stored = writer.write(reading.draft(), true);
        if (!stored.created()) {
            throw new CaseImportException(List.of(new CaseProblem(
                    "$.CFRubrics[0]",
                    reading.draft().uuid(),
                    "identifier",
                    "was imported at the same moment by someone else")));
        }
        return catalog.rubrics(platformId).stream()
                .filter(summary -> summary.id() == stored.id())
                .findFirst()
                .orElseThrow();
    }

    private record Reading(RubricDraft draft, List<CaseProblem> problems) {}

    /** Checks everything and, when nothing is wrong, builds the draft to store. */
    private Reading read(CasePackage pkg, long platformId) {
        List<CaseProblem> problems = new ArrayList<>();
        if (!pkg.hasRubrics()) {
            problems.add(new CaseProblem("$", null, "CFRubrics", "a rubric package needs one CFRubric"));
            return new Reading(null, problems);
        }
        if (pkg.rubrics().size() > 1) {
            problems.add(new CaseProblem(
                    "$", null, "CFRubrics", "has " + pkg.rubrics().size() + " rubrics; import one per file"));
        }
        CaseLimits.check(pkg, problems);
        CaseTree tree = CaseTree.of(pkg, LEVELS, true);
        problems.addAll(tree.problems());
        CasePackage.Rubric rubric = pkg.rubrics().get(0);
        CaseLimits.max(problems, "$.CFRubrics[0]", rubric.identifier(), "title", rubric.title(), 300);
        CaseLimits.max(problems, "$.CFRubrics[0]", rubric.identifier(), "uri", rubric.uri(), 500);
        existing(pkg, rubric, platformId, problems);

        Map<String, CaseTree.Node> criterionItems = new LinkedHashMap<>();
        for (CaseTree.Node domain : tree.roots()) {
            for (CaseTree.Node criterion : domain.children()) {
                criterionItems.put(criterion.item().identifier(), criterion);
            }
        }
        if (tree.problems().isEmpty() && criterionItems.isEmpty()) {
            problems.add(new CaseProblem("$", null, "CFItems", "a rubric needs at least one domain with a criterion"));
        }
        Map<String, CasePackage.RubricCriterion> criterionOf = new HashMap<>();
        List<RubricDraft.Level> scale = null;
        String scaleFrom = null;
        for (int i = 0; i < rubric.criteria().size(); i++) {
            CasePackage.RubricCriterion criterion = rubric.criteria().get(i);
            String path = "$.CFRubrics[0].CFRubricCriteria[" + i + "]";
            CaseLimits.max(problems, path, criterion.identifier(), "uri", criterion.uri(), 500);
            if (criterion.itemUri() == null) {
                problems.add(new CaseProblem(
                        path, criterion.identifier(), "CFItemURI", "is required: point it at the criterion's CFItem"));
            } else if (!criterionItems.containsKey(criterion.itemUri().identifier())) {
                problems.add(new CaseProblem(
                        path,
                        criterion.identifier(),
                        "CFItemURI",
                        criterion.itemUri().identifier()
                                + " is not a criterion item (a CFItem two levels below the CFDocument) of this file"));
            } else if (criterionOf.putIfAbsent(criterion.itemUri().identifier(), criterion) != null) {
                problems.add(new CaseProblem(
                        path,
                        criterion.identifier(),
                        "CFItemURI",
                        "another CFRubricCriterion already describes item "
                                + criterion.itemUri().identifier()));
            }
            List<RubricDraft.Level> levels = levels(criterion, path, problems);
            if (levels == null) {
                continue;
            }
            if (scale == null) {
                scale = levels;
                scaleFrom = path;
            } else if (!scale.equals(levels)) {
                problems.add(new CaseProblem(
                        path,
                        criterion.identifier(),
                        "CFRubricCriterionLevels",
                        "use the same levels (quality and score) as " + scaleFrom + ": " + describe(scale) + "; found "
                                + describe(levels)));
            }
        }
        for (var entry : criterionItems.entrySet()) {
            if (!criterionOf.containsKey(entry.getKey())) {
                problems.add(new CaseProblem(
                        "$.CFItems[" + pkg.items().indexOf(entry.getValue().item()) + "]",
                        entry.getKey(),
                        null,
                        "is a criterion without a CFRubricCriterion describing its levels"));
            }
        }
        List<RubricDraft.Mapping> mappings = mappings(pkg, criterionItems, platformId, problems);
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        return new Reading(draft(pkg, rubric, tree, criterionOf, scale, mappings, platformId), problems);
    }

    private void existing(CasePackage pkg, CasePackage.Rubric rubric, long platformId, List<CaseProblem> problems) {
        if (rubric.identifier() != null) {
            jdbc.sql("SELECT title FROM rubric WHERE tenant_id = ? AND uuid = ?")
                    .params(platformId, rubric.identifier())
                    .query(String.class)
                    .optional()
                    .ifPresent(title -> problems.add(new CaseProblem(
                            "$.CFRubrics[0]",
                            rubric.identifier(),
                            "identifier",
                            "your library already has this rubric (\"" + title
                                    + "\"); give the new one its own identifier")));
        }
        if (pkg.document().identifier() != null) {
            jdbc.sql("SELECT title FROM rubric WHERE tenant_id = ? AND document_uuid = ?")
                    .params(platformId, pkg.document().identifier())
                    .query(String.class)
                    .optional()
                    .ifPresent(title -> problems.add(new CaseProblem(
                            "$.CFDocument",
                            pkg.document().identifier(),
                            "identifier",
                            "your library already has a rubric from this document (\"" + title + "\")")));
        }
    }

    /** The criterion's levels as a scale, lowest first, or {@code null} after reporting problems. */
    private static List<RubricDraft.Level> levels(
            CasePackage.RubricCriterion criterion, String path, List<CaseProblem> problems) {
        int before = problems.size();
        if (criterion.levels().size() < 2 || criterion.levels().size() > MAX_LEVELS) {
            problems.add(new CaseProblem(
                    path,
                    criterion.identifier(),
                    "CFRubricCriterionLevels",
                    "needs between 2 and " + MAX_LEVELS + " levels, has "
                            + criterion.levels().size()));
            return null;
        }
        for (int j = 0; j < criterion.levels().size(); j++) {
            CasePackage.RubricCriterionLevel level = criterion.levels().get(j);
            String at = path + ".CFRubricCriterionLevels[" + j + "]";
            if (level.quality() == null || level.quality().isBlank()) {
                problems.add(new CaseProblem(at, level.identifier(), "quality", "is required: the level's name"));
            } else {
                CaseLimits.max(problems, at, level.identifier(), "quality", level.quality(), 100);
            }
            if (level.score() == null) {
                problems.add(new CaseProblem(at, level.identifier(), "score", "is required"));
            }
            if (level.description() == null || level.description().isBlank()) {
                problems.add(new CaseProblem(
                        at, level.identifier(), "description", "is required: what practice looks like at this level"));
            }
            CaseLimits.max(problems, at, level.identifier(), "uri", level.uri(), 500);
        }
        if (problems.size() > before) {
            return null;
        }
        List<RubricDraft.Level> levels = ordered(criterion).stream()
                .map(level -> new RubricDraft.Level(level.quality(), level.score()))
                .toList();
        if (levels.stream().map(RubricDraft.Level::score).distinct().count() != levels.size()) {
            problems.add(new CaseProblem(
                    path, criterion.identifier(), "CFRubricCriterionLevels", "two levels have the same score"));
            return null;
        }
        return levels;
    }

    /** Levels by position, then score: lowest first. */
    private static List<CasePackage.RubricCriterionLevel> ordered(CasePackage.RubricCriterion criterion) {
        return criterion.levels().stream()
                .sorted(Comparator.comparing(
                                CasePackage.RubricCriterionLevel::position,
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CasePackage.RubricCriterionLevel::score))
                .toList();
    }

    private static String describe(List<RubricDraft.Level> levels) {
        return levels.stream()
                .map(level -> level.name() + " (" + level.score() + ")")
                .toList()
                .toString();
    }

    /** isRelatedTo associations from a criterion item to a competency the platform can see. */
    private List<RubricDraft.Mapping> mappings(
            CasePackage pkg, Map<String, CaseTree.Node> criterionItems, long platformId, List<CaseProblem> problems) {
        List<RubricDraft.Mapping> mappings = new ArrayList<>();
        for (int i = 0; i < pkg.associations().size(); i++) {
            CasePackage.Association association = pkg.associations().get(i);
            if (!CasePackage.IS_RELATED_TO.equals(association.associationType())
                    || !criterionItems.containsKey(association.origin().identifier())) {
                continue; // other associations are not part of what Microlearn models
            }
            String path = "$.CFAssociations[" + i + "]";
            List<CompetencyRef> found = competencies.competenciesByUuid(
                    platformId, association.destination().identifier());
            if (found.isEmpty()) {
                problems.add(new CaseProblem(
                        path,
                        association.identifier(),
                        "destinationNodeURI",
                        "no competency with identifier "
                                + association.destination().identifier()
                                + " in your frameworks; import its framework first"));
                continue;
            }
            double weight = 1.0;
            if (association.extensions() != null && association.extensions().get("weight") instanceof Number n) {
                weight = n.doubleValue();
            }
            if (!(weight > 0 && weight <= 1)) {
                problems.add(new CaseProblem(
                        path, association.identifier(), "extensions.weight", "must be above 0 and at most 1"));
                continue;
            }
            long competencyId = found.get(0).id();
            boolean duplicate = mappings.stream()
                    .anyMatch(m -> m.competencyId() == competencyId
                            && m.criterionItemUuid().equals(association.origin().identifier()));
            if (duplicate) {
                problems.add(new CaseProblem(
                        path, association.identifier(), null, "maps the same criterion and competency twice"));
                continue;
            }
            mappings.add(new RubricDraft.Mapping(
                    association.origin().identifier(),
                    competencyId,
                    weight,
                    association.identifier(),
                    CaseDates.parse(association.lastChangeDateTime())));
        }
        return mappings;
    }

    private static RubricDraft draft(
            CasePackage pkg,
            CasePackage.Rubric rubric,
            CaseTree tree,
            Map<String, CasePackage.RubricCriterion> criterionOf,
            List<RubricDraft.Level> scale,
            List<RubricDraft.Mapping> mappings,
            long platformId) {
        CasePackage.Document doc = pkg.document();
        List<RubricDraft.Domain> domains = tree.roots().stream()
                .map(domain -> new RubricDraft.Domain(
                        domain.item().identifier(),
                        domain.item().uri(),
                        domain.item().humanCodingScheme(),
                        domain.item().abbreviatedStatement(),
                        domain.item().fullStatement(),
                        domain.link().identifier(),
                        CaseDates.parse(domain.item().lastChangeDateTime()),
                        domain.children().stream()
                                .map(node -> {
                                    CasePackage.RubricCriterion criterion =
                                            criterionOf.get(node.item().identifier());
                                    return new RubricDraft.Criterion(
                                            node.item().identifier(),
                                            node.item().uri(),
                                            node.item().humanCodingScheme(),
                                            node.item().abbreviatedStatement(),
                                            node.item().fullStatement(),
                                            node.link().identifier(),
                                            CaseDates.parse(node.item().lastChangeDateTime()),
                                            criterion.identifier(),
                                            criterion.uri(),
                                            criterion.weight(),
                                            CaseDates.parse(criterion.lastChangeDateTime()),
                                            ordered(criterion).stream()
                                                    .map(level -> new RubricDraft.Descriptor(
                                                            level.identifier(),
                                                            level.uri(),
                                                            level.description(),
                                                            level.feedback(),
                                                            CaseDates.parse(level.lastChangeDateTime())))
                                                    .toList());
                                })
                                .toList()))
                .toList();
        return new RubricDraft(
                platformId,
                rubric.identifier(),
                rubric.uri(),
                Objects.requireNonNullElse(rubric.title(), doc.title()),
                rubric.description() != null ? rubric.description() : doc.description(),
                CaseDates.parse(rubric.lastChangeDateTime()),
                doc.identifier(),
                doc.uri(),
                doc.title(),
                doc.creator(),
                doc.publisher(),
                doc.version(),
                doc.language(),
                doc.licenseUri() == null ? null : doc.licenseUri().title(),
                doc.licenseUri() == null ? null : doc.licenseUri().uri(),
                CaseDates.parse(doc.lastChangeDateTime()),
                scale,
                domains,
                mappings);
    }

    // ---- export ----

    private record RubricRow(
            long id,
            String uuid,
            String uri,
            String title,
            String description,
            LocalDateTime lastChange,
            CasePackage.Document document) {}

    private record DomainRow(
            long id,
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

    private record CriterionRow(
            long id,
            long domainId,
            String itemUuid,
            String itemUri,
            String code,
            String abbreviated,
            String full,
            int position,
            String association,
            LocalDateTime itemLastChange,
            String uuid,
            String uri,
            Double weight,
            LocalDateTime lastChange) {

        String title() {
            return abbreviated == null ? full : abbreviated;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CasePackage> export(long platformId, long rubricId) {
        return jdbc.sql("""
                        SELECT * FROM rubric WHERE id = :id AND (platform_id IS NULL OR platform_id = :platform)
                        """)
                .param("id", rubricId)
                .param("platform", platformId)
                .query((rs, n) -> new RubricRow(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getString("uri"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getObject("last_change_at", LocalDateTime.class),
                        new CasePackage.Document(
                                rs.getString("document_uuid"),
                                FrameworkExchange.uriOf(rs.getString("document_uri"), rs.getString("document_uuid")),
                                rs.getString("creator"),
                                rs.getString("document_title"),
                                CaseDates.format(
                                        fromColumn(rs.getObject("document_last_change_at", LocalDateTime.class))),
                                null,
                                rs.getString("publisher"),
                                rs.getString("description"),
                                rs.getString("language"),
                                rs.getString("version"),
                                rs.getString("license_uri") == null
                                        ? null
                                        : new CasePackage.LinkUri(
                                                rs.getString("license_title"),
                                                CaseIdentifiers.nameBased("license:" + rs.getString("license_uri")),
                                                rs.getString("license_uri")))))
                .optional()
                .map(rubric -> export(platformId, rubric));
    }

    private CasePackage export(long platformId, RubricRow rubric) {
        CasePackage.Document doc = rubric.document();
        CasePackage.LinkUri docLink = new CasePackage.LinkUri(doc.title(), doc.identifier(), doc.uri());
        List<DomainRow> domains = jdbc.sql("""
                        SELECT * FROM rubric_domain WHERE rubric_id = :id ORDER BY position
                        """)
                .param("id", rubric.id())
                .query((rs, n) -> new DomainRow(
                        rs.getLong("id"),
                        rs.getString("uuid"),
                        rs.getString("uri"),
                        rs.getString("code"),
                        rs.getString("abbreviated_statement"),
                        rs.getString("full_statement"),
                        rs.getInt("position"),
                        rs.getString("association_uuid"),
                        rs.getObject("last_change_at", LocalDateTime.class)))
                .list();
        List<CriterionRow> criteria = jdbc.sql("""
                        SELECT c.* FROM rubric_criterion c JOIN rubric_domain d ON d.id = c.domain_id
                        WHERE c.rubric_id = :id ORDER BY d.position, c.position
                        """)
                .param("id", rubric.id())
                .query((rs, n) -> new CriterionRow(
                        rs.getLong("id"),
                        rs.getLong("domain_id"),
                        rs.getString("item_uuid"),
                        rs.getString("item_uri"),
                        rs.getString("code"),
                        rs.getString("abbreviated_statement"),
                        rs.getString("full_statement"),
                        rs.getInt("position"),
                        rs.getString("association_uuid"),
                        rs.getObject("item_last_change_at", LocalDateTime.class),
                        rs.getString("criterion_uuid"),
                        rs.getString("criterion_uri"),
                        rs.getBigDecimal("weight") == null
                                ? null
                                : rs.getBigDecimal("weight").doubleValue(),
                        rs.getObject("criterion_last_change_at", LocalDateTime.class)))
                .list();
        var levels = catalog.levels(rubric.id());
        List<CasePackage.Item> items = new ArrayList<>();
        List<CasePackage.Association> associations = new ArrayList<>();
        List<CasePackage.RubricCriterion> rubricCriteria = new ArrayList<>();
        Map<Long, CasePackage.LinkUri> criterionLinks = new HashMap<>();
        int criterionPosition = 0;
        for (DomainRow domain : domains) {
            String domainChange = CaseDates.format(fromColumn(domain.lastChange()));
            CasePackage.LinkUri domainLink = new CasePackage.LinkUri(
                    domain.title(), domain.uuid(), FrameworkExchange.uriOf(domain.uri(), domain.uuid()));
            items.add(new CasePackage.Item(
                    domain.uuid(),
                    domainLink.uri(),
                    domain.full(),
                    domain.abbreviated(),
                    domain.code(),
                    "Domain",
                    domainChange,
                    docLink));
            associations.add(
                    childOf(domain.association(), domain.position(), domainLink, docLink, domainChange, docLink));
            for (CriterionRow criterion : criteria) {
                if (criterion.domainId() != domain.id()) {
                    continue;
                }
                String itemChange = CaseDates.format(fromColumn(criterion.itemLastChange()));
                CasePackage.LinkUri itemLink = new CasePackage.LinkUri(
                        criterion.title(),
                        criterion.itemUuid(),
                        FrameworkExchange.uriOf(criterion.itemUri(), criterion.itemUuid()));
                criterionLinks.put(criterion.id(), itemLink);
                items.add(new CasePackage.Item(
                        criterion.itemUuid(),
                        itemLink.uri(),
                        criterion.full(),
                        criterion.abbreviated(),
                        criterion.code(),
                        "Criterion",
                        itemChange,
                        docLink));
                associations.add(childOf(
                        criterion.association(), criterion.position(), itemLink, domainLink, itemChange, docLink));
                rubricCriteria.add(new CasePackage.RubricCriterion(
                        criterion.uuid(),
                        FrameworkExchange.uriOf(criterion.uri(), criterion.uuid()),
                        domain.title(),
                        criterion.full(),
                        itemLink,
                        criterion.weight(),
                        ++criterionPosition,
                        rubric.uuid(),
                        CaseDates.format(fromColumn(criterion.lastChange())),
                        descriptors(criterion, levels)));
            }
        }
        associations.addAll(mappingAssociations(platformId, rubric.id(), criterionLinks, docLink));
        CasePackage.Rubric cfRubric = new CasePackage.Rubric(
                rubric.uuid(),
                FrameworkExchange.uriOf(rubric.uri(), rubric.uuid()),
                rubric.title(),
                rubric.description(),
                CaseDates.format(fromColumn(rubric.lastChange())),
                rubricCriteria);
        return new CasePackage(doc, items, associations, List.of(cfRubric));
    }

    private static CasePackage.Association childOf(
            String identifier,
            int position,
            CasePackage.LinkUri child,
            CasePackage.LinkUri parent,
            String lastChange,
            CasePackage.LinkUri docLink) {
        return new CasePackage.Association(
                identifier,
                FrameworkExchange.uriOf(null, identifier),
                CasePackage.IS_CHILD_OF,
                position,
                child,
                parent,
                lastChange,
                docLink,
                null);
    }

    private List<CasePackage.RubricCriterionLevel> descriptors(CriterionRow criterion, List<PerformanceLevel> levels) {
        return jdbc.sql("""
                        SELECT position, uuid, uri, description, feedback, last_change_at
                        FROM rubric_descriptor WHERE criterion_id = :id ORDER BY position
                        """)
                .param("id", criterion.id())
                .query((rs, n) -> {
                    int position = rs.getInt("position");
                    var level = levels.get(position - 1);
                    return new CasePackage.RubricCriterionLevel(
                            rs.getString("uuid"),
                            FrameworkExchange.uriOf(rs.getString("uri"), rs.getString("uuid")),
                            rs.getString("description"),
                            level.name(),
                            level.score(),
                            rs.getString("feedback"),
                            position,
                            criterion.uuid(),
                            CaseDates.format(fromColumn(rs.getObject("last_change_at", LocalDateTime.class))));
                })
                .list();
    }

    private record MappingRow(
            long criterionId, long competencyId, double weight, String association, LocalDateTime lastChange) {}

    /** The mapping as isRelatedTo associations, criterion item to competency item. */
    private List<CasePackage.Association> mappingAssociations(
            long platformId,
            long rubricId,
            Map<Long, CasePackage.LinkUri> criterionLinks,
            CasePackage.LinkUri docLink) {
        List<MappingRow> rows = jdbc.sql("""
                        SELECT m.criterion_id, m.competency_id, m.weight, m.association_uuid, m.last_change_at
                        FROM rubric_competency_mapping m
                        JOIN rubric_criterion c ON c.id = m.criterion_id
                        JOIN rubric_domain d ON d.id = c.domain_id
                        WHERE c.rubric_id = :id
                        ORDER BY d.position, c.position, m.weight DESC, m.association_uuid
                        """)
                .param("id", rubricId)
                .query((rs, n) -> new MappingRow(
                        rs.getLong("criterion_id"),
                        rs.getLong("competency_id"),
                        rs.getBigDecimal("weight").doubleValue(),
                        rs.getString("association_uuid"),
                        rs.getObject("last_change_at", LocalDateTime.class)))
                .list();
        Map<Long, CompetencyRef> competencyById = new HashMap<>();
        competencies
                .competencies(
                        platformId,
                        rows.stream().map(MappingRow::competencyId).distinct().toList())
                .forEach(ref -> competencyById.put(ref.id(), ref));
        return rows.stream()
                .filter(row -> competencyById.containsKey(row.competencyId()))
                .map(row -> {
                    CompetencyRef competency = competencyById.get(row.competencyId());
                    return new CasePackage.Association(
                            row.association(),
                            FrameworkExchange.uriOf(null, row.association()),
                            CasePackage.IS_RELATED_TO,
                            null,
                            criterionLinks.get(row.criterionId()),
                            new CasePackage.LinkUri(competency.title(), competency.uuid(), competency.uri()),
                            CaseDates.format(fromColumn(row.lastChange())),
                            docLink,
                            Map.<String, Object>of("weight", row.weight()));
                })
                .toList();
    }
}
