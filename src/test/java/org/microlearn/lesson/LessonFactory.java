package org.microlearn.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.microlearn.lesson.domain.LessonDraft;
import org.microlearn.shared.CareerStage;

/** Lessons for tests, complete unless a test says otherwise. */
final class LessonFactory {

    private LessonFactory() {}

    static LessonDraft completeDraft(String title, long competencyId) {
        return new LessonDraft(
                title,
                "A short lesson about exit tickets.",
                8,
                Set.of(CareerStage.NOVICE),
                List.of(competencyId),
                new LessonBody(
                        List.of(
                                new LessonBody.Section("Why", "Exit tickets show **what stuck**.", null, null, null),
                                new LessonBody.Section("How", "Ask one question at the end.", null, null, null)),
                        new LessonBody.Check(
                                "What is an exit ticket for?",
                                List.of(
                                        new LessonBody.Option("Planning tomorrow", true, "Yes: it is evidence."),
                                        new LessonBody.Option("Grading", false, "No: keep it low stakes."))),
                        "When did you last change a plan because of student evidence?",
                        new LessonBody.ApplyTask("Use one exit ticket this week.", EvidenceType.STUDENT_WORK)));
    }

    /** The same lesson with a different first section, as an author's later edit. */
    static LessonDraft edited(LessonDraft draft, String newFirstSection) {
        List<LessonBody.Section> sections = new ArrayList<>(draft.body().sections());
        sections.set(0, new LessonBody.Section("Why", newFirstSection, null, null, null));
        return new LessonDraft(
                draft.title(),
                draft.summary(),
                draft.estimatedMinutes(),
                draft.careerStages(),
                draft.competencyIds(),
                new LessonBody(
                        sections,
                        draft.body().check(),
                        draft.body().reflectionPrompt(),
                        draft.body().apply()));
    }

    static LessonDraft titleOnly(String title) {
        return new LessonDraft(title, null, null, Set.of(), List.of(), null);
    }
}
