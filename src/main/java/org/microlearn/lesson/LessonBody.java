package org.microlearn.lesson;

import java.util.List;

/**
 * What a teacher works through in a lesson: a few short sections, a check for understanding, a
 * reflection prompt and a task to apply it in the classroom. Markdown fields are stored as the
 * author wrote them and only ever shown through {@link LessonMarkdown}.
 */
public record LessonBody(List<Section> sections, Check check, String reflectionPrompt, ApplyTask apply) {

    public LessonBody {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /**
     * @param markdown the text, in Markdown
     * @param videoUrl an optional http(s) link to a video
     * @param transcript the video's transcript, required with a video (not everyone can watch or hear it)
     * @param videoMinutes the video's length, counted in the lesson's time
     */
    public record Section(String heading, String markdown, String videoUrl, String transcript, Integer videoMinutes) {}

    /** A multiple-choice question with feedback on every answer and exactly one correct answer. */
    public record Check(String question, List<Option> options) {

        public Check {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    public record Option(String text, boolean correct, String feedback) {}

    /** @param instructions what to do, in Markdown; {@code evidence} what to hand in */
    public record ApplyTask(String instructions, EvidenceType evidence) {}
}
