package org.microlearn.lti.gradebook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grade passback for operators ({@code /api/admin/**}, the admin token): deliveries by status
 * across platforms, and a retry. Errors are {@code application/problem+json}.
 */
@RestController
@RequestMapping("/api/admin/deliveries")
class DeliveryAdminApi {

    private static final Set<String> STATUSES =
            Set.of(ScoreDeliveries.PENDING, ScoreDeliveries.DELIVERED, ScoreDeliveries.FAILED);

    private final ScoreDeliveries deliveries;

    DeliveryAdminApi(ScoreDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    ResponseEntity<?> list(
            @RequestParam(defaultValue = "FAILED") String status,
            @RequestParam(required = false) Long platformId,
            @RequestParam(defaultValue = "100") int limit) {
        List<String> statuses = Arrays.stream(status.split(","))
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .toList();
        if (!STATUSES.containsAll(statuses)) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Unknown delivery status",
                    "status must be PENDING, DELIVERED or FAILED (comma-separated), not " + status);
        }
        if (limit < 1 || limit > 1000) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid limit", "limit must be between 1 and 1000");
        }
        return ResponseEntity.ok(deliveries.list(platformId, statuses, limit));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable long id) {
        var delivery = deliveries.find(id);
        if (delivery.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No such delivery", "There is no score delivery " + id + ".");
        }
        if (!deliveries.retryNow(id, null)) {
            return problem(
                    HttpStatus.CONFLICT,
                    "Already delivered",
                    "Score delivery " + id + " was delivered; a newer score would be sent by itself.");
        }
        return ResponseEntity.ok(deliveries.find(id).orElseThrow());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
