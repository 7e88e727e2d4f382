package org.microlearn.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a lesson takes: reading at {@value #WORDS_PER_MINUTE} words a minute, the videos, and
 * fixed allowances for the check, the reflection and planning the classroom task. The target is
 * {@value #TARGET_MINUTES} minutes; authoring warns above {@value #WARN_ABOVE_MINUTES}.
 */
public final class TimeBudget {

    public static final int TARGET_MINUTES = 10;
    public static final int WARN_ABOVE_MINUTES = 12;
    /** A careful reading pace for professional text on screen, below the ~240 of leisure reading. */
    public static final int WORDS_PER_MINUTE = 200;

    public static final int CHECK_MINUTES = 1;
    public static final int REFLECTION_MINUTES = 2;
    /** Planning the classroom task; doing it in class happens later and is not counted. */
    public static final int APPLY_PLANNING_MINUTES = 2;

    private TimeBudget() {}

    /** Whole minutes, rounded up. */
    public static int estimateMinutes(String summary, LessonBody body) {
        List<String> texts = new ArrayList<>();
        texts.add(summary);
        int videoMinutes = 0;
        for (LessonBody.Section section : body.sections()) {
            texts.add(section.heading());
            texts.add(section.markdown());
            if (section.videoMinutes() != null) {
                videoMinutes += section.videoMinutes();
            }
        }
        if (body.check() != null) {
            texts.add(body.check().question());
            // Readers read every option, but only the feedback of the answer they chose.
            body.check().options().forEach(option -> texts.add(option.text()));
        }
        texts.add(body.reflectionPrompt());
        if (body.apply() != null) {
            texts.add(body.apply().instructions());
        }
        int words = texts.stream().mapToInt(TimeBudget::words).sum();
        double reading = (double) words / WORDS_PER_MINUTE;
        return (int) Math.ceil(reading + videoMinutes + CHECK_MINUTES + REFLECTION_MINUTES + APPLY_PLANNING_MINUTES);
    }

    static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.trim().split("\\s+").length;
    }
}
