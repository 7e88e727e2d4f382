package org.microlearn.dashboard.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.people.LearningGroups;
import org.microlearn.people.People;
import org.microlearn.progress.CriterionProgress;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.ProgressReports;
import org.microlearn.progress.ProgressReports.AttemptSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Computes the dashboard's figures for one platform; the page, its charts and the CSV share them. */
@Component
class DashboardData {

    /**
     * One row of a breakdown.
     *
     * @param key a stable identifier (criterion id, domain id, group id, course id, educator id)
     * @param completions completed lessons that count here
     * @param educators distinct educators with such completions
     */
    record Row(String dimension, String key, String label, long completions, long educators, double hours) {}

    /** Teacher rows carry a little more for the drill-down list. */
    record Teacher(
            long educatorId, String name, String stage, long completed, long inProgress, double hours, long pending) {}

    record Dashboard(
            long activeEducators,
            long completions,
            double hours,
            long pendingReviews,
            List<Row> criteria,
            List<Row> domains,
            List<Row> groups,
            List<Row> courses,
            List<Teacher> teachers) {}

    private final ProgressReports progress;
    private final CompetencyCatalog competencies;
    private final LearningGroups groups;
    private final People people;

    DashboardData(ProgressReports progress, CompetencyCatalog competencies, LearningGroups groups, People people) {
        this.progress = progress;
        this.competencies = competencies;
        this.groups = groups;
        this.people = people;
    }

    @Transactional(readOnly = true)
    Dashboard compute(long platformId) {
        List<AttemptSummary> attempts = progress.allAttempts(platformId);
        List<AttemptSummary> completed =
                attempts.stream().filter(AttemptSummary::completed).toList();

        List<Row> criteria = new ArrayList<>();
        for (CriterionProgress c : progress.criterionProgress(platformId, attempts)) {
            criteria.add(
                    new Row("criterion", Long.toString(c.criterionId()), c.label(), c.lessons(), c.educators(), 0));
        }

        Set<Long> competencyIds = new HashSet<>();
        completed.forEach(a -> competencyIds.addAll(a.competencyIds()));
        Map<Long, CompetencyRef> refs = new HashMap<>();
        competencies.competencies(platformId, competencyIds).forEach(r -> refs.put(r.id(), r));
        Map<Long, String> domainTitles = new LinkedHashMap<>();
        competencies.allCompetencies(platformId).forEach(r -> domainTitles.putIfAbsent(r.domainId(), r.domainTitle()));
        Map<Long, List<AttemptSummary>> byDomain = new LinkedHashMap<>();
        domainTitles.keySet().forEach(id -> byDomain.put(id, new ArrayList<>()));
        for (AttemptSummary a : completed) {
            Set<Long> domains = new HashSet<>();
            a.competencyIds().stream().map(refs::get).filter(r -> r != null).forEach(r -> domains.add(r.domainId()));
            domains.forEach(
                    d -> byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(a));
        }
        List<Row> domains = new ArrayList<>();
        byDomain.forEach((id, list) ->
                domains.add(row("domain", id.toString(), domainTitles.getOrDefault(id, "Domain " + id), list)));

        Map<Long, List<AttemptSummary>> byEducator = new HashMap<>();
        attempts.forEach(a -> byEducator
                .computeIfAbsent(a.educatorId(), k -> new ArrayList<>())
                .add(a));
        List<Row> groupRows = new ArrayList<>();
        for (LearningGroups.Group g : groups.groups(platformId)) {
            List<AttemptSummary> list = new ArrayList<>();
            g.memberIds()
                    .forEach(id -> byEducator.getOrDefault(id, List.of()).stream()
                            .filter(AttemptSummary::completed)
                            .forEach(list::add));
            groupRows.add(row("group", Long.toString(g.id()), g.name(), list));
        }

        Map<Long, String> courseTitles = people.courseTitles(platformId);
        Map<Long, List<AttemptSummary>> byCourse = new LinkedHashMap<>();
        completed.stream()
                .filter(a -> a.courseId() != null)
                .forEach(a -> byCourse.computeIfAbsent(a.courseId(), k -> new ArrayList<>())
                        .add(a));
        List<Row> courses = new ArrayList<>();
        byCourse.forEach((id, list) ->
                courses.add(row("course", id.toString(), courseTitles.getOrDefault(id, "Course " + id), list)));
        courses.sort(Comparator.comparing(Row::completions).reversed());

        Map<Long, People.Educator> educators = people.educators(platformId, byEducator.keySet());
        List<Teacher> teachers = new ArrayList<>();
        byEducator.forEach((id, list) -> {
            People.Educator e = educators.get(id);
            teachers.add(new Teacher(
                    id,
                    e == null ? "Educator " + id : e.displayName(),
                    e == null ? "" : e.stage().map(s -> s.label()).orElse(""),
                    list.stream().filter(AttemptSummary::completed).count(),
                    list.stream().filter(a -> !a.completed()).count(),
                    hours(list.stream().filter(AttemptSummary::completed).toList()),
                    list.stream()
                            .filter(a -> a.evidence() == EvidenceStatus.PENDING)
                            .count()));
        });
        teachers.sort(Comparator.comparing(Teacher::name, String.CASE_INSENSITIVE_ORDER));

        return new Dashboard(
                completed.stream().map(AttemptSummary::educatorId).distinct().count(),
                completed.size(),
                hours(completed),
                progress.pendingReviews(platformId),
                criteria,
                domains,
                groupRows,
                courses,
                teachers);
    }

    private static Row row(String dimension, String key, String label, List<AttemptSummary> list) {
        return new Row(
                dimension,
                key,
                label,
                list.size(),
                list.stream().map(AttemptSummary::educatorId).distinct().count(),
                hours(list));
    }

    static double hours(List<AttemptSummary> list) {
        return Math.round(list.stream().mapToInt(AttemptSummary::minutes).sum() / 6.0) / 10.0;
    }
}
