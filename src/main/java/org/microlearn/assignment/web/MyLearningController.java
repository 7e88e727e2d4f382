package org.microlearn.assignment.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.assignment.domain.AssignmentService;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonSummary;
import org.microlearn.people.People;
import org.microlearn.progress.CriterionProgress;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.ProgressReports;
import org.microlearn.progress.ProgressReports.AttemptSummary;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My learning", where a teacher lands: what their coach asked for first (due dates, who asked),
 * then what they started, then recommendations by career stage and by the rubric criteria where
 * their portfolio has least evidence. Only the teacher's own records are read.
 */
@Controller
class MyLearningController {

    /** A lesson card. {@code why} says why it is on the list. */
    record Card(
            long lessonId,
            String title,
            String summary,
            int minutes,
            String why,
            String due,
            boolean overdue,
            String state) {}

    /** A coach's review the teacher should see. */
    record Review(long lessonId, String title, boolean revision, String feedback) {}

    private static final int PER_LIST = 3;

    private final AssignmentService assignments;
    private final LessonCatalog lessons;
    private final ProgressReports progress;
    private final RubricCatalog rubrics;
    private final People people;
    private final org.microlearn.shared.Dates dates;

    MyLearningController(
            AssignmentService assignments,
            LessonCatalog lessons,
            ProgressReports progress,
            RubricCatalog rubrics,
            People people,
            org.microlearn.shared.Dates dates) {
        this.assignments = assignments;
        this.lessons = lessons;
        this.progress = progress;
        this.rubrics = rubrics;
        this.people = people;
        this.dates = dates;
    }

