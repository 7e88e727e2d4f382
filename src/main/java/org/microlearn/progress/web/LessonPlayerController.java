package org.microlearn.progress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microlearn.lesson.LessonMarkdown;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.LearningGroups;
import org.microlearn.progress.domain.Attempt;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.progress.domain.Steps;
import org.microlearn.progress.uploads.EvidenceFiles;
import org.microlearn.progress.uploads.EvidenceKind;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lesson player: a teacher's way through one lesson, step by step, resuming where they left
 * off. Every step is a plain page and form (works without JavaScript); htmx only swaps the check's
 * feedback in place.
 */
@Controller
class LessonPlayerController {

    private final LessonProgress progress;
    private final LessonView.Factory views;
    private final EvidenceFiles files;
    private final LearningGroups groups;

    LessonPlayerController(
            LessonProgress progress, LessonView.Factory views, EvidenceFiles files, LearningGroups groups) {
        this.progress = progress;
        this.views = views;
        this.files = files;
        this.groups = groups;
    }

    /** The lesson's front page, or straight back to where the teacher left off. */
    @GetMapping("/learn/lessons/{lessonId}")
    String open(Viewer viewer, @PathVariable long lessonId, Model model) {
        LessonVersion version = version(viewer, lessonId);
        Optional<Attempt> attempt = progress.mine(viewer, lessonId);
        if (attempt.isPresent()) {
            Attempt a = attempt.get();
            Steps steps = new Steps(version.body().sections().size());
            if (a.completed() && !a.revisionRequested()) {
                return "redirect:/learn/lessons/" + lessonId + "/done";
            }
            int step = a.revisionRequested() ? steps.apply() : Math.min(a.furthestStep(), steps.apply());
            return "redirect:/learn/lessons/" + lessonId + "/steps/" + steps.name(step);
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("lesson", views.of(viewer.platformId(), version));
        return "learn/intro";
    }

    @PostMapping("/learn/lessons/{lessonId}/start")
    String start(Viewer viewer, @PathVariable long lessonId) {
        available(() -> progress.start(viewer, lessonId));
        return "redirect:/learn/lessons/" + lessonId;
    }

    @GetMapping("/learn/lessons/{lessonId}/steps/{step}")
    String step(Viewer viewer, @PathVariable long lessonId, @PathVariable String step, Model model) {
        Attempt attempt = attempt(viewer, lessonId);
        Steps steps = progress.steps(viewer, attempt);
        int index = steps.parse(step);
        if (index < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (index > attempt.furthestStep()) {
            return "redirect:/learn/lessons/" + lessonId;
        }
        return render(viewer, attempt, index, model, null);
    }

    @PostMapping("/learn/lessons/{lessonId}/steps/{step}/next")
    String next(Viewer viewer, @PathVariable long lessonId, @PathVariable String step) {
        Attempt attempt = attempt(viewer, lessonId);
        Steps steps = progress.steps(viewer, attempt);
        int index = steps.parse(step);
        if (!steps.isSection(index)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        inOrder(() -> progress.finishSection(viewer, lessonId, index));
        return "redirect:/learn/lessons/" + lessonId + "/steps/" + steps.name(index + 1);
    }

    @PostMapping("/learn/lessons/{lessonId}/check")
    String check(
            Viewer viewer,
            @PathVariable long lessonId,
            @RequestParam(name = "option", required = false) Integer option,
            Model model,
            HttpServletResponse response) {
        Attempt attempt = attempt(viewer, lessonId);
        Steps steps = progress.steps(viewer, attempt);
        if (option == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(viewer, attempt, steps.check(), model, List.of("Choose an answer, then check it."));
        }
        inOrder(() -> progress.answer(viewer, lessonId, option));
        return "redirect:/learn/lessons/" + lessonId + "/steps/check";
    }

    @PostMapping("/learn/lessons/{lessonId}/reflection")
    String reflect(
            Viewer viewer,
            @PathVariable long lessonId,
            @RequestParam(name = "reflection", defaultValue = "") String text,
            Model model,
            HttpServletResponse response) {
        Attempt attempt = attempt(viewer, lessonId);
        Steps steps = progress.steps(viewer, attempt);
        if (text.isBlank() || text.length() > 10_000) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("typedReflection", text);
            return render(
                    viewer,
                    attempt,
                    steps.reflection(),
                    model,
                    List.of(
                            text.isBlank()
                                    ? "Write a few sentences: they are for you, and for your coach if you share them."
                                    : "Keep your reflection under 10,000 characters."));
        }
        inOrder(() -> progress.reflect(viewer, lessonId, text));
        return "redirect:/learn/lessons/" + lessonId + "/steps/apply";
    }

    @PostMapping("/learn/lessons/{lessonId}/evidence")
    String evidence(
            Viewer viewer,
            @PathVariable long lessonId,
            @RequestParam(name = "link", defaultValue = "") String link,
            @RequestParam(name = "note", defaultValue = "") String note,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response) {
        Attempt attempt = attempt(viewer, lessonId);
        Steps steps = progress.steps(viewer, attempt);
        List<String> errors = new ArrayList<>();
        String cleanLink = link.strip();
        if (!cleanLink.isEmpty() && (!LessonMarkdown.isWebUrl(cleanLink) || cleanLink.length() > 2000)) {
            errors.add("The link must start with https:// or http://.");
        }
        if (note.length() > 10_000) {
            errors.add("Keep your note under 10,000 characters.");
        }
        boolean hasFile = file != null && !file.isEmpty();
        if (cleanLink.isEmpty() && !hasFile && note.isBlank() && attempt.evidenceFileId() == null) {
            errors.add("Add a file, a link or a short note about what you did in class.");
        }
        String fileId = null;
        if (errors.isEmpty() && hasFile) {
            try {
                fileId = files.store(viewer.platformId(), viewer.educatorId(), file)
                        .id();
            } catch (EvidenceFiles.Rejected rejected) {
                errors.add(rejected.getMessage());
                if (rejected.tooLarge()) {
                    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                }
            }
        }
        if (!errors.isEmpty()) {
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            model.addAttribute("typedLink", link);
            model.addAttribute("typedNote", note);
            return render(viewer, attempt, steps.apply(), model, errors);
        }
        String storedFile = fileId;
        inOrder(() -> progress.submit(
                viewer,
                lessonId,
                cleanLink.isEmpty() ? null : cleanLink,
                note.isBlank() ? null : note.strip(),
                storedFile));
        return "redirect:/learn/lessons/" + lessonId + "/done";
    }

    /**
     * A file over the multipart limit never reaches {@link #evidence}: the request is refused while
     * it is read. The apply step is shown again with what the teacher typed before the file (the
     * form puts the file last, so the container has read those fields already).
     */
    String tooLarge(Viewer viewer, long lessonId, HttpServletRequest request, Model model) {
        Attempt attempt = attempt(viewer, lessonId);
        Steps steps = progress.steps(viewer, attempt);
        model.addAttribute("typedLink", safeParameter(request, "link"));
        model.addAttribute("typedNote", safeParameter(request, "note"));
        return render(viewer, attempt, steps.apply(), model, List.of(files.tooLargeMessage()));
    }

    @GetMapping("/learn/lessons/{lessonId}/done")
    String done(Viewer viewer, @PathVariable long lessonId, Model model) {
        Attempt attempt = attempt(viewer, lessonId);
        if (!attempt.completed()) {
            return "redirect:/learn/lessons/" + lessonId;
        }
        LessonVersion version = version(viewer, attempt);
        model.addAttribute("viewer", viewer);
        model.addAttribute("lesson", views.of(viewer.platformId(), version));
        model.addAttribute("attempt", attempt);
        model.addAttribute(
                "inGroup",
                !groups.groupsOf(viewer.platformId(), viewer.educatorId()).isEmpty());
        model.addAttribute(
                "file",
                files.find(viewer.platformId(), attempt.evidenceFileId()).orElse(null));
        return "learn/done";
    }

    @PostMapping("/learn/lessons/{lessonId}/share")
    String share(
            Viewer viewer,
            @PathVariable long lessonId,
            @RequestParam(name = "shared", defaultValue = "true") boolean shared) {
        inOrder(() -> progress.share(viewer, lessonId, shared));
        return "redirect:/learn/lessons/" + lessonId + "/done";
    }

    private String render(Viewer viewer, Attempt attempt, int index, Model model, List<String> errors) {
        LessonVersion version = version(viewer, attempt);
        Steps steps = new Steps(version.body().sections().size());
        LessonView lesson = views.of(viewer.platformId(), version);
        model.addAttribute("viewer", viewer);
        model.addAttribute("lesson", lesson);
        model.addAttribute("attempt", attempt);
        model.addAttribute("steps", lesson.stepLinks(steps, attempt.furthestStep(), index));
        model.addAttribute("stepNumber", index + 1);
        model.addAttribute("stepCount", steps.count());
        model.addAttribute("stepName", steps.name(index));
        model.addAttribute("kind", steps.isSection(index) ? "section" : steps.name(index));
        model.addAttribute("section", steps.isSection(index) ? lesson.sections().get(index) : null);
        model.addAttribute("nextName", index + 1 < steps.count() ? steps.name(index + 1) : null);
        model.addAttribute("feedback", views.feedback(version, attempt));
        model.addAttribute("errors", errors == null ? List.of() : errors);
        model.addAttribute("accept", EvidenceKind.ACCEPT);
        model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
        model.addAttribute("maxBytes", files.maxBytes());
        model.addAttribute("tooLarge", files.tooLargeMessage());
        model.addAttribute(
                "file",
                files.find(viewer.platformId(), attempt.evidenceFileId()).orElse(null));
        return "learn/step";
    }

    private Attempt attempt(Viewer viewer, long lessonId) {
        return progress.mine(viewer, lessonId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private LessonVersion version(Viewer viewer, long lessonId) {
        return available(() -> progress.version(viewer, lessonId));
    }

    private LessonVersion version(Viewer viewer, Attempt attempt) {
        return available(() -> progress.version(viewer, attempt.lessonId()));
    }

    private static <T> T available(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (LessonProgress.LessonUnavailable e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This lesson is not available", e);
        }
    }

    private static void inOrder(Runnable work) {
        try {
            work.run();
        } catch (LessonProgress.StepNotReached e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage(), e);
        }
    }

    private static String safeParameter(HttpServletRequest request, String name) {
        try {
            String value = request.getParameter(name);
            return value == null ? "" : value;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
