package org.microlearn.lti.config;

import java.time.Duration;
import java.util.Map;
import org.microlearn.lti.ToolEndpoints;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves this deployment's Canvas developer key JSON, for Canvas's "Enter URL" method. */
@RestController
class CanvasConfigController {

    private final ToolEndpoints endpoints;

    CanvasConfigController(ToolEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping(value = ToolEndpoints.CANVAS_CONFIG_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> canvas() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(CanvasDeveloperKey.json(endpoints));
    }
}