    @GetMapping("/learn")
    @Transactional(readOnly = true)
    String myLearning(Viewer viewer, Model model) {
        long platform = viewer.platformId();
        List<LessonSummary> catalogue = lessons.search(platform, LessonFilter.all());
        Map<Long, LessonSummary> byId = new LinkedHashMap<>();
        catalogue.forEach(l -> byId.put(l.lessonId(), l));
        Map<Long, AttemptSummary> mine = new HashMap<>();
        progress.attempts(platform, List.of(viewer.educatorId())).forEach(a -> mine.put(a.lessonId(), a));
        Set<Long> listed = new HashSet<>();

        List<Review> reviews = new ArrayList<>();
        Instant recent = Instant.now().minus(Duration.ofDays(14));
        mine.values().stream()
                .filter(a -> a.evidence() == EvidenceStatus.REVISION_REQUESTED
                        || (a.evidence() == EvidenceStatus.APPROVED
                                && a.reviewedAt() != null
                                && a.reviewedAt().isAfter(recent)))
                .sorted(Comparator.comparing(
                        AttemptSummary::reviewedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(a -> reviews.add(new Review(
                        a.lessonId(),
                        a.title(),
                        a.evidence() == EvidenceStatus.REVISION_REQUESTED,
                        a.coachFeedback())));

        List<Card> assigned = new ArrayList<>();
        for (AssignmentService.Followup f : assignments.forTeacher(viewer)) {
            long lessonId = f.assignment().lessonId();
            AttemptSummary attempt = mine.get(lessonId);
            if (attempt != null && attempt.completed() || !listed.add(lessonId)) {
                continue;
            }
            LessonSummary lesson = byId.get(lessonId);
            if (lesson == null) {
                continue;
            }
            String by = "Assigned by " + f.assignedBy()
                    + (f.assignment().target() == org.microlearn.assignment.domain.Assignment.Target.EDUCATOR
                            ? ""
                            : " to " + f.targetLabel());
            if (f.assignment().note() != null) {
                by += ": “" + f.assignment().note() + "”";
            }
            assigned.add(card(
                    lesson,
                    by,
                    f.assignment().dueOn() == null
                            ? null
                            : dates.day(f.assignment().dueOn()),
                    f.assignment().overdue(assignments.today()),
                    attempt));
        }

        List<Card> started = new ArrayList<>();
        mine.values().stream()
                .filter(a -> !a.completed() && !listed.contains(a.lessonId()))
                .sorted(Comparator.comparing(AttemptSummary::startedAt).reversed())
                .forEach(a -> {
                    LessonSummary lesson = byId.get(a.lessonId());
                    if (lesson != null && listed.add(a.lessonId())) {
                        started.add(card(lesson, "You started this", null, false, a));
                    }
                });

        Set<Long> done = new HashSet<>();
        mine.values().stream().filter(AttemptSummary::completed).forEach(a -> done.add(a.lessonId()));
        CareerStage stage = people.educator(platform, viewer.educatorId())
                .flatMap(People.Educator::stage)
                .orElse(null);
        List<Card> forStage = new ArrayList<>();
        if (stage != null) {
            for (LessonSummary l : catalogue) {
                if (forStage.size() < PER_LIST && l.careerStages().contains(stage) && fresh(l, done, listed)) {
                    forStage.add(
                            card(l, "Written for " + stage.label().toLowerCase() + " teachers", null, false, null));
                    listed.add(l.lessonId());
                }
            }
        }
        List<Card> forCriteria = byCriteria(platform, viewer.educatorId(), catalogue, done, listed);

        model.addAttribute("viewer", viewer);
        model.addAttribute("firstName", firstName(viewer.displayName()));
        model.addAttribute("reviews", reviews);
        model.addAttribute("assigned", assigned);
        model.addAttribute("started", started);
        model.addAttribute("stage", stage);
        model.addAttribute("forStage", forStage);
        model.addAttribute("forCriteria", forCriteria);
        model.addAttribute("completed", done.size());
        model.addAttribute(
                "more",
                catalogue.stream()
                        .filter(l -> fresh(l, done, listed))
                        .map(l -> card(l, null, null, false, null))
                        .toList());
        return "learn/home";
    }

    /**
     * Lessons that build the rubric criteria where the teacher has least progress: the three
     * weakest criteria (ties broken by rubric order), and for each the strongest-mapped lesson.
     */
    private List<Card> byCriteria(
            long platform, long educatorId, List<LessonSummary> catalogue, Set<Long> done, Set<Long> listed) {
        List<CriterionProgress> weakest = progress.criterionProgress(platform, educatorId).stream()
                .sorted(Comparator.comparingDouble(CriterionProgress::score))
                .toList();
        if (weakest.isEmpty()) {
            return List.of();
        }
        Set<Long> competencies = new HashSet<>();
        catalogue.forEach(l -> l.competencies().forEach(c -> competencies.add(c.id())));
        Map<Long, List<MappedCriterion>> byCompetency = new HashMap<>();
        rubrics.mappedCriteria(platform, competencies)
                .forEach(m -> byCompetency
                        .computeIfAbsent(m.competencyId(), k -> new ArrayList<>())
                        .add(m));
        List<Card> cards = new ArrayList<>();
        for (CriterionProgress criterion : weakest) {
            if (cards.size() >= PER_LIST) {
                break;
            }
            LessonSummary best = null;
            double bestWeight = 0;
            for (LessonSummary l : catalogue) {
                if (!fresh(l, done, listed)) {
                    continue;
                }
                for (var c : l.competencies()) {
                    for (MappedCriterion m : byCompetency.getOrDefault(c.id(), List.of())) {
                        if (m.criterionId() == criterion.criterionId() && m.weight() > bestWeight) {
                            best = l;
                            bestWeight = m.weight();
                        }
                    }
                }
            }
            if (best != null) {
                listed.add(best.lessonId());
                cards.add(card(
                        best,
                        "Builds " + criterion.label()
                                + (criterion.lessons() == 0
                                        ? ", where your portfolio has no evidence yet"
                                        : ", where your portfolio has least evidence"),
                        null,
                        false,
                        null));
            }
        }
        return cards;
    }

    private static boolean fresh(LessonSummary l, Set<Long> done, Set<Long> listed) {
        return !done.contains(l.lessonId()) && !listed.contains(l.lessonId());
    }

    private static Card card(LessonSummary l, String why, String due, boolean overdue, AttemptSummary attempt) {
        String state = attempt == null ? "new" : attempt.completed() ? "done" : "started";
        return new Card(l.lessonId(), l.title(), l.summary(), l.estimatedMinutes(), why, due, overdue, state);
    }

    private static String firstName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "there";
        }
        return displayName.strip().split("\\s+")[0];
    }
}
