package org.microlearn.progress.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.microlearn.lesson.LessonBody;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.progress.EvidenceReviewed;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.LessonCompleted;
import org.microlearn.shared.GradebookScoreChanged;
import org.microlearn.shared.ResourceLinkLessons;
import org.microlearn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's way through a lesson, and a coach's review of the evidence. Every change is scoped
 * to the viewer: a teacher only ever touches their own attempt.
 *
 * <p>Scores: the gradebook column of a lesson is out of {@value #SCORE_MAXIMUM} (as the deep
 * linking line item declares it) and a completed lesson scores the full {@value #SCORE_MAXIMUM}:
 * the check for understanding is formative (immediate feedback, any number of tries), so it does
 * not lower the grade. The grading progress says whether a coach has looked at the evidence yet:
 * {@code PendingManual} until approved, {@code FullyGraded} after.
 */
@Service
public class LessonProgress {

    public static final double SCORE_MAXIMUM = 100;
    static final String LESSON_TAG = "lesson";

    /** The lesson is not available to this platform (never was, or retired before starting). */
    public static class LessonUnavailable extends RuntimeException {
        public LessonUnavailable(long lessonId) {
            super("Lesson " + lessonId + " is not available");
        }
    }

    /** A step was asked for out of order (e.g. handing in before reflecting). */
    public static class StepNotReached extends RuntimeException {
        public StepNotReached(String message) {
            super(message);
        }
    }

    /** The result of answering the check. */
    public record CheckAnswer(int option, boolean correct, String feedback) {}

    private final AttemptStore attempts;
    private final LessonCatalog lessons;
    private final ResourceLinkLessons links;
    private final ApplicationEventPublisher events;
    private final People people;
    private final Clock clock;

    LessonProgress(
            AttemptStore attempts,
            LessonCatalog lessons,
            ResourceLinkLessons links,
            ApplicationEventPublisher events,
            People people,
            Clock clock) {
        this.attempts = attempts;
        this.lessons = lessons;
        this.links = links;
        this.events = events;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Attempt> mine(Viewer viewer, long lessonId) {
        return attempts.mine(viewer.platformId(), viewer.educatorId(), lessonId);
    }

    /** The version the viewer works on: their attempt's, else the lesson's current one. */
    @Transactional(readOnly = true)
    public LessonVersion version(Viewer viewer, long lessonId) {
        return mine(viewer, lessonId)
                .flatMap(a -> lessons.findPublishedVersion(viewer.platformId(), a.lessonVersionId()))
                .or(() -> lessons.currentVersion(viewer.platformId(), lessonId))
                .orElseThrow(() -> new LessonUnavailable(lessonId));
    }

    /** Starts the lesson on its current version, or resumes the attempt already started. */
    @Transactional
    public Attempt start(Viewer viewer, long lessonId) {
        Optional<Attempt> existing = mine(viewer, lessonId);
        if (existing.isPresent()) {
            return existing.get();
        }
        LessonVersion version = lessons.currentVersion(viewer.platformId(), lessonId)
                .orElseThrow(() -> new LessonUnavailable(lessonId));
        return attempts.start(
                viewer.platformId(),
                viewer.educatorId(),
                viewer.courseId(),
                lessonId,
                version.id(),
                linkFor(viewer, lessonId),
                clock.instant());
    }

    /** The teacher finished reading a section: the next step opens. */
    @Transactional
    public void finishSection(Viewer viewer, long lessonId, int section) {
        Attempt attempt = started(viewer, lessonId);
        Steps steps = steps(viewer, attempt);
        if (!steps.isSection(section) || section > attempt.furthestStep()) {
            throw new StepNotReached("Read the sections in order");
        }
        attempts.reach(attempt, section + 1, clock.instant());
    }

    /** Records an answer to the check and returns its feedback; any answer opens the reflection. */
    @Transactional
    public CheckAnswer answer(Viewer viewer, long lessonId, int option) {
        Attempt attempt = started(viewer, lessonId);
        LessonVersion version = versionOf(viewer, attempt);
        Steps steps = new Steps(version.body().sections().size());
        if (attempt.furthestStep() < steps.check()) {
            throw new StepNotReached("Read the sections before the check");
        }
        LessonBody.Check check = version.body().check();
        if (check == null || option < 0 || option >= check.options().size()) {
            throw new StepNotReached("Choose one of the answers");
        }
        LessonBody.Option chosen = check.options().get(option);
        attempts.answer(attempt, option, chosen.correct(), steps.reflection(), clock.instant());
        return new CheckAnswer(option, chosen.correct(), chosen.feedback());
    }

    @Transactional
    public void reflect(Viewer viewer, long lessonId, String text) {
        Attempt attempt = started(viewer, lessonId);
        Steps steps = steps(viewer, attempt);
        if (attempt.furthestStep() < steps.reflection()) {
            throw new StepNotReached("Answer the check before reflecting");
        }
        attempts.reflect(attempt, text.strip(), steps.apply(), clock.instant());
    }

    /**
     * Hands in the apply-it evidence. The first time, this completes the lesson: it publishes
     * {@link LessonCompleted} and the score for the gradebook ({@code PendingManual} until a coach
     * approves). After a coach asked for a revision, it hands the revised evidence in again.
     */
    @Transactional
    public Attempt submit(Viewer viewer, long lessonId, String link, String note, String fileId) {
        Attempt attempt = started(viewer, lessonId);
        LessonVersion version = versionOf(viewer, attempt);
        Steps steps = new Steps(version.body().sections().size());
        if (attempt.furthestStep() < steps.apply() || attempt.reflection() == null) {
            throw new StepNotReached("Reflect before handing in your evidence");
        }
        Instant now = clock.instant();
        boolean firstCompletion = !attempt.completed();
        String link4Lesson = linkFor(viewer, lessonId);
        attempts.submit(attempt, link, note, fileId, viewer.courseId(), link4Lesson, steps.done(), now);
        Attempt done = attempts.mine(viewer.platformId(), viewer.educatorId(), lessonId)
                .orElseThrow();
        if (firstCompletion) {
            events.publishEvent(new LessonCompleted(
                    done.platformId(),
                    done.courseId(),
                    done.educatorId(),
                    lessonId,
                    done.lessonVersionId(),
                    done.id(),
                    done.resourceLinkId(),
                    done.startedAt(),
                    done.completedAt(),
                    true));
        }
        publishScore(
                done,
                done.courseId(),
                version.title(),
                "Completed",
                "PendingManual",
                firstCompletion
                        ? "Lesson completed; classroom evidence waits for a coach's review."
                        : "Revised evidence handed in; waits for a coach's review.",
                now);
        return done;
    }

    /** A coach approves the evidence or asks for a revision, with feedback the teacher sees. */
    @Transactional
    public Attempt review(Viewer coach, long attemptId, EvidenceStatus decision, String feedback) {
        if (!coach.canCoach()) {
            throw new IllegalArgumentException("Only coaches and admins review evidence");
        }
        if (decision == EvidenceStatus.PENDING) {
            throw new IllegalArgumentException("A review approves or asks for a revision");
        }
        Attempt attempt = attempts.find(coach.platformId(), attemptId)
                .filter(Attempt::completed)
                .filter(a -> people.maySeeWorkOf(coach, a.educatorId()))
                .orElseThrow(() -> new StepNotReached("No evidence to review"));
        Instant now = clock.instant();
        String text = feedback == null || feedback.isBlank() ? null : feedback.strip();
        attempts.review(attempt, decision, text, coach.educatorId(), now);
        Attempt reviewed = attempts.find(coach.platformId(), attemptId).orElseThrow();
        LessonVersion version = versionOf(coach, attempt);
        events.publishEvent(new EvidenceReviewed(
                attempt.platformId(),
                attempt.courseId(),
                attempt.educatorId(),
                attempt.lessonId(),
                attempt.id(),
                decision,
                now));
        boolean approved = decision == EvidenceStatus.APPROVED;
        publishScore(
                reviewed,
                attempt.courseId(),
                version.title(),
                approved ? "Completed" : "InProgress",
                approved ? "FullyGraded" : "PendingManual",
                text != null
                        ? text
                        : approved ? "Evidence approved by your coach." : "Your coach asked for a revision.",
                now);
        return reviewed;
    }

    @Transactional
    public void share(Viewer viewer, long lessonId, boolean shared) {
        Attempt attempt = started(viewer, lessonId);
        if (!attempt.completed()) {
            throw new StepNotReached("Finish the lesson before sharing it");
        }
        attempts.share(attempt, shared, clock.instant());
    }

    public Steps steps(Viewer viewer, Attempt attempt) {
        return new Steps(versionOf(viewer, attempt).body().sections().size());
    }

    private LessonVersion versionOf(Viewer viewer, Attempt attempt) {
        return lessons.findPublishedVersion(viewer.platformId(), attempt.lessonVersionId())
                .orElseThrow(() -> new LessonUnavailable(attempt.lessonId()));
    }

    private Attempt started(Viewer viewer, long lessonId) {
        return mine(viewer, lessonId).orElseThrow(() -> new StepNotReached("Start the lesson first"));
    }

    /** The viewer's resource link, when it was made for this lesson (its line item gets the score). */
    private String linkFor(Viewer viewer, long lessonId) {
        return links.opensLesson(viewer.platformId(), viewer.resourceLinkId(), lessonId)
                ? viewer.resourceLinkId()
                : null;
    }

    private void publishScore(
            Attempt attempt,
            Long courseId,
            String title,
            String activityProgress,
            String gradingProgress,
            String comment,
            Instant now) {
        if (courseId == null) {
            return; // launched outside a course: there is no gradebook to send to
        }
        events.publishEvent(new GradebookScoreChanged(
                attempt.platformId(),
                courseId,
                attempt.educatorId(),
                new GradebookScoreChanged.Column(
                        Long.toString(attempt.lessonId()), LESSON_TAG, title, SCORE_MAXIMUM, attempt.resourceLinkId()),
                SCORE_MAXIMUM,
                SCORE_MAXIMUM,
                activityProgress,
                gradingProgress,
                comment,
                now,
                attempt.startedAt(),
                attempt.submittedAt()));
    }
}
