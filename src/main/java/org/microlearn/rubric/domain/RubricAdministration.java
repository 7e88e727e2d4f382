package org.microlearn.rubric.domain;

import java.util.List;
import org.microlearn.competency.CaseImportException;
import org.microlearn.competency.CaseProblem;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.RubricChanged;
import org.microlearn.rubric.RubricExchange;
import org.microlearn.rubric.RubricSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a district changes about rubrics: the names of the performance levels (districts call them
 * Ineffective/Effective, Unsatisfactory/Basic, ...), on its own rubrics. The built-in rubric is
 * shared, so a district first takes its own copy.
 */
@Service
public class RubricAdministration {

    /** The rubric cannot be changed by this district, with the reason. */
    public static class RubricNotEditableException extends RuntimeException {

        public RubricNotEditableException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final RubricCatalog catalog;
    private final RubricExchange exchange;

    private final ApplicationEventPublisher events;

    RubricAdministration(
            JdbcClient jdbc, RubricCatalog catalog, RubricExchange exchange, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.exchange = exchange;
        this.events = events;
    }

    /**
     * @param names one per level, lowest first, each 1 to 100 characters and all different
     * @throws IllegalArgumentException naming what is wrong with the names
     */
    @Transactional
    public void renameLevels(long platformId, long rubricId, List<String> names) {
        var rubric = catalog.rubric(platformId, rubricId)
                .orElseThrow(() -> new RubricNotEditableException("There is no such rubric in your library."));
        if (rubric.builtIn()) {
            throw new RubricNotEditableException(
                    "The built-in rubric is shared by all districts: make a district copy to rename its levels.");
        }
        List<String> cleaned =
                names.stream().map(n -> n == null ? "" : n.strip()).toList();
        if (cleaned.size() != rubric.levels().size()) {
            throw new IllegalArgumentException(
                    "Give a name for each of the " + rubric.levels().size() + " levels.");
        }
        if (cleaned.stream().anyMatch(n -> n.isEmpty() || n.length() > 100)) {
            throw new IllegalArgumentException("Each level needs a name of 1 to 100 characters.");
        }
        if (cleaned.stream().distinct().count() != cleaned.size()) {
            throw new IllegalArgumentException("Give each level a different name.");
        }
        for (int i = 0; i < cleaned.size(); i++) {
            jdbc.sql("UPDATE rubric_level SET name = ? WHERE rubric_id = ? AND position = ?")
                    .params(cleaned.get(i), rubricId, i + 1)
                    .update();
        }
        events.publishEvent(new RubricChanged(platformId, rubricId));
    }

    /** The district's own copy of a rubric it can see (identifiers and mapping kept). */
    @Transactional
    public RubricSummary copyForDistrict(long platformId, long rubricId) {
        var pkg = exchange.export(platformId, rubricId)
                .orElseThrow(() -> new CaseImportException(
                        List.of(new CaseProblem("$", null, null, "There is no such rubric in your library."))));
        return exchange.importRubric(pkg, platformId);
    }
}
