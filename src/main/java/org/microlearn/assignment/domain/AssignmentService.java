package org.microlearn.assignment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.people.LearningGroups;
import org.microlearn.people.People;
import org.microlearn.progress.ProgressReports;
import org.microlearn.progress.ProgressReports.AttemptSummary;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning lessons and following them up. Targets resolve to educator ids from people data (the
 * course roster, groups, career stages), so the NRPS roster cache plugs in through {@code people}
 * without changes here.
 */
@Service
public class AssignmentService {

    /** How one targeted educator stands on an assignment. */
    public enum State {
        DONE,
        IN_PROGRESS,
        NOT_STARTED
    }

    public record TargetProgress(long educatorId, String name, State state, boolean behind) {}

    /** An assignment with its lesson and how its targets stand. */
    public record Followup(
            Assignment assignment,
            String lessonTitle,
            String targetLabel,
            String assignedBy,
            List<TargetProgress> targets) {

        public long done() {
            return targets.stream().filter(t -> t.state() == State.DONE).count();
        }

        public List<TargetProgress> behind() {
            return targets.stream().filter(TargetProgress::behind).toList();
        }
    }

    /** The assignment could not be made; the message says why. */
    public static class InvalidAssignment extends RuntimeException {
        public InvalidAssignment(String message) {
            super(message);
        }
    }

    private final AssignmentStore store;
    private final People people;
    private final LearningGroups groups;
    private final LessonCatalog lessons;
    private final ProgressReports progress;
    private final Clock clock;

