package org.microlearn.progress.domain;

/**
 * The steps of a lesson in the player: one per section, then the check for understanding, the
 * reflection and the apply-it evidence. Numbers, so an attempt stores how far it got.
 */
public record Steps(int sections) {

    public int check() {
        return sections;
    }

    public int reflection() {
        return sections + 1;
    }

    public int apply() {
        return sections + 2;
    }

    /** Past the last step: the lesson is complete. */
    public int done() {
        return sections + 3;
    }

    /** How many steps there are to work through. */
    public int count() {
        return sections + 3;
    }

    public boolean isSection(int step) {
        return step >= 0 && step < sections;
    }

    /** Step names for URLs: {@code 1..n} for sections, then check, reflect, apply. */
    public String name(int step) {
        if (isSection(step)) {
            return Integer.toString(step + 1);
        }
        if (step == check()) {
            return "check";
        }
        if (step == reflection()) {
            return "reflect";
        }
        return "apply";
    }

    /** The step a URL names, or -1. */
    public int parse(String name) {
        if (name == null) {
            return -1;
        }
        switch (name) {
            case "check":
                return check();
            case "reflect":
                return reflection();
            case "apply":
                return apply();
            default:
                try {
                    int section = Integer.parseInt(name) - 1;
                    return isSection(section) ? section : -1;
                } catch (NumberFormatException e) {
                    return -1;
                }
        }
    }
}
