package org.microlearn.competency.domain;

import static org.microlearn.competency.CaseDates.toColumn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores frameworks. Every insert is an INSERT IGNORE on the row's stable identifier, so loading
 * the built-in library is idempotent and safe when two nodes start at once: the second waits on
 * the first's unique-key lock, then finds the rows present.
 */
@Component
public class FrameworkWriter {

    /** @param created whether the framework row is new (false: it was already stored) */
    public record Stored(long id, boolean created) {}

    private final JdbcClient jdbc;

    FrameworkWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param onlyIfNew when the framework exists already, leave it untouched and report it (an
     *     import), rather than add whatever rows it lacks (a library upgrade)
     */
    @Transactional
    public Stored write(FrameworkDraft draft, boolean onlyIfNew) {
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO competency_framework (platform_id, uuid, uri, title, description, creator,
                            publisher, version, language, license_title, license_uri, official_source_url,
                            last_change_at)
                        VALUES (:platform, :uuid, :uri, :title, :description, :creator, :publisher, :version,
                            :language, :licenseTitle, :licenseUri, :source, :lastChange)
                        """)
                .param("platform", draft.platformId())
                .param("uuid", draft.uuid())
                .param("uri", draft.uri())
                .param("title", draft.title())
                .param("description", draft.description())
                .param("creator", draft.creator())
                .param("publisher", draft.publisher())
                .param("version", draft.version())
                .param("language", draft.language())
                .param("licenseTitle", draft.licenseTitle())
                .param("licenseUri", draft.licenseUri())
                .param("source", draft.officialSourceUrl())
                .param("lastChange", toColumn(draft.lastChange()))
                .update();
        long id = jdbc.sql("""
                        SELECT id FROM competency_framework
                        WHERE tenant_id = COALESCE(:platform, 0) AND uuid = :uuid
                        """)
                .param("platform", draft.platformId())
                .param("uuid", draft.uuid())
                .query(Long.class)
                .single();
        if (inserted == 0 && onlyIfNew) {
            return new Stored(id, false);
        }
        int domainPosition = 0;
        for (FrameworkDraft.Node domain : draft.domains()) {
            insertNode(
                    "INSERT IGNORE INTO competency_domain (framework_id, ", ":parent, ", id, domain, ++domainPosition);
            long domainId =
                    idOf("SELECT id FROM competency_domain WHERE framework_id = :scope AND uuid = :uuid", id, domain);
            int competencyPosition = 0;
            for (FrameworkDraft.Node competency : domain.children()) {
                insertNode(
                        "INSERT IGNORE INTO competency (framework_id, domain_id, ",
                        ":parent, " + domainId + ", ",
                        id,
                        competency,
                        ++competencyPosition);
                long competencyId =
                        idOf("SELECT id FROM competency WHERE framework_id = :scope AND uuid = :uuid", id, competency);
                int indicatorPosition = 0;
                for (FrameworkDraft.Node indicator : competency.children()) {
                    insertNode(
                            "INSERT IGNORE INTO competency_indicator (competency_id, ",
                            ":parent, ",
                            competencyId,
                            indicator,
                            ++indicatorPosition);
                }
            }
        }
        return new Stored(id, inserted == 1);
    }

    /** The statement prefix and parent values come from this class only, never from input. */
    private void insertNode(
            String insertInto, String parentValues, long parentId, FrameworkDraft.Node node, int position) {
        jdbc.sql(insertInto
                        + "uuid, uri, code, abbreviated_statement, full_statement, position, association_uuid,"
                        + " last_change_at) VALUES (" + parentValues
                        + ":uuid, :uri, :code, :abbreviated, :full, :position, :association, :lastChange)")
                .param("parent", parentId)
                .param("uuid", node.uuid())
                .param("uri", node.uri())
                .param("code", node.code())
                .param("abbreviated", node.abbreviated())
                .param("full", node.full())
                .param("position", position)
                .param("association", node.associationUuid())
                .param("lastChange", toColumn(node.lastChange()))
                .update();
    }

    private long idOf(String select, long scope, FrameworkDraft.Node node) {
        return jdbc.sql(select)
                .param("scope", scope)
                .param("uuid", node.uuid())
                .query(Long.class)
                .single();
    }
}
