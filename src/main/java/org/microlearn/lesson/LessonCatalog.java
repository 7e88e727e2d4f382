package org.microlearn.lesson;

import java.util.List;
import java.util.Optional;

/** Published lessons, as the rest of Microlearn sees them. Scoped to the viewer's platform. */
public interface LessonCatalog {

    /**
     * A published version the platform may see, even when the lesson has since been retired,
     * hidden or republished: an attempt keeps the version it started on.
     */
    Optional<LessonVersion> findPublishedVersion(long platformId, long versionId);

    /** The latest published version, when the lesson is available to the platform for new work. */
    Optional<LessonVersion> currentVersion(long platformId, long lessonId);

    /** Lessons available for new work (published, not retired, not removed by the district). */
    List<LessonSummary> search(long platformId, LessonFilter filter);
}
