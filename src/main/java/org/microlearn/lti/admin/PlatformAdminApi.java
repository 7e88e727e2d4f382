package org.microlearn.lti.admin;

import java.net.URI;
import java.util.List;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for automating platform registrations; see docs/admin-api.md. */
@RestController
@RequestMapping("/api/admin/platforms")
class PlatformAdminApi {

    private final PlatformRegistrations registrations;

    PlatformAdminApi(PlatformRegistrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping
    List<PlatformResponse> list() {
        return registrations.all().stream().map(PlatformResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<PlatformResponse> register(@Validated @RequestBody PlatformRequest request) {
        Platform platform = registrations.register(request);
        return ResponseEntity.created(URI.create("/api/admin/platforms/" + platform.id()))
                .body(PlatformResponse.of(platform));
    }

    @GetMapping("/{id}")
    ResponseEntity<PlatformResponse> get(@PathVariable long id) {
        return ResponseEntity.of(registrations.find(id).map(PlatformResponse::of));
    }

    @PutMapping("/{id}")
    ResponseEntity<PlatformResponse> update(@PathVariable long id, @Validated @RequestBody PlatformRequest request) {
        return ResponseEntity.of(registrations.update(id, request).map(PlatformResponse::of));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        return registrations.delete(id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    record PlatformResponse(
            long id,
            String issuer,
            String clientId,
            String name,
            String authorizationUrl,
            String tokenUrl,
            String jwksUrl,
            String tokenAudience,
            boolean autoProvisionDeployments,
            List<String> deploymentIds) {

        static PlatformResponse of(Platform platform) {
            return new PlatformResponse(
                    platform.id(),
                    platform.issuer(),
                    platform.clientId(),
                    platform.name(),
                    platform.authorizationUrl(),
                    platform.tokenUrl(),
                    platform.jwksUrl(),
                    platform.tokenAudience(),
                    platform.autoProvisionDeployments(),
                    platform.deploymentIds().stream().sorted().toList());
        }
    }
}
