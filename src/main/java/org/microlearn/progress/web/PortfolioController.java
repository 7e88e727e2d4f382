package org.microlearn.progress.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.LearningGroups;
import org.microlearn.people.People;
import org.microlearn.progress.CriterionProgress;
import org.microlearn.progress.ProgressReports;
import org.microlearn.progress.domain.Attempt;
import org.microlearn.progress.domain.AttemptStore;
import org.microlearn.progress.uploads.EvidenceFiles;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A teacher's portfolio (their own completed lessons only) and what their learning-group peers
 * chose to share with them.
 */
@Controller
class PortfolioController {

    /** One completed lesson in the portfolio. */
    record Entry(
            long lessonId,
            String title,
            Instant completedAt,
            int minutes,
            String reflection,
            String link,
            String note,
            EvidenceFiles.StoredFile file,
            String evidenceStatus,
            String feedback,
            List<String> competencies,
            List<String> criteria,
            boolean shared) {}

    /** Something a peer shared. */
    record Shared(String name, String title, String link, String note, Instant sharedAt) {}

    private final AttemptStore attempts;
    private final LessonCatalog lessons;
    private final LessonView.Factory views;
    private final ProgressReports reports;
    private final EvidenceFiles files;
    private final LearningGroups groups;
    private final People people;

    PortfolioController(
            AttemptStore attempts,
            LessonCatalog lessons,
            LessonView.Factory views,
            ProgressReports reports,
            EvidenceFiles files,
            LearningGroups groups,
            People people) {
        this.attempts = attempts;
        this.lessons = lessons;
        this.views = views;
        this.reports = reports;
        this.files = files;
        this.groups = groups;
        this.people = people;
    }

    @GetMapping("/learn/portfolio")
    @Transactional(readOnly = true)
    String portfolio(Viewer viewer, Model model) {
        List<Entry> entries = entries(viewer.platformId(), viewer.educatorId());
        model.addAttribute("viewer", viewer);
        model.addAttribute("entries", entries);
        addTotals(model, entries);
        model.addAttribute(
                "criteria",
                reports.criterionProgress(viewer.platformId(), viewer.educatorId()).stream()
                        .filter(c -> c.lessons() > 0)
                        .sorted(Comparator.comparingDouble(CriterionProgress::score)
                                .reversed())
                        .toList());
        return "learn/portfolio";
    }

    @GetMapping("/learn/group")
    @Transactional(readOnly = true)
    String group(Viewer viewer, Model model) {
        List<Long> peers = groups.peersOf(viewer.platformId(), viewer.educatorId());
        Map<Long, People.Educator> names = people.educators(viewer.platformId(), peers);
        List<Shared> shared = new ArrayList<>();
        for (Attempt a : attempts.sharedBy(viewer.platformId(), peers)) {
            String title = lessons.findPublishedVersion(viewer.platformId(), a.lessonVersionId())
                    .map(LessonVersion::title)
                    .orElse("A lesson");
            People.Educator who = names.get(a.educatorId());
            shared.add(new Shared(
                    who == null ? "A colleague" : who.displayName(),
                    title,
                    a.evidenceLink(),
                    a.evidenceNote(),
                    a.sharedAt()));
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("groups", groups.groupsOf(viewer.platformId(), viewer.educatorId()));
        model.addAttribute("shared", shared);
        return "learn/group";
    }

    /** The completed lessons of one educator, newest first (also used for an admin's drill-down). */
    List<Entry> entries(long platformId, long educatorId) {
        List<Entry> entries = new ArrayList<>();
        for (Attempt a : attempts.ofEducator(platformId, educatorId)) {
            if (!a.completed()) {
                continue;
            }
            LessonVersion v = lessons.findPublishedVersion(platformId, a.lessonVersionId())
                    .orElse(null);
            if (v == null) {
                continue;
            }
            entries.add(new Entry(
                    a.lessonId(),
                    v.title(),
                    a.completedAt(),
                    v.estimatedMinutes(),
                    a.reflection(),
                    a.evidenceLink(),
                    a.evidenceNote(),
                    files.find(platformId, a.evidenceFileId()).orElse(null),
                    a.evidenceStatus() == null ? null : a.evidenceStatus().name(),
                    a.coachFeedback(),
                    views.competencyLabels(platformId, v.competencyIds()),
                    views.criterionLabels(platformId, v.competencyIds()),
                    a.sharedAt() != null));
        }
        entries.sort(Comparator.comparing(Entry::completedAt).reversed());
        return entries;
    }

    static void addTotals(Model model, List<Entry> entries) {
        int minutes = entries.stream().mapToInt(Entry::minutes).sum();
        Set<String> competencies = new LinkedHashSet<>();
        entries.forEach(e -> competencies.addAll(e.competencies()));
        model.addAttribute("hours", String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0));
        model.addAttribute("minutes", minutes);
        model.addAttribute("competencies", competencies);
        model.addAttribute(
                "approved",
                entries.stream()
                        .filter(e -> "APPROVED".equals(e.evidenceStatus()))
                        .count());
    }
}
