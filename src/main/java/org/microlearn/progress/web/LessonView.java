package org.microlearn.progress.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.EvidenceType;
import org.microlearn.lesson.LessonBody;
import org.microlearn.lesson.LessonMarkdown;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.progress.domain.Attempt;
import org.microlearn.progress.domain.Steps;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.RubricCatalog;
import org.springframework.stereotype.Component;

/**
 * A lesson version made ready for the player's templates: Markdown rendered and sanitised (the
 * only values printed unescaped), video links checked, alignments named.
 */
record LessonView(
        long lessonId,
        String title,
        String summary,
        int minutes,
        List<String> stages,
        List<String> competencies,
        List<String> criteria,
        List<Section> sections,
        String question,
        List<String> options,
        String reflectionPrompt,
        String applyHtml,
        EvidenceType evidence) {

    record Section(String heading, String html, String videoUrl, String transcript, Integer videoMinutes) {}

    /** One step in the step list: its URL name, what it is called, whether it can be opened. */
    record StepLink(String name, String label, boolean reached, boolean current) {}

    List<StepLink> stepLinks(Steps steps, int furthest, int current) {
        List<StepLink> links = new ArrayList<>();
        for (int i = 0; i < steps.count(); i++) {
            String label = steps.isSection(i)
                    ? "Part " + (i + 1) + ": " + sections.get(i).heading()
                    : i == steps.check() ? "Check" : i == steps.reflection() ? "Reflect" : "Apply it";
            links.add(new StepLink(steps.name(i), label, i <= furthest, i == current));
        }
        return links;
    }

    @Component
    static class Factory {
        private final LessonMarkdown markdown;
        private final CompetencyCatalog competencies;
        private final RubricCatalog rubrics;

        Factory(LessonMarkdown markdown, CompetencyCatalog competencies, RubricCatalog rubrics) {
            this.markdown = markdown;
            this.competencies = competencies;
            this.rubrics = rubrics;
        }

        LessonView of(long platformId, LessonVersion v) {
            LessonBody body = v.body();
            List<Section> sections = body.sections().stream()
                    .map(s -> new Section(
                            s.heading(),
                            markdown.toSafeHtml(s.markdown()),
                            LessonMarkdown.isWebUrl(s.videoUrl()) ? s.videoUrl().trim() : null,
                            s.transcript(),
                            s.videoMinutes()))
                    .toList();
            return new LessonView(
                    v.lessonId(),
                    v.title(),
                    v.summary(),
                    v.estimatedMinutes(),
                    v.careerStages().stream().sorted().map(s -> s.label()).toList(),
                    competencyLabels(platformId, v.competencyIds()),
                    criterionLabels(platformId, v.competencyIds()),
                    sections,
                    body.check() == null ? null : body.check().question(),
                    body.check() == null
                            ? List.of()
                            : body.check().options().stream()
                                    .map(LessonBody.Option::text)
                                    .toList(),
                    body.reflectionPrompt(),
                    body.apply() == null ? "" : markdown.toSafeHtml(body.apply().instructions()),
                    body.apply() == null ? null : body.apply().evidence());
        }

        List<String> competencyLabels(long platformId, List<Long> ids) {
            return competencies.competencies(platformId, ids).stream()
                    .map(CompetencyRef::label)
                    .toList();
        }

        /** Each mapped criterion once, strongest rubric first. */
        List<String> criterionLabels(long platformId, List<Long> competencyIds) {
            Map<Long, String> labels = new LinkedHashMap<>();
            for (MappedCriterion m : rubrics.mappedCriteria(platformId, competencyIds)) {
                labels.putIfAbsent(m.criterionId(), m.label());
            }
            return List.copyOf(labels.values());
        }

        String feedback(LessonVersion v, Attempt attempt) {
            if (attempt.checkOption() == null || v.body().check() == null) {
                return null;
            }
            List<LessonBody.Option> options = v.body().check().options();
            int chosen = attempt.checkOption();
            return chosen >= 0 && chosen < options.size() ? options.get(chosen).feedback() : null;
        }
    }
}
