package org.microlearn.lesson.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What coaches and admins do to lessons: draft, publish, retire, restore, copy. A district edits
 * only its own lessons; "retiring" a starter lesson removes it for that district alone.
 */
@Service
public class LessonAuthoring {

    /**
     * A lesson in the author's list.
     *
     * @param current the published version, or {@code null} for a lesson never published
     * @param title of the current version, else of the draft
     */
    public record AuthoredLesson(
            long lessonId,
            boolean builtIn,
            boolean retired,
            boolean hidden,
            boolean hasDraft,
            String title,
            LessonVersion current,
            List<CompetencyRef> competencies) {

        /** Whether teachers can be given it now. */
        public boolean available() {
            return current != null && !retired && !hidden;
        }
    }

    /** A lesson's page: its state, current version, history and whether a draft is pending. */
    public record Overview(
            LessonStore.LessonRow lesson,
            LessonVersion current,
            List<LessonStore.VersionInfo> history,
            Optional<LessonDraft> draft) {}

    /** @param versionId the new version, or {@code null} when problems stopped publishing */
    public record Published(Long versionId, List<FieldProblem> problems) {}

    private final LessonStore store;
    private final JdbcClient jdbc;
    private final CompetencyCatalog competencies;
    private final Clock clock;

    LessonAuthoring(LessonStore store, JdbcClient jdbc, CompetencyCatalog competencies, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.competencies = competencies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AuthoredLesson> list(Viewer viewer, LessonFilter filter) {
        record Row(long id, boolean builtIn, boolean retired, boolean hidden, Long versionId, boolean hasDraft) {}
        List<Row> rows = jdbc.sql("""
                        SELECT l.id, l.platform_id IS NULL AS built_in, l.retired_at IS NOT NULL AS retired,
                               EXISTS (SELECT 1 FROM lesson_hidden h
                                       WHERE h.lesson_id = l.id AND h.platform_id = :platform) AS hidden,
                               l.current_version_id,
                               EXISTS (SELECT 1 FROM lesson_draft d WHERE d.lesson_id = l.id) AS has_draft
                        FROM lesson l
                        WHERE l.platform_id IS NULL OR l.platform_id = :platform
                        """)
                .param("platform", viewer.platformId())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getBoolean("built_in"),
                        rs.getBoolean("retired"),
                        rs.getBoolean("hidden"),
                        rs.getObject("current_version_id", Long.class),
                        rs.getBoolean("has_draft")))
                .list();
        Map<Long, LessonVersion> versions = new HashMap<>();
        store.versions(rows.stream()
                        .map(Row::versionId)
                        .filter(Objects::nonNull)
                        .toList())
                .forEach(version -> versions.put(version.id(), version));
        Map<Long, CompetencyRef> refs = new HashMap<>();
        competencies.allCompetencies(viewer.platformId()).forEach(ref -> refs.put(ref.id(), ref));
        List<AuthoredLesson> lessons = new ArrayList<>();
        for (Row row : rows) {
            LessonVersion current = row.versionId() == null ? null : versions.get(row.versionId());
            Optional<LessonDraft> draft = current == null ? store.draft(row.id()) : Optional.empty();
            String title = current != null
                    ? current.title()
                    : draft.map(LessonDraft::title).orElse(null);
            List<Long> aligned = current != null
                    ? current.competencyIds()
                    : draft.map(LessonDraft::competencyIds).orElse(List.of());
            Set<CareerStage> stages = current != null
                    ? current.careerStages()
                    : draft.map(LessonDraft::careerStages).orElse(Set.of());
            Integer minutes = current != null
                    ? Integer.valueOf(current.estimatedMinutes())
                    : draft.map(LessonDraft::estimatedMinutes).orElse(null);
            List<CompetencyRef> alignedRefs =
                    aligned.stream().filter(refs::containsKey).map(refs::get).toList();
            if (!matches(filter, title, current == null ? null : current.summary(), alignedRefs, stages, minutes)) {
                continue;
            }
            lessons.add(new AuthoredLesson(
                    row.id(),
                    row.builtIn(),
                    row.retired(),
                    row.hidden(),
                    row.hasDraft(),
                    title == null || title.isBlank() ? "(untitled draft)" : title,
                    current,
                    alignedRefs));
        }
        lessons.sort(Comparator.comparing((AuthoredLesson l) -> !l.available())
                .thenComparing(l -> l.title().toLowerCase(Locale.ROOT)));
        return lessons;
    }

    private static boolean matches(
            LessonFilter filter,
            String title,
            String summary,
            List<CompetencyRef> aligned,
            Set<CareerStage> stages,
            Integer minutes) {
        if (filter.competencyId() != null && aligned.stream().noneMatch(ref -> ref.id() == filter.competencyId())) {
            return false;
        }
        if (filter.domainId() != null && aligned.stream().noneMatch(ref -> ref.domainId() == filter.domainId())) {
            return false;
        }
        if (filter.stage() != null && !stages.contains(filter.stage())) {
            return false;
        }
        if (filter.maxMinutes() != null && (minutes == null || minutes > filter.maxMinutes())) {
            return false;
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String needle = filter.text().trim().toLowerCase(Locale.ROOT);
            String haystack =
                    ((title == null ? "" : title) + " " + (summary == null ? "" : summary)).toLowerCase(Locale.ROOT);
            return haystack.contains(needle);
        }
        return true;
    }

    @Transactional(readOnly = true)
    public Overview overview(Viewer viewer, long lessonId) {
        LessonStore.LessonRow lesson = lesson(viewer, lessonId, false);
        LessonVersion current = lesson.currentVersionId() == null
                ? null
                : store.versions(List.of(lesson.currentVersionId())).get(0);
        return new Overview(
                lesson, current, store.history(lessonId), lesson.builtIn() ? Optional.empty() : store.draft(lessonId));
    }

    /** A published version of this lesson, current or earlier. */
    @Transactional(readOnly = true)
    public Optional<LessonVersion> version(Viewer viewer, long lessonId, long versionId) {
        lesson(viewer, lessonId, false);
        return store.versions(List.of(versionId)).stream()
                .filter(version -> version.lessonId() == lessonId)
                .findFirst();
    }

    /** What the edit form starts from: the pending draft, else the current version. */
    @Transactional(readOnly = true)
    public LessonDraft draftToEdit(Viewer viewer, long lessonId) {
        LessonStore.LessonRow lesson = editable(viewer, lessonId, false);
        return store.draft(lessonId)
                .orElseGet(() -> lesson.currentVersionId() == null
                        ? LessonDraft.empty()
                        : fromVersion(store.versions(List.of(lesson.currentVersionId()))
                                .get(0)));
    }

    /**
     * Starts a lesson of the viewer's district with this draft.
     *
     * @return the lesson id, or problems that stop even a draft from being saved
     */
    @Transactional
    public long create(Viewer viewer, LessonDraft draft) {
        requireDraftRules(draft);
        String uuid = UUID.randomUUID().toString();
        store.insertLesson(viewer.platformId(), uuid, viewer.educatorId());
        long lessonId = store.lessonId(viewer.platformId(), uuid);
        store.saveDraft(lessonId, draft, viewer.educatorId(), clock.instant());
        return lessonId;
    }

    @Transactional
    public void save(Viewer viewer, long lessonId, LessonDraft draft) {
        editable(viewer, lessonId, true);
        requireDraftRules(draft);
        store.saveDraft(lessonId, draft, viewer.educatorId(), clock.instant());
    }

    /**
     * Saves the draft, then publishes it as the next version if it is complete. The draft is kept
     * either way, so nothing typed is lost when publishing is refused.
     */
    @Transactional
    public Published publish(Viewer viewer, long lessonId, LessonDraft draft) {
        save(viewer, lessonId, draft);
        Set<Long> visible = competencies.allCompetencies(viewer.platformId()).stream()
                .map(CompetencyRef::id)
                .collect(Collectors.toSet());
        List<FieldProblem> problems = LessonRules.forPublishing(draft, visible);
        if (!problems.isEmpty()) {
            return new Published(null, problems);
        }
        long versionId = store.publish(
                lessonId,
                draft.title().trim(),
                draft.summary().trim(),
                draft.estimatedMinutes(),
                draft.careerStages(),
                draft.competencyIds(),
                draft.body(),
                viewer.educatorId(),
                clock.instant());
        store.deleteDraft(lessonId);
        return new Published(versionId, List.of());
    }

    @Transactional
    public void discardDraft(Viewer viewer, long lessonId) {
        editable(viewer, lessonId, true);
        store.deleteDraft(lessonId);
    }

    /**
     * Takes the lesson out of circulation for new assignments. Attempts already started keep their
     * version. For a starter lesson this removes it for the viewer's district only.
     */
    @Transactional
    public void retire(Viewer viewer, long lessonId) {
        LessonStore.LessonRow lesson = lesson(viewer, lessonId, true);
        if (lesson.builtIn()) {
            store.hide(viewer.platformId(), lessonId, viewer.educatorId(), clock.instant());
        } else {
            store.retire(lessonId, clock.instant());
        }
    }

    @Transactional
    public void restore(Viewer viewer, long lessonId) {
        LessonStore.LessonRow lesson = lesson(viewer, lessonId, true);
        if (lesson.builtIn()) {
            store.unhide(viewer.platformId(), lessonId);
        } else {
            store.unretire(lessonId);
        }
    }

    /** A new lesson of the viewer's district, drafted from this one's current version. */
    @Transactional
    public long copy(Viewer viewer, long lessonId) {
        LessonStore.LessonRow lesson = lesson(viewer, lessonId, false);
        if (lesson.currentVersionId() == null) {
            throw new LessonNotFoundException();
        }
        LessonDraft draft =
                fromVersion(store.versions(List.of(lesson.currentVersionId())).get(0));
        return create(
                viewer,
                new LessonDraft(
                        draft.title(),
                        draft.summary(),
                        draft.estimatedMinutes(),
                        draft.careerStages(),
                        draft.competencyIds(),
                        draft.body()));
    }

    static LessonDraft fromVersion(LessonVersion version) {
        return new LessonDraft(
                version.title(),
                version.summary(),
                version.estimatedMinutes(),
                version.careerStages(),
                version.competencyIds(),
                version.body());
    }

    private static void requireDraftRules(LessonDraft draft) {
        List<FieldProblem> problems = LessonRules.forDraft(draft);
        if (!problems.isEmpty()) {
            throw new LessonDraftRejectedException(problems);
        }
    }

    private LessonStore.LessonRow lesson(Viewer viewer, long lessonId, boolean forUpdate) {
        return store.lesson(viewer.platformId(), lessonId, forUpdate).orElseThrow(LessonNotFoundException::new);
    }

    private LessonStore.LessonRow editable(Viewer viewer, long lessonId, boolean forUpdate) {
        LessonStore.LessonRow lesson = lesson(viewer, lessonId, forUpdate);
        if (lesson.builtIn()) {
            throw new LessonNotEditableException();
        }
        return lesson;
    }
}
