package org.microlearn.lti.keys;

import java.time.Duration;
import java.util.Map;
import org.microlearn.lti.ToolEndpoints;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool's public keys, for platforms verifying our client assertions and deep linking responses. */
@RestController
class JwksController {

    private final ToolKeys keys;

    JwksController(ToolKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = ToolEndpoints.JWKS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        // The NEXT key is published a rotation period ahead, so an hour of caching is harmless.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(keys.publicJwksJson());
    }
}
