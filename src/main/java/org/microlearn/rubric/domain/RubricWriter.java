package org.microlearn.rubric.domain;

import static org.microlearn.competency.CaseDates.toColumn;

import java.util.HashMap;
import java.util.Map;
import org.microlearn.rubric.RubricChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores rubrics with INSERT IGNORE on stable identifiers, so loading the built-in rubric is
 * idempotent and safe when two nodes start at once.
 */
@Component
public class RubricWriter {

    public record Stored(long id, boolean created) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RubricWriter(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @param onlyIfNew leave an existing rubric untouched (an import) rather than complete it */
    @Transactional
    public Stored write(RubricDraft draft, boolean onlyIfNew) {
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO rubric (platform_id, uuid, uri, title, description, last_change_at,
                            document_uuid, document_uri, document_title, creator, publisher, version, language,
                            license_title, license_uri, document_last_change_at)
                        VALUES (:platform, :uuid, :uri, :title, :description, :lastChange, :documentUuid,
                            :documentUri, :documentTitle, :creator, :publisher, :version, :language, :licenseTitle,
                            :licenseUri, :documentLastChange)
                        """)
                .param("platform", draft.platformId())
                .param("uuid", draft.uuid())
                .param("uri", draft.uri())
                .param("title", draft.title())
                .param("description", draft.description())
                .param("lastChange", toColumn(draft.lastChange()))
                .param("documentUuid", draft.documentUuid())
                .param("documentUri", draft.documentUri())
                .param("documentTitle", draft.documentTitle())
                .param("creator", draft.creator())
                .param("publisher", draft.publisher())
                .param("version", draft.version())
                .param("language", draft.language())
                .param("licenseTitle", draft.licenseTitle())
                .param("licenseUri", draft.licenseUri())
                .param("documentLastChange", toColumn(draft.documentLastChange()))
                .update();
        long id = jdbc.sql("SELECT id FROM rubric WHERE tenant_id = COALESCE(:platform, 0) AND uuid = :uuid")
                .param("platform", draft.platformId())
                .param("uuid", draft.uuid())
                .query(Long.class)
                .single();
        if (inserted == 0 && onlyIfNew) {
            return new Stored(id, false);
        }
        int position = 0;
        for (RubricDraft.Level level : draft.levels()) {
            jdbc.sql("INSERT IGNORE INTO rubric_level (rubric_id, position, name, score) VALUES (?, ?, ?, ?)")
                    .params(id, ++position, level.name(), level.score())
                    .update();
        }
        Map<String, Long> criterionIds = new HashMap<>();
        int domainPosition = 0;
        for (RubricDraft.Domain domain : draft.domains()) {
            jdbc.sql("""
                            INSERT IGNORE INTO rubric_domain (rubric_id, uuid, uri, code, abbreviated_statement,
                                full_statement, position, association_uuid, last_change_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            domain.uuid(),
                            domain.uri(),
                            domain.code(),
                            domain.abbreviated(),
                            domain.full(),
                            ++domainPosition,
                            domain.associationUuid(),
                            toColumn(domain.lastChange()))
                    .update();
            long domainId = jdbc.sql("SELECT id FROM rubric_domain WHERE rubric_id = ? AND uuid = ?")
                    .params(id, domain.uuid())
                    .query(Long.class)
                    .single();
            int criterionPosition = 0;
            for (RubricDraft.Criterion criterion : domain.criteria()) {
                criterionIds.put(criterion.itemUuid(), insertCriterion(id, domainId, criterion, ++criterionPosition));
            }
        }
        for (RubricDraft.Mapping mapping : draft.mappings()) {
            jdbc.sql("""
                            INSERT IGNORE INTO rubric_competency_mapping (criterion_id, competency_id, weight,
                                association_uuid, last_change_at)
                            VALUES (?, ?, ?, ?, ?)
                            """)
                    .params(
                            criterionIds.get(mapping.criterionItemUuid()),
                            mapping.competencyId(),
                            mapping.weight(),
                            mapping.associationUuid(),
                            toColumn(mapping.lastChange()))
                    .update();
        }
        if (draft.platformId() != null) {
            events.publishEvent(new RubricChanged(draft.platformId(), id));
        }
        return new Stored(id, inserted == 1);
    }

    private long insertCriterion(long rubricId, long domainId, RubricDraft.Criterion criterion, int position) {
        jdbc.sql("""
                        INSERT IGNORE INTO rubric_criterion (rubric_id, domain_id, item_uuid, item_uri, code,
                            abbreviated_statement, full_statement, position, association_uuid, item_last_change_at,
                            criterion_uuid, criterion_uri, weight, criterion_last_change_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        rubricId,
                        domainId,
                        criterion.itemUuid(),
                        criterion.itemUri(),
                        criterion.code(),
                        criterion.abbreviated(),
                        criterion.full(),
                        position,
                        criterion.associationUuid(),
                        toColumn(criterion.itemLastChange()),
                        criterion.criterionUuid(),
                        criterion.criterionUri(),
                        criterion.weight(),
                        toColumn(criterion.criterionLastChange()))
                .update();
        long criterionId = jdbc.sql("SELECT id FROM rubric_criterion WHERE rubric_id = ? AND item_uuid = ?")
                .params(rubricId, criterion.itemUuid())
                .query(Long.class)
                .single();
        int level = 0;
        for (RubricDraft.Descriptor descriptor : criterion.descriptors()) {
            jdbc.sql("""
                            INSERT IGNORE INTO rubric_descriptor (criterion_id, position, uuid, uri, description,
                                feedback, last_change_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            criterionId,
                            ++level,
                            descriptor.uuid(),
                            descriptor.uri(),
                            descriptor.description(),
                            descriptor.feedback(),
                            toColumn(descriptor.lastChange()))
                    .update();
        }
        return criterionId;
    }
}