    AssignmentService(
            AssignmentStore store,
            People people,
            LearningGroups groups,
            LessonCatalog lessons,
            ProgressReports progress,
            Clock clock) {
        this.store = store;
        this.people = people;
        this.groups = groups;
        this.lessons = lessons;
        this.progress = progress;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Transactional
    public long assign(
            Viewer coach,
            long lessonId,
            Assignment.Target target,
            Long educatorId,
            Long groupId,
            CareerStage stage,
            LocalDate dueOn,
            String note) {
        if (!coach.canCoach()) {
            throw new InvalidAssignment("Only coaches and admins assign lessons");
        }
        if (lessons.currentVersion(coach.platformId(), lessonId).isEmpty()) {
            throw new InvalidAssignment("Choose a lesson that is available to your district");
        }
        switch (target) {
            case EDUCATOR -> {
                if (educatorId == null
                        || people.educator(coach.platformId(), educatorId).isEmpty()) {
                    throw new InvalidAssignment("Choose a teacher");
                }
            }
            case GROUP -> {
                if (groupId == null || groups.group(coach.platformId(), groupId).isEmpty()) {
                    throw new InvalidAssignment("Choose a learning group");
                }
            }
            case STAGE -> {
                if (stage == null) {
                    throw new InvalidAssignment("Choose a career stage");
                }
            }
        }
        return store.insert(new Assignment(
                0,
                coach.platformId(),
                coach.courseId(),
                lessonId,
                target,
                target == Assignment.Target.EDUCATOR ? educatorId : null,
                target == Assignment.Target.GROUP ? groupId : null,
                target == Assignment.Target.STAGE ? stage : null,
                dueOn,
                note == null || note.isBlank() ? null : note.strip(),
                coach.educatorId(),
                clock.instant()));
    }

    @Transactional
    public void remove(Viewer coach, long assignmentId) {
        store.delete(coach.platformId(), assignmentId);
    }

    /** Every assignment of the platform with how its teachers stand. */
    @Transactional(readOnly = true)
    public List<Followup> followups(long platformId) {
        return followups(platformId, store.ofPlatform(platformId));
    }

    @Transactional(readOnly = true)
    public Optional<Followup> followup(long platformId, long assignmentId) {
        return store.find(platformId, assignmentId)
                .map(a -> followups(platformId, List.of(a)).get(0));
    }

    /** The assignments that reach a teacher, soonest due first. */
    @Transactional(readOnly = true)
    public List<Followup> forTeacher(Viewer viewer) {
        long platform = viewer.platformId();
        Set<Long> groupIds = new HashSet<>();
        groups.groupsOf(platform, viewer.educatorId()).forEach(g -> groupIds.add(g.id()));
        CareerStage stage = people.educator(platform, viewer.educatorId())
                .flatMap(People.Educator::stage)
                .orElse(null);
        List<Assignment> reaching = store.reaching(
                platform, viewer.educatorId(), groupIds, stage, people.coursesOf(platform, viewer.educatorId()));
        // Only the viewer's own progress is looked at: a teacher never sees a colleague's.
        return followups(platform, reaching, List.of(viewer.educatorId()));
    }

    private List<Followup> followups(long platformId, List<Assignment> assignments) {
        return followups(platformId, assignments, null);
    }

    private List<Followup> followups(long platformId, List<Assignment> assignments, List<Long> onlyEducators) {
        Map<Long, List<Long>> targets = new HashMap<>();
        Set<Long> everyone = new LinkedHashSet<>();
        Map<Long, String> groupNames = new HashMap<>();
        groups.groups(platformId).forEach(g -> groupNames.put(g.id(), g.name()));
        for (Assignment a : assignments) {
            List<Long> ids = onlyEducators != null ? onlyEducators : targetsOf(a);
            targets.put(a.id(), ids);
            everyone.addAll(ids);
            everyone.add(a.assignedBy());
        }
        Map<Long, People.Educator> educators = people.educators(platformId, everyone);
        Map<String, AttemptSummary> attempts = new HashMap<>();
        for (AttemptSummary s : progress.attempts(platformId, everyone)) {
            attempts.put(s.educatorId() + ":" + s.lessonId(), s);
        }
        Map<Long, String> titles = new HashMap<>();
        LocalDate today = today();
        List<Followup> result = new ArrayList<>();
        for (Assignment a : assignments) {
            String title = titles.computeIfAbsent(
                    a.lessonId(),
                    id -> lessons.currentVersion(platformId, id)
                            .map(v -> v.title())
                            .orElse("A retired lesson"));
            List<TargetProgress> rows = new ArrayList<>();
            for (long educatorId : targets.get(a.id())) {
                AttemptSummary attempt = attempts.get(educatorId + ":" + a.lessonId());
                State state =
                        attempt == null ? State.NOT_STARTED : attempt.completed() ? State.DONE : State.IN_PROGRESS;
                People.Educator who = educators.get(educatorId);
                rows.add(new TargetProgress(
                        educatorId,
                        who == null ? "Educator " + educatorId : who.displayName(),
                        state,
                        state != State.DONE && a.overdue(today)));
            }
            rows.sort(Comparator.comparing(TargetProgress::behind)
                    .reversed()
                    .thenComparing(TargetProgress::name, String.CASE_INSENSITIVE_ORDER));
            People.Educator by = educators.get(a.assignedBy());
            result.add(new Followup(
                    a,
                    title,
                    switch (a.target()) {
                        case EDUCATOR -> {
                            People.Educator e = educators.get(a.targetEducatorId());
                            yield e == null ? "one teacher" : e.displayName();
                        }
                        case GROUP -> groupNames.getOrDefault(a.targetGroupId(), "a learning group");
                        case STAGE -> "everyone at stage " + a.targetStage().label();
                    },
                    by == null ? "your coach" : by.displayName(),
                    rows));
        }
        return result;
    }

    private List<Long> targetsOf(Assignment a) {
        return switch (a.target()) {
            case EDUCATOR -> List.of(a.targetEducatorId());
            case GROUP ->
                groups.group(a.platformId(), a.targetGroupId())
                        .map(LearningGroups.Group::memberIds)
                        .orElse(List.of());
            case STAGE -> people.educatorsAtStage(a.platformId(), a.targetStage(), a.courseId());
        };
    }
}
