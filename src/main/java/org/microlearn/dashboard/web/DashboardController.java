package org.microlearn.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.microlearn.people.People;
import org.microlearn.progress.CriterionProgress;
import org.microlearn.progress.LearningRecords;
import org.microlearn.progress.ProgressReports;
import org.microlearn.shared.GradebookDeliveries;
import org.microlearn.shared.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The admin dashboard, its drill-down to a teacher and its CSV. Under {@code /admin/**}: admins only. */
@Controller
class DashboardController {

    private final DashboardData data;
    private final People people;
    private final LearningRecords records;
    private final ProgressReports progress;
    private final GradebookDeliveries deliveries;

    DashboardController(
            DashboardData data,
            People people,
            LearningRecords records,
            ProgressReports progress,
            GradebookDeliveries deliveries) {
        this.data = data;
        this.people = people;
        this.records = records;
        this.progress = progress;
        this.deliveries = deliveries;
    }

    @GetMapping("/admin")
    String dashboard(Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("d", data.compute(viewer.platformId()));
        // Every score on its way to the LMS gradebook (lessons and rubric columns), by status.
        Map<String, Long> sync = deliveries.statuses(viewer.platformId(), "").stream()
                .collect(Collectors.groupingBy(GradebookDeliveries.ColumnStatus::status, Collectors.counting()));
        model.addAttribute("sync", sync);
        return "dashboard/dashboard";
    }

    @GetMapping("/admin/teachers/{educatorId}")
    String teacher(Viewer viewer, @PathVariable long educatorId, Model model) {
        People.Educator educator = people.educator(viewer.platformId(), educatorId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<ProgressReports.AttemptSummary> attempts = progress.attempts(viewer.platformId(), List.of(educatorId));
        model.addAttribute("viewer", viewer);
        model.addAttribute("educator", educator);
        model.addAttribute("completed", records.completedLessons(viewer.platformId(), educatorId));
        model.addAttribute(
                "inProgress", attempts.stream().filter(a -> !a.completed()).toList());
        model.addAttribute(
                "hours",
                DashboardData.hours(attempts.stream()
                        .filter(ProgressReports.AttemptSummary::completed)
                        .toList()));
        model.addAttribute(
                "criteria",
                progress.criterionProgress(viewer.platformId(), educatorId).stream()
                        .sorted(Comparator.comparingDouble(CriterionProgress::score)
                                .reversed())
                        .toList());
        return "dashboard/teacher";
    }

    /** The dashboard's breakdowns and teacher list as one CSV (UTF-8 with a header row). */
    @GetMapping("/admin/progress.csv")
    ResponseEntity<byte[]> csv(Viewer viewer) {
        DashboardData.Dashboard d = data.compute(viewer.platformId());
        StringBuilder csv = new StringBuilder("dimension,key,label,completions,educators,hours\r\n");
        List<DashboardData.Row> rows = new ArrayList<>();
        rows.addAll(d.criteria());
        rows.addAll(d.domains());
        rows.addAll(d.groups());
        rows.addAll(d.courses());
        for (DashboardData.Teacher t : d.teachers()) {
            rows.add(new DashboardData.Row(
                    "teacher",
                    Long.toString(t.educatorId()),
                    t.name(),
                    t.completed(),
                    t.completed() > 0 ? 1 : 0,
                    t.hours()));
        }
        for (DashboardData.Row r : rows) {
            csv.append(cell(r.dimension()))
                    .append(',')
                    .append(cell(r.key()))
                    .append(',')
                    .append(cell(r.label()))
                    .append(',')
                    .append(r.completions())
                    .append(',')
                    .append(r.educators())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", r.hours()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("microlearn-progress.csv")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula
     * (names come from the LMS, so "=HYPERLINK(...)" must stay text).
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains("'")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
