package org.microlearn.rubricsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microlearn.progress.EvidenceStatus;

class LevelRuleTest {

    static final List<String> LEVELS = List.of("Beginning", "Developing", "Proficient", "Distinguished");
    final LevelRule rule = LevelRule.standard(4);

    static LevelRule.Contribution lesson(String title, double weight, EvidenceStatus evidence) {
        return new LevelRule.Contribution(title, Instant.parse("2026-11-20T10:00:00Z"), weight, evidence);
    }

    @Test
    void nothingCompletedIsLevelZero() {
        LevelRule.Outcome outcome = rule.apply(List.of(), LEVELS);
        assertThat(outcome.level()).isZero();
        assertThat(outcome.levelName()).isNull();
    }

    @Test
    void levelsRiseWithMappedCompletions() {
        assertThat(rule.apply(List.of(lesson("A", 0.5, null)), LEVELS).level()).isEqualTo(1);
        assertThat(rule.apply(List.of(lesson("A", 1.0, null)), LEVELS).level()).isEqualTo(2);
        assertThat(rule.apply(List.of(lesson("A", 1.0, null), lesson("B", 1.0, null)), LEVELS)
                        .levelName())
                .isEqualTo("Proficient");
    }

    @Test
    void theTopLevelNeedsApprovedEvidence() {
        var withoutApproval = List.of(
                lesson("A", 1.0, EvidenceStatus.REVISION_REQUESTED), lesson("B", 1.0, null), lesson("C", 1.0, null));
        LevelRule.Outcome heldBack = rule.apply(withoutApproval, LEVELS);
        assertThat(heldBack.level()).isEqualTo(3);
        assertThat(heldBack.comment()).contains("needs classroom evidence approved");

        var withApproval =
                List.of(lesson("A", 1.0, EvidenceStatus.APPROVED), lesson("B", 1.0, null), lesson("C", 1.0, null));
        assertThat(rule.apply(withApproval, LEVELS).level()).isEqualTo(4);
        assertThat(new LevelRule(List.of(1.0, 2.0, 3.0), false)
                        .apply(withoutApproval, LEVELS)
                        .level())
                .isEqualTo(4);
    }

    @Test
    void gradingIsPendingWhileEvidenceAwaitsACoach() {
        LevelRule.Outcome outcome =
                rule.apply(List.of(lesson("Retrieval practice", 1.0, EvidenceStatus.PENDING)), LEVELS);
        assertThat(outcome.pendingEvidence()).isTrue();
        assertThat(outcome.comment())
                .isEqualTo(
                        "Level 2 of 4 (Developing): 1.0 points from 1 lesson. Retrieval practice (evidence awaiting review);");
    }

    @Test
    void thresholdsMustRiseAndBePositive() {
        assertThatThrownBy(() -> new LevelRule(List.of(2.0, 1.0), true)).hasMessageContaining("not decrease");
        assertThatThrownBy(() -> new LevelRule(List.of(0.0), true)).hasMessageContaining("above 0");
    }
}
