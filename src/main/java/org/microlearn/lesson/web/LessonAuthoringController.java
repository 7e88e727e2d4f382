package org.microlearn.lesson.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.EvidenceType;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonMarkdown;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.lesson.TimeBudget;
import org.microlearn.lesson.domain.FieldProblem;
import org.microlearn.lesson.domain.LessonAuthoring;
import org.microlearn.lesson.domain.LessonDraft;
import org.microlearn.lesson.domain.LessonDraftRejectedException;
import org.microlearn.lesson.domain.LessonNotFoundException;
import org.microlearn.lesson.domain.LessonRules;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Authoring pages for coaches and admins: list, create, edit, preview, publish, retire, restore and
 * copy lessons. Every action names the lesson by id and is checked against the viewer's platform.
 */
@Controller
class LessonAuthoringController {

    private final LessonAuthoring authoring;
    private final CompetencyCatalog competencies;
    private final RubricCatalog rubrics;
    private final LessonMarkdown markdown;

    LessonAuthoringController(
            LessonAuthoring authoring, CompetencyCatalog competencies, RubricCatalog rubrics, LessonMarkdown markdown) {
        this.authoring = authoring;
        this.competencies = competencies;
        this.rubrics = rubrics;
        this.markdown = markdown;
    }

    @GetMapping("/author/lessons")
    String list(
            Viewer viewer,
            @RequestParam(required = false) Long competency,
            @RequestParam(required = false) Long domain,
            @RequestParam(required = false) CareerStage stage,
            @RequestParam(required = false) Integer maxMinutes,
            @RequestParam(required = false) String q,
            Model model) {
        LessonFilter filter = new LessonFilter(competency, domain, stage, maxMinutes, q);
        List<CompetencyRef> all = competencies.allCompetencies(viewer.platformId());
        Map<Long, String> domains = new LinkedHashMap<>();
        all.forEach(ref -> domains.putIfAbsent(ref.domainId(), ref.domainTitle() + " (" + ref.frameworkTitle() + ")"));
        model.addAttribute("lessons", authoring.list(viewer, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("competencies", all);
        model.addAttribute("domains", domains);
        model.addAttribute("stages", CareerStage.values());
        return "lesson/list";
    }

    @GetMapping("/author/lessons/new")
    String newLesson(Viewer viewer, Model model) {
        return form(viewer, null, LessonForm.empty(), List.of(), model);
    }

    @PostMapping("/author/lessons")
    String create(
            Viewer viewer,
            @ModelAttribute("lesson") LessonForm form,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            HttpServletResponse response) {
        LessonForm.Read read = form.read();
        List<FieldProblem> problems = new ArrayList<>(read.problems());
        problems.addAll(LessonRules.forDraft(read.draft()));
        if (!problems.isEmpty()) {
            return rejected(viewer, null, form, problems, model, response);
        }
        long lessonId = authoring.create(viewer, read.draft());
        return afterSave(viewer, lessonId, form, read.draft(), action, model, response);
    }

    @GetMapping("/author/lessons/{id}")
    String view(Viewer viewer, @PathVariable long id, Model model) {
        LessonAuthoring.Overview overview = authoring.overview(viewer, id);
        model.addAttribute("overview", overview);
        model.addAttribute("lessonId", id);
        if (overview.current() != null) {
            model.addAttribute("rendered", render(viewer, overview.current()));
        }
        return "lesson/view";
    }

    @GetMapping("/author/lessons/{id}/versions/{versionId}")
    String version(Viewer viewer, @PathVariable long id, @PathVariable long versionId, Model model) {
        LessonAuthoring.Overview overview = authoring.overview(viewer, id);
        LessonVersion version = authoring.version(viewer, id, versionId).orElseThrow(LessonNotFoundException::new);
        model.addAttribute("overview", overview);
        model.addAttribute("lessonId", id);
        model.addAttribute("version", version);
        model.addAttribute("rendered", render(viewer, version));
        return "lesson/version";
    }

    @GetMapping("/author/lessons/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        return form(viewer, id, LessonForm.of(authoring.draftToEdit(viewer, id)), List.of(), model);
    }

    @PostMapping("/author/lessons/{id}/edit")
    String save(
            Viewer viewer,
            @PathVariable long id,
            @ModelAttribute("lesson") LessonForm form,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            HttpServletResponse response) {
        LessonForm.Read read = form.read();
        List<FieldProblem> problems = new ArrayList<>(read.problems());
        problems.addAll(LessonRules.forDraft(read.draft()));
        if (!problems.isEmpty()) {
            return rejected(viewer, id, form, problems, model, response);
        }
        if ("publish".equals(action)) {
            return afterSave(viewer, id, form, read.draft(), action, model, response);
        }
        try {
            authoring.save(viewer, id, read.draft());
        } catch (LessonDraftRejectedException e) {
            return rejected(viewer, id, form, e.problems(), model, response);
        }
        return afterSave(viewer, id, form, read.draft(), action, model, response);
    }

    @GetMapping("/author/lessons/{id}/preview")
    String preview(Viewer viewer, @PathVariable long id, Model model) {
        LessonDraft draft = authoring.draftToEdit(viewer, id);
        model.addAttribute("lessonId", id);
        model.addAttribute("rendered", render(viewer, draft));
        model.addAttribute("estimate", TimeBudget.estimateMinutes(draft.summary(), draft.body()));
        model.addAttribute("warnings", LessonRules.warnings(draft));
        return "lesson/preview";
    }

    @PostMapping("/author/lessons/{id}/discard")
    String discard(Viewer viewer, @PathVariable long id) {
        authoring.discardDraft(viewer, id);
        return "redirect:/author/lessons/" + id;
    }

    @PostMapping("/author/lessons/{id}/retire")
    String retire(Viewer viewer, @PathVariable long id) {
        authoring.retire(viewer, id);
        return "redirect:/author/lessons/" + id;
    }

    @PostMapping("/author/lessons/{id}/restore")
    String restore(Viewer viewer, @PathVariable long id) {
        authoring.restore(viewer, id);
        return "redirect:/author/lessons/" + id;
    }

    @PostMapping("/author/lessons/{id}/copy")
    String copy(Viewer viewer, @PathVariable long id) {
        long copy = authoring.copy(viewer, id);
        return "redirect:/author/lessons/" + copy + "/edit";
    }

    private String afterSave(
            Viewer viewer,
            long lessonId,
            LessonForm form,
            LessonDraft draft,
            String action,
            Model model,
            HttpServletResponse response) {
        if ("publish".equals(action)) {
            LessonAuthoring.Published published = authoring.publish(viewer, lessonId, draft);
            if (!published.problems().isEmpty()) {
                model.addAttribute(
                        "notice", "Your draft is saved, but it cannot be published yet: fix the points below.");
                return rejected(viewer, lessonId, form, published.problems(), model, response);
            }
            return "redirect:/author/lessons/" + lessonId;
        }
        if ("preview".equals(action)) {
            return "redirect:/author/lessons/" + lessonId + "/preview";
        }
        return "redirect:/author/lessons/" + lessonId + "/edit?saved";
    }

    private String rejected(
            Viewer viewer,
            Long lessonId,
            LessonForm form,
            List<FieldProblem> problems,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(viewer, lessonId, form, problems, model);
    }

    private String form(Viewer viewer, Long lessonId, LessonForm form, List<FieldProblem> problems, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
        LessonForm.Read read = form.read();
        List<CompetencyRef> all = competencies.allCompetencies(viewer.platformId());
        Map<String, List<CompetencyRef>> byDomain = new LinkedHashMap<>();
        all.forEach(ref -> byDomain.computeIfAbsent(
                        ref.domainTitle() + " — " + ref.frameworkTitle(), k -> new ArrayList<>())
                .add(ref));
        model.addAttribute("lesson", form);
        model.addAttribute("lessonId", lessonId);
        model.addAttribute("pageTitle", lessonId == null ? "New lesson" : "Edit lesson");
        model.addAttribute("errors", errors);
        model.addAttribute("competenciesByDomain", byDomain);
        model.addAttribute("stages", CareerStage.values());
        model.addAttribute("evidenceTypes", EvidenceType.values());
        model.addAttribute(
                "estimate",
                TimeBudget.estimateMinutes(read.draft().summary(), read.draft().body()));
        model.addAttribute("warnings", LessonRules.warnings(read.draft()));
        model.addAttribute("target", TimeBudget.TARGET_MINUTES);
        return "lesson/form";
    }

    /** Several competencies may reach one criterion: show it once, with its strongest weight. */
    private static List<MappedCriterion> strongestPerCriterion(List<MappedCriterion> mapped) {
        Map<Long, MappedCriterion> strongest = new LinkedHashMap<>();
        mapped.forEach(m -> strongest.merge(m.criterionId(), m, (a, b) -> a.weight() >= b.weight() ? a : b));
        return List.copyOf(strongest.values());
    }

    private RenderedLesson render(Viewer viewer, LessonVersion version) {
        return render(
                viewer,
                new LessonDraft(
                        version.title(),
                        version.summary(),
                        version.estimatedMinutes(),
                        version.careerStages(),
                        version.competencyIds(),
                        version.body()));
    }

    private RenderedLesson render(Viewer viewer, LessonDraft draft) {
        List<CompetencyRef> aligned = competencies.competencies(viewer.platformId(), draft.competencyIds());
        return RenderedLesson.of(
                draft.title(),
                draft.summary(),
                draft.estimatedMinutes(),
                draft.careerStages() == null ? Set.of() : draft.careerStages(),
                aligned,
                strongestPerCriterion(rubrics.mappedCriteria(viewer.platformId(), draft.competencyIds())),
                draft.body(),
                markdown);
    }
}
