package org.microlearn.progress.web;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.domain.Attempt;
import org.microlearn.progress.domain.AttemptStore;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.progress.uploads.EvidenceFiles;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Coaches review apply-it evidence: approve it or ask for a revision, with feedback the teacher
 * sees on their next launch. Under {@code /coach/**}, so only coaches and admins reach it, and only
 * the evidence of their own platform.
 */
@Controller
class ReviewController {

    /** A line in the review queue. */
    record Item(long attemptId, String teacher, String title, Instant submittedAt, String status, Instant reviewedAt) {}

    private final AttemptStore attempts;
    private final LessonProgress progress;
    private final LessonCatalog lessons;
    private final LessonView.Factory views;
    private final People people;
    private final EvidenceFiles files;

    ReviewController(
            AttemptStore attempts,
            LessonProgress progress,
            LessonCatalog lessons,
            LessonView.Factory views,
            People people,
            EvidenceFiles files) {
        this.attempts = attempts;
        this.progress = progress;
        this.lessons = lessons;
        this.views = views;
        this.people = people;
        this.files = files;
    }

    @GetMapping("/coach/reviews")
    @Transactional(readOnly = true)
    String queue(Viewer viewer, @RequestParam(name = "reviewed", required = false) Long reviewed, Model model) {
        // Only the work of the coach's own teachers (a shared course); admins see the district's.
        List<Attempt> pending = attempts.awaitingReview(viewer.platformId()).stream()
                .filter(a -> people.maySeeWorkOf(viewer, a.educatorId()))
                .toList();
        List<Attempt> recent = attempts.recentlyReviewed(viewer.platformId(), 20).stream()
                .filter(a -> people.maySeeWorkOf(viewer, a.educatorId()))
                .toList();
        model.addAttribute("viewer", viewer);
        model.addAttribute("pending", items(viewer.platformId(), pending));
        model.addAttribute("recent", items(viewer.platformId(), recent));
        model.addAttribute("reviewed", reviewed);
        return "coach/reviews";
    }

    @GetMapping("/coach/reviews/{attemptId}")
    @Transactional(readOnly = true)
    String review(Viewer viewer, @PathVariable long attemptId, Model model) {
        Attempt attempt = attempts.find(viewer.platformId(), attemptId)
                .filter(Attempt::completed)
                .filter(a -> people.maySeeWorkOf(viewer, a.educatorId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LessonVersion version = lessons.findPublishedVersion(viewer.platformId(), attempt.lessonVersionId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LessonView lesson = views.of(viewer.platformId(), version);
        model.addAttribute("viewer", viewer);
        model.addAttribute("attempt", attempt);
        model.addAttribute("lesson", lesson);
        model.addAttribute(
                "teacher",
                people.educator(viewer.platformId(), attempt.educatorId())
                        .map(People.Educator::displayName)
                        .orElse("A teacher"));
        model.addAttribute(
                "chosen",
                attempt.checkOption() == null
                                || attempt.checkOption() >= lesson.options().size()
                        ? null
                        : lesson.options().get(attempt.checkOption()));
        model.addAttribute(
                "file",
                files.find(viewer.platformId(), attempt.evidenceFileId()).orElse(null));
        return "coach/review";
    }

    @PostMapping("/coach/reviews/{attemptId}")
    String decide(
            Viewer viewer,
            @PathVariable long attemptId,
            @RequestParam("decision") EvidenceStatus decision,
            @RequestParam(name = "feedback", defaultValue = "") String feedback) {
        if (decision == EvidenceStatus.PENDING || feedback.length() > 5_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        try {
            progress.review(viewer, attemptId, decision, feedback);
        } catch (LessonProgress.StepNotReached e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/coach/reviews?reviewed=" + attemptId;
    }

    private List<Item> items(long platformId, List<Attempt> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(a -> ids.add(a.educatorId()));
        Map<Long, People.Educator> names = people.educators(platformId, ids);
        return list.stream()
                .map(a -> new Item(
                        a.id(),
                        names.containsKey(a.educatorId())
                                ? names.get(a.educatorId()).displayName()
                                : "A teacher",
                        lessons.findPublishedVersion(platformId, a.lessonVersionId())
                                .map(LessonVersion::title)
                                .orElse("A lesson"),
                        a.submittedAt(),
                        a.evidenceStatus() == null ? "" : a.evidenceStatus().name(),
                        a.reviewedAt()))
                .toList();
    }
}
