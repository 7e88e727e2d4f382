package org.microlearn.lesson.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.microlearn.lesson.LessonBody;
import org.microlearn.lesson.LessonMarkdown;
import org.microlearn.lesson.TimeBudget;

/**
 * What a lesson must satisfy. A draft only has to fit (lengths, safe links) so an author can save
 * half-finished work; a lesson to publish must be complete.
 */
public final class LessonRules {

    public static final int MAX_SECTIONS = 4;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 4;

    private LessonRules() {}

    public static List<FieldProblem> forDraft(LessonDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        max(problems, "title", draft.title(), 200);
        max(problems, "summary", draft.summary(), 600);
        if (draft.estimatedMinutes() != null && (draft.estimatedMinutes() < 1 || draft.estimatedMinutes() > 60)) {
            problems.add(new FieldProblem("estimatedMinutes", "Give a number of minutes between 1 and 60."));
        }
        List<LessonBody.Section> sections = draft.body().sections();
        if (sections.size() > MAX_SECTIONS) {
            problems.add(new FieldProblem("sections", "A lesson has at most " + MAX_SECTIONS + " sections."));
        }
        for (int i = 0; i < sections.size(); i++) {
            LessonBody.Section section = sections.get(i);
            String at = "sections[" + i + "]";
            max(problems, at + ".heading", section.heading(), 200);
            max(problems, at + ".markdown", section.markdown(), 20_000);
            max(problems, at + ".transcript", section.transcript(), 50_000);
            if (section.videoUrl() != null && !LessonMarkdown.isWebUrl(section.videoUrl())) {
                problems.add(new FieldProblem(
                        at + ".videoUrl", "A video link must be a web address starting with https:// or http://."));
            }
            if (section.videoMinutes() != null && (section.videoMinutes() < 1 || section.videoMinutes() > 30)) {
                problems.add(new FieldProblem(at + ".videoMinutes", "Give the video's length in minutes, 1 to 30."));
            }
        }
        LessonBody.Check check = draft.body().check();
        if (check != null) {
            max(problems, "question", check.question(), 1_000);
            if (check.options().size() > MAX_OPTIONS) {
                problems.add(new FieldProblem("options", "A question has at most " + MAX_OPTIONS + " answers."));
            }
            for (int i = 0; i < check.options().size(); i++) {
                max(problems, "options[" + i + "].text", check.options().get(i).text(), 500);
                max(
                        problems,
                        "options[" + i + "].feedback",
                        check.options().get(i).feedback(),
                        2_000);
            }
        }
        max(problems, "reflectionPrompt", draft.body().reflectionPrompt(), 2_000);
        if (draft.body().apply() != null) {
            max(problems, "applyInstructions", draft.body().apply().instructions(), 5_000);
        }
        return problems;
    }

    /**
     * @param visibleCompetencies the competencies the author's platform may align to
     */
    public static List<FieldProblem> forPublishing(LessonDraft draft, Collection<Long> visibleCompetencies) {
        List<FieldProblem> problems = forDraft(draft);
        required(problems, "title", draft.title(), "Give the lesson a title.");
        required(problems, "summary", draft.summary(), "Say in a sentence or two what teachers will get from it.");
        if (draft.estimatedMinutes() == null) {
            problems.add(new FieldProblem("estimatedMinutes", "Say how many minutes the lesson takes."));
        }
        if (draft.careerStages().isEmpty()) {
            problems.add(new FieldProblem("careerStages", "Choose at least one career stage."));
        }
        if (draft.competencyIds().isEmpty()) {
            problems.add(new FieldProblem("competencyIds", "Align the lesson to at least one competency."));
        } else if (!visibleCompetencies.containsAll(draft.competencyIds())) {
            problems.add(new FieldProblem("competencyIds", "Choose competencies from your frameworks."));
        }
        List<LessonBody.Section> sections = draft.body().sections();
        if (sections.isEmpty()) {
            problems.add(new FieldProblem("sections", "Write at least one section."));
        }
        for (int i = 0; i < sections.size(); i++) {
            LessonBody.Section section = sections.get(i);
            String at = "sections[" + i + "]";
            required(problems, at + ".heading", section.heading(), "Give this section a heading.");
            required(problems, at + ".markdown", section.markdown(), "Write the text of this section.");
            if (section.videoUrl() != null
                    && (section.transcript() == null || section.transcript().isBlank())) {
                problems.add(new FieldProblem(
                        at + ".transcript", "Add the video's transcript, for people who cannot watch or hear it."));
            }
        }
        LessonBody.Check check = draft.body().check();
        if (check == null) {
            problems.add(new FieldProblem("question", "Write a question to check understanding."));
        } else {
            required(problems, "question", check.question(), "Write a question to check understanding.");
            if (check.options().size() < MIN_OPTIONS) {
                problems.add(new FieldProblem("options", "Give between 2 and 4 answers to choose from."));
            }
            for (int i = 0; i < check.options().size(); i++) {
                LessonBody.Option option = check.options().get(i);
                required(problems, "options[" + i + "].text", option.text(), "Write this answer.");
                required(
                        problems,
                        "options[" + i + "].feedback",
                        option.feedback(),
                        "Write the feedback a teacher sees after choosing this answer.");
            }
            long correct =
                    check.options().stream().filter(LessonBody.Option::correct).count();
            if (correct != 1) {
                problems.add(new FieldProblem("correct", "Mark exactly one answer as correct."));
            }
        }
        required(
                problems,
                "reflectionPrompt",
                draft.body().reflectionPrompt(),
                "Write a prompt for the teacher's reflection.");
        if (draft.body().apply() == null) {
            problems.add(new FieldProblem("applyInstructions", "Describe the task to try in the classroom."));
        } else {
            required(
                    problems,
                    "applyInstructions",
                    draft.body().apply().instructions(),
                    "Describe the task to try in the classroom.");
            if (draft.body().apply().evidence() == null) {
                problems.add(new FieldProblem("evidenceType", "Say what evidence the teacher hands in."));
            }
        }
        return problems;
    }

    /** Advice that does not block publishing: lessons should fit in about ten minutes. */
    public static List<String> warnings(LessonDraft draft) {
        List<String> warnings = new ArrayList<>();
        if (draft.estimatedMinutes() != null && draft.estimatedMinutes() > TimeBudget.WARN_ABOVE_MINUTES) {
            warnings.add("You estimate " + draft.estimatedMinutes() + " minutes: lessons should take about "
                    + TimeBudget.TARGET_MINUTES + ". Consider splitting it into two.");
        }
        int estimate = TimeBudget.estimateMinutes(draft.summary(), draft.body());
        if (estimate > TimeBudget.WARN_ABOVE_MINUTES) {
            warnings.add("The text, videos and activities add up to about " + estimate + " minutes, more than "
                    + TimeBudget.WARN_ABOVE_MINUTES + ". Trim the reading or split the lesson.");
        }
        return warnings;
    }

    private static void required(List<FieldProblem> problems, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, message));
        }
    }

    private static void max(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(
                    new FieldProblem(field, "This is " + value.length() + " characters long; keep it to " + max + "."));
        }
    }
}
