package org.microlearn.rubricsync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.microlearn.progress.EvidenceStatus;

/**
 * The documented rule (docs/rubric-sync.md) that turns a teacher's completed lessons into a level
 * on one rubric criterion.
 *
 * <ul>
 *   <li>Each completed lesson aligned to a competency mapped to the criterion earns the mapping's
 *       weight (0 to 1; the strongest of its competencies counts once per lesson).
 *   <li>Any points at all: level 1. Level k (2..N) needs {@code thresholds[k-2]} points.
 *   <li>The top level also needs approved classroom evidence on one of those lessons (when the
 *       rule says so); without it the teacher stays one level below.
 *   <li>Grading is pending while any of those lessons' evidence waits for a coach.
 * </ul>
 *
 * @param thresholds points needed for levels 2..N, ascending
 */
public record LevelRule(List<Double> thresholds, boolean topLevelNeedsApprovedEvidence) {

    public LevelRule {
        thresholds = List.copyOf(thresholds);
        for (int i = 1; i < thresholds.size(); i++) {
            if (thresholds.get(i) < thresholds.get(i - 1)) {
                throw new IllegalArgumentException("Thresholds must not decrease");
            }
        }
        if (thresholds.stream().anyMatch(t -> t <= 0)) {
            throw new IllegalArgumentException("Thresholds must be above 0");
        }
    }

    /** One point per level step: 1, 2, ... N-1 points for levels 2..N. */
    public static LevelRule standard(int levels) {
        List<Double> thresholds = new ArrayList<>();
        for (int k = 2; k <= levels; k++) {
            thresholds.add((double) (k - 1));
        }
        return new LevelRule(thresholds, true);
    }

    /** What one completed lesson brings to a criterion. */
    public record Contribution(String lessonTitle, Instant completedAt, double weight, EvidenceStatus evidence) {}

    /**
     * @param level 0 (nothing yet) to the number of levels
     * @param levelName the rubric's name for the level, or null at level 0
     */
    public record Outcome(int level, String levelName, double points, boolean pendingEvidence, String comment) {}

    public Outcome apply(List<Contribution> contributions, List<String> levelNames) {
        int levels = levelNames.size();
        double points = contributions.stream().mapToDouble(Contribution::weight).sum();
        int level = points > 0 ? 1 : 0;
        for (int k = 2; k <= levels && k - 2 < thresholds.size(); k++) {
            if (points + 1e-9 >= thresholds.get(k - 2)) {
                level = k;
            }
        }
        boolean approved = contributions.stream().anyMatch(c -> c.evidence() == EvidenceStatus.APPROVED);
        boolean heldBack = level == levels && levels > 1 && topLevelNeedsApprovedEvidence && !approved;
        if (heldBack) {
            level = levels - 1;
        }
        boolean pending = contributions.stream().anyMatch(c -> c.evidence() == EvidenceStatus.PENDING);
        String name = level == 0 ? null : levelNames.get(level - 1);
        return new Outcome(level, name, points, pending, comment(contributions, level, name, levels, points, heldBack));
    }

    private static String comment(
            List<Contribution> contributions, int level, String name, int levels, double points, boolean heldBack) {
        StringBuilder comment = new StringBuilder(String.format(
                Locale.ROOT,
                "Level %d of %d%s: %.1f points from %d lesson%s.",
                level,
                levels,
                name == null ? "" : " (" + name + ")",
                points,
                contributions.size(),
                contributions.size() == 1 ? "" : "s"));
        contributions.stream()
                .sorted(Comparator.comparing(Contribution::completedAt))
                .forEach(c -> comment.append(' ')
                        .append(c.lessonTitle())
                        .append(" (")
                        .append(evidence(c.evidence()))
                        .append(");"));
        if (heldBack) {
            comment.append(" The top level needs classroom evidence approved by a coach.");
        }
        return comment.length() > 1000 ? comment.substring(0, 997) + "..." : comment.toString();
    }

    private static String evidence(EvidenceStatus status) {
        if (status == null) {
            return "completed";
        }
        return switch (status) {
            case PENDING -> "evidence awaiting review";
            case APPROVED -> "evidence approved";
            case REVISION_REQUESTED -> "evidence returned for revision";
        };
    }
}
