package org.microlearn.rubric.web;

import java.net.URI;
import java.util.List;
import org.microlearn.competency.CaseFormat;
import org.microlearn.competency.CaseImportException;
import org.microlearn.competency.CasePackage;
import org.microlearn.competency.CaseProblem;
import org.microlearn.competency.FrameworkExchange;
import org.microlearn.rubric.RubricExchange;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CASE 1.0 JSON in and out for frameworks and rubrics. Lives in the rubric module because a
 * package is either kind (a rubric package has CFRubrics) and only this module knows both.
 */
@RestController
class CaseController {

    /** What was imported: {@code kind} is "framework" or "rubric". */
    record Imported(String kind, long id, String title) {}

    private final CaseFormat format;
    private final FrameworkExchange frameworks;
    private final RubricExchange rubrics;

    CaseController(CaseFormat format, FrameworkExchange frameworks, RubricExchange rubrics) {
        this.format = format;
        this.frameworks = frameworks;
        this.rubrics = rubrics;
    }

    @PostMapping(path = "/author/case/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importPackage(@RequestBody String json, Viewer viewer) {
        Imported imported = CaseImports.importJson(format, frameworks, rubrics, json, viewer.platformId());
        return ResponseEntity.created(URI.create("/author/case/" + imported.kind() + "s/" + imported.id()))
                .body(imported);
    }

    @GetMapping(path = "/author/case/frameworks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> exportFramework(@PathVariable long id, Viewer viewer) {
        return frameworks
                .export(viewer.platformId(), id)
                .map(pkg -> ResponseEntity.ok(format.write(pkg)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(path = "/author/case/rubrics/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> exportRubric(@PathVariable long id, Viewer viewer) {
        return rubrics.export(viewer.platformId(), id)
                .map(pkg -> ResponseEntity.ok(format.write(pkg)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(CaseImportException.class)
    ResponseEntity<ProblemDetail> rejected(CaseImportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                e.problems().size() + " problem(s) in the CASE file; nothing was imported. Fix them and try again.");
        problem.setTitle("The CASE file cannot be imported");
        problem.setProperty("errors", e.problems());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The import steps shared by the JSON endpoint and the upload page. */
    static final class CaseImports {

        private CaseImports() {}

        static Imported importJson(
                CaseFormat format, FrameworkExchange frameworks, RubricExchange rubrics, String json, long platformId) {
            CaseFormat.Parsed parsed = format.read(json);
            if (!parsed.ok()) {
                throw new CaseImportException(
                        parsed.problems().isEmpty()
                                ? List.of(new CaseProblem("$", null, null, "is not a CASE package"))
                                : parsed.problems());
            }
            CasePackage pkg = parsed.pkg();
            if (pkg.hasRubrics()) {
                var summary = rubrics.importRubric(pkg, platformId);
                return new Imported("rubric", summary.id(), summary.title());
            }
            var summary = frameworks.importFramework(pkg, platformId);
            return new Imported("framework", summary.id(), summary.title());
        }
    }
}
