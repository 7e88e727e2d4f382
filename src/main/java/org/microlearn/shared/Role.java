package org.microlearn.shared;

/**
 * What a person may do in Microlearn, derived from their LTI roles at launch: Learner is a
 * teacher; Instructor, Mentor and TeachingAssistant are coaches; any Administrator is an admin.
 */
public enum Role {
    TEACHER,
    COACH,
    ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_COACH}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
