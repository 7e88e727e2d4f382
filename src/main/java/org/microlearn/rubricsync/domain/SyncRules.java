package org.microlearn.rubricsync.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.RubricSummary;
import org.microlearn.rubricsync.LevelRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which rubric a platform's gradebook columns follow, and with which level rule. Without a choice
 * saved, the district's newest own rubric is used, else the built-in one, with the standard rule.
 */
@Component
public class SyncRules {

    /** The rubric in use and its rule. */
    public record InUse(Rubric rubric, LevelRule rule, boolean chosen) {

        public List<String> levelNames() {
            return rubric.levels().stream().map(level -> level.name()).toList();
        }

        /** Short, stable code for column tags: the first block of the rubric's UUID. */
        public String rubricCode() {
            return rubric.uuid().split("-")[0];
        }
    }

    private final JdbcClient jdbc;
    private final RubricCatalog rubrics;

    SyncRules(JdbcClient jdbc, RubricCatalog rubrics) {
        this.jdbc = jdbc;
        this.rubrics = rubrics;
    }

    @Transactional(readOnly = true)
    public Optional<InUse> inUse(long platformId) {
        record Row(long rubricId, String thresholds, boolean topNeedsEvidence) {}
        Optional<Row> saved = jdbc.sql("""
                        SELECT rubric_id, thresholds, top_level_needs_approved_evidence
                        FROM rubric_sync_rule WHERE platform_id = ?""")
                .param(platformId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
        if (saved.isPresent()) {
            Optional<Rubric> rubric = rubrics.rubric(platformId, saved.get().rubricId());
            if (rubric.isPresent()) {
                return Optional.of(new InUse(
                        rubric.get(),
                        new LevelRule(
                                parse(saved.get().thresholds()), saved.get().topNeedsEvidence()),
                        true));
            }
        }
        Optional<Rubric> fallback = rubrics.rubrics(platformId).stream()
                .filter(summary -> !summary.builtIn())
                .max(Comparator.comparingLong(RubricSummary::id))
                .flatMap(summary -> rubrics.rubric(platformId, summary.id()))
                .or(rubrics::builtInRubric);
        return fallback.map(
                rubric -> new InUse(rubric, LevelRule.standard(rubric.levels().size()), false));
    }

    /** Saves the district's choice; the rule is checked against the rubric's number of levels. */
    @Transactional
    public void choose(long platformId, long rubricId, List<Double> thresholds, boolean topNeedsEvidence) {
        Rubric rubric = rubrics.rubric(platformId, rubricId)
                .orElseThrow(() -> new IllegalArgumentException("There is no such rubric in your library."));
        if (thresholds.size() != rubric.levels().size() - 1) {
            throw new IllegalArgumentException("Give the points needed for each of levels 2 to "
                    + rubric.levels().size() + " (" + (rubric.levels().size() - 1) + " numbers).");
        }
        new LevelRule(thresholds, topNeedsEvidence); // validates order and sign
        jdbc.sql("""
                        INSERT INTO rubric_sync_rule (platform_id, rubric_id, thresholds, top_level_needs_approved_evidence)
                        VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE rubric_id = VALUES(rubric_id), thresholds = VALUES(thresholds),
                            top_level_needs_approved_evidence = VALUES(top_level_needs_approved_evidence),
                            updated_at = CURRENT_TIMESTAMP(6)""")
                .params(
                        platformId,
                        rubricId,
                        thresholds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        topNeedsEvidence)
                .update();
    }

    static List<Double> parse(String thresholds) {
        return Arrays.stream(thresholds.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Double::valueOf)
                .toList();
    }
}
