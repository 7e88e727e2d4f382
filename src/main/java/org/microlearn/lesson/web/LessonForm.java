package org.microlearn.lesson.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.microlearn.lesson.EvidenceType;
import org.microlearn.lesson.LessonBody;
import org.microlearn.lesson.domain.FieldProblem;
import org.microlearn.lesson.domain.LessonDraft;
import org.microlearn.lesson.domain.LessonRules;
import org.microlearn.shared.CareerStage;

/**
 * The authoring form exactly as typed. Every field is text, so a value that does not parse (a
 * number of minutes like "ten") is reported next to its field and shown again, not lost in binding.
 * The form has fixed slots for sections and answers; trailing empty slots are ignored.
 */
record LessonForm(
        String title,
        String summary,
        String estimatedMinutes,
        List<String> careerStages,
        List<String> competencyIds,
        List<SectionForm> sections,
        String question,
        List<OptionForm> options,
        String correct,
        String reflectionPrompt,
        String applyInstructions,
        String evidenceType) {

    record SectionForm(String heading, String markdown, String videoUrl, String transcript, String videoMinutes) {

        boolean blank() {
            return isBlank(heading)
                    && isBlank(markdown)
                    && isBlank(videoUrl)
                    && isBlank(transcript)
                    && isBlank(videoMinutes);
        }
    }

    record OptionForm(String text, String feedback) {

        boolean blank() {
            return isBlank(text) && isBlank(feedback);
        }
    }

    LessonForm {
        careerStages = careerStages == null ? List.of() : careerStages;
        competencyIds = competencyIds == null ? List.of() : competencyIds;
        sections = padSections(sections);
        options = padOptions(options);
    }

    static LessonForm empty() {
        return of(LessonDraft.empty());
    }

    /** The form for a stored draft or version. */
    static LessonForm of(LessonDraft draft) {
        LessonBody body = draft.body();
        List<SectionForm> sections = body.sections().stream()
                .map(s -> new SectionForm(
                        s.heading(),
                        s.markdown(),
                        s.videoUrl(),
                        s.transcript(),
                        s.videoMinutes() == null ? null : s.videoMinutes().toString()))
                .toList();
        List<OptionForm> options = new ArrayList<>();
        String correct = null;
        if (body.check() != null) {
            for (int i = 0; i < body.check().options().size(); i++) {
                LessonBody.Option option = body.check().options().get(i);
                options.add(new OptionForm(option.text(), option.feedback()));
                if (option.correct()) {
                    correct = Integer.toString(i);
                }
            }
        }
        return new LessonForm(
                draft.title(),
                draft.summary(),
                draft.estimatedMinutes() == null
                        ? null
                        : draft.estimatedMinutes().toString(),
                draft.careerStages().stream().map(Enum::name).sorted().toList(),
                draft.competencyIds().stream().map(String::valueOf).toList(),
                sections,
                body.check() == null ? null : body.check().question(),
                options,
                correct,
                body.reflectionPrompt(),
                body.apply() == null ? null : body.apply().instructions(),
                body.apply() == null || body.apply().evidence() == null
                        ? null
                        : body.apply().evidence().name());
    }

    /** The draft this form describes, plus anything that could not be read from it. */
    record Read(LessonDraft draft, List<FieldProblem> problems) {}

    Read read() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer minutes = number(estimatedMinutes, "estimatedMinutes", problems);
        Set<CareerStage> stages = EnumSet.noneOf(CareerStage.class);
        for (String stage : careerStages) {
            try {
                stages.add(CareerStage.valueOf(stage));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("careerStages", "Choose career stages from the list."));
            }
        }
        List<Long> competencies = new ArrayList<>();
        for (String id : competencyIds) {
            try {
                competencies.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("competencyIds", "Choose competencies from the list."));
            }
        }
        List<LessonBody.Section> bodySections = new ArrayList<>();
        List<SectionForm> usedSections = withoutTrailingBlanks(sections, SectionForm::blank);
        for (int i = 0; i < usedSections.size(); i++) {
            SectionForm s = usedSections.get(i);
            bodySections.add(new LessonBody.Section(
                    clean(s.heading()),
                    clean(s.markdown()),
                    clean(s.videoUrl()),
                    clean(s.transcript()),
                    number(s.videoMinutes(), "sections[" + i + "].videoMinutes", problems)));
        }
        List<OptionForm> usedOptions = withoutTrailingBlanks(options, OptionForm::blank);
        List<LessonBody.Option> bodyOptions = new ArrayList<>();
        for (int i = 0; i < usedOptions.size(); i++) {
            bodyOptions.add(new LessonBody.Option(
                    clean(usedOptions.get(i).text()),
                    Integer.toString(i).equals(correct),
                    clean(usedOptions.get(i).feedback())));
        }
        EvidenceType evidence = null;
        if (!isBlank(evidenceType)) {
            try {
                evidence = EvidenceType.valueOf(evidenceType.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("evidenceType", "Choose the kind of evidence from the list."));
            }
        }
        LessonBody body = new LessonBody(
                bodySections,
                isBlank(question) && bodyOptions.isEmpty() ? null : new LessonBody.Check(clean(question), bodyOptions),
                clean(reflectionPrompt),
                isBlank(applyInstructions) && evidence == null
                        ? null
                        : new LessonBody.ApplyTask(clean(applyInstructions), evidence));
        LessonDraft draft = new LessonDraft(clean(title), clean(summary), minutes, stages, competencies, body);
        return new Read(draft, problems);
    }

    private static Integer number(String text, String field, List<FieldProblem> problems) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "Write a whole number of minutes, such as 10."));
            return null;
        }
    }

    private static <T> List<T> withoutTrailingBlanks(List<T> slots, Predicate<T> blank) {
        int end = slots.size();
        while (end > 0 && blank.test(slots.get(end - 1))) {
            end--;
        }
        return slots.subList(0, end);
    }

    private static List<SectionForm> padSections(List<SectionForm> given) {
        List<SectionForm> slots = new ArrayList<>();
        if (given != null) {
            given.stream()
                    .map(s -> s == null ? new SectionForm(null, null, null, null, null) : s)
                    .forEach(slots::add);
        }
        while (slots.size() < LessonRules.MAX_SECTIONS) {
            slots.add(new SectionForm(null, null, null, null, null));
        }
        return slots;
    }

    private static List<OptionForm> padOptions(List<OptionForm> given) {
        List<OptionForm> slots = new ArrayList<>();
        if (given != null) {
            given.stream().map(o -> o == null ? new OptionForm(null, null) : o).forEach(slots::add);
        }
        while (slots.size() < LessonRules.MAX_OPTIONS) {
            slots.add(new OptionForm(null, null));
        }
        return slots;
    }

    private static String clean(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
