package org.microlearn.shared;

import java.util.Optional;

/**
 * Which lesson an LMS resource link opens (its {@code custom.lesson}, a lesson id, set by deep
 * linking). The {@code lti} module implements it; domain modules ask it, for instance to send a
 * lesson's score to the line item of the link the teacher launched through, without importing
 * {@code lti}.
 */
public interface ResourceLinkLessons {

    /** The lesson reference of the platform's resource link, if the link names one. */
    Optional<String> lessonRef(long platformId, String resourceLinkId);

    /** Whether the resource link was created for exactly this lesson. */
    default boolean opensLesson(long platformId, String resourceLinkId, long lessonId) {
        return resourceLinkId != null
                && lessonRef(platformId, resourceLinkId)
                        .map(ref -> ref.trim().equals(Long.toString(lessonId)))
                        .orElse(false);
    }
}
