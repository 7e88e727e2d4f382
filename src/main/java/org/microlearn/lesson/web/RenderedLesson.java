package org.microlearn.lesson.web;

import java.util.List;
import java.util.Set;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.EvidenceType;
import org.microlearn.lesson.LessonBody;
import org.microlearn.lesson.LessonMarkdown;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.shared.CareerStage;

/**
 * A lesson ready for a template: Markdown already rendered and sanitised (the only values a
 * template may print unescaped), links already checked.
 */
record RenderedLesson(
        String title,
        String summary,
        Integer estimatedMinutes,
        List<CareerStage> careerStages,
        List<CompetencyRef> competencies,
        List<MappedCriterion> criteria,
        List<Section> sections,
        String question,
        List<Option> options,
        String reflectionPrompt,
        String applyHtml,
        EvidenceType evidence) {

    /** @param videoUrl only an http(s) URL, else {@code null} */
    record Section(String heading, String html, String videoUrl, String transcript, Integer videoMinutes) {}

    record Option(String text, boolean correct, String feedback) {}

    static RenderedLesson of(
            String title,
            String summary,
            Integer minutes,
            Set<CareerStage> stages,
            List<CompetencyRef> competencies,
            List<MappedCriterion> criteria,
            LessonBody body,
            LessonMarkdown markdown) {
        List<Section> sections = body.sections().stream()
                .map(s -> new Section(
                        s.heading(),
                        markdown.toSafeHtml(s.markdown()),
                        LessonMarkdown.isWebUrl(s.videoUrl()) ? s.videoUrl().trim() : null,
                        s.transcript(),
                        s.videoMinutes()))
                .toList();
        List<Option> options = body.check() == null
                ? List.of()
                : body.check().options().stream()
                        .map(o -> new Option(o.text(), o.correct(), o.feedback()))
                        .toList();
        return new RenderedLesson(
                title,
                summary,
                minutes,
                stages.stream().sorted().toList(),
                competencies,
                criteria,
                sections,
                body.check() == null ? null : body.check().question(),
                options,
                body.reflectionPrompt(),
                body.apply() == null ? "" : markdown.toSafeHtml(body.apply().instructions()),
                body.apply() == null ? null : body.apply().evidence());
    }
}
