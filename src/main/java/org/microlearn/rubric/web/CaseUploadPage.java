package org.microlearn.rubric.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.microlearn.competency.CaseFormat;
import org.microlearn.competency.CaseImportException;
import org.microlearn.competency.FrameworkExchange;
import org.microlearn.rubric.RubricExchange;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The page where an administrator uploads a district's CASE framework or licensed rubric. */
@Controller
class CaseUploadPage {

    private final CaseFormat format;
    private final FrameworkExchange frameworks;
    private final RubricExchange rubrics;

    CaseUploadPage(CaseFormat format, FrameworkExchange frameworks, RubricExchange rubrics) {
        this.format = format;
        this.frameworks = frameworks;
        this.rubrics = rubrics;
    }

    @GetMapping("/author/case")
    String page() {
        return "rubric/case";
    }

    @PostMapping("/author/case")
    String upload(
            Viewer viewer,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("message", "Choose a CASE JSON file to upload.");
            return "rubric/case";
        }
        try {
            CaseController.Imported imported = CaseController.CaseImports.importJson(
                    format,
                    frameworks,
                    rubrics,
                    new String(file.getBytes(), StandardCharsets.UTF_8),
                    viewer.platformId());
            return "redirect:/author/" + imported.kind() + "s/" + imported.id();
        } catch (CaseImportException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("problems", e.problems());
            return "rubric/case";
        }
    }
}
