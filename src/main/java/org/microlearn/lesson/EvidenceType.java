package org.microlearn.lesson;

/** What a teacher hands in for a lesson's "apply it in your classroom" task. */
public enum EvidenceType {
    LESSON_PLAN("Lesson plan"),
    STUDENT_WORK("Student work sample"),
    VIDEO_LINK("Video link"),
    WRITTEN_REFLECTION("Written reflection");

    private final String label;

    EvidenceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
