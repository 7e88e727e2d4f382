package org.microlearn.shared;

/**
 * Where an educator is in their career. Lessons are written for one or more stages, coaches
 * assign by stage, and an educator's profile records theirs, so the enum is shared by all modules.
 */
public enum CareerStage {
    /** Novice or in induction: the first years in the classroom. */
    NOVICE("Novice / induction"),
    /** An experienced classroom teacher. */
    EXPERIENCED("Experienced"),
    /** A teacher leader, coach or mentor of other educators. */
    TEACHER_LEADER("Teacher leader / mentor");

    private final String label;

    CareerStage(String label) {
        this.label = label;
    }

    /** The stage stored under this name, if any (unknown or blank names give none). */
    public static java.util.Optional<CareerStage> parse(String name) {
        if (name == null || name.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(valueOf(name.trim()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** How the stage is named on pages. */
    public String label() {
        return label;
    }
}
