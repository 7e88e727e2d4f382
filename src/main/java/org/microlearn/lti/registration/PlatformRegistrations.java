package org.microlearn.lti.registration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, changes and finds the LMS platforms Microlearn accepts launches from. */
@Service
public class PlatformRegistrations {

    private final PlatformRepository repository;

    /**
     * Launches look platforms up by (issuer, client_id) on every request; a short cache saves a
     * query per launch. Changes made on another node show here within the expiry.
     */
    private final Cache<String, Optional<Platform>> byIssuerAndClient = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    private final Cache<Long, Optional<Platform>> byId = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    private final Validator validator;

    PlatformRegistrations(PlatformRepository repository, Validator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Transactional
    public Platform register(PlatformRequest request) {
        validate(request);
        repository.findByIssuerAndClientId(request.issuer(), request.clientId()).ifPresent(existing -> {
            throw new DuplicatePlatformException(request.issuer(), request.clientId(), existing.id());
        });
        try {
            return saved(repository.save(toPlatform(null, request)));
        } catch (DuplicateKeyException race) {
            Platform existing = repository
                    .findByIssuerAndClientId(request.issuer(), request.clientId())
                    .orElseThrow(() -> race);
            throw new DuplicatePlatformException(request.issuer(), request.clientId(), existing.id());
        }
    }

    @Transactional
    public Optional<Platform> update(long id, PlatformRequest request) {
        validate(request);
        if (repository.findById(id).isEmpty()) {
            return Optional.empty();
        }
        repository
                .findByIssuerAndClientId(request.issuer(), request.clientId())
                .filter(other -> other.id() != id)
                .ifPresent(other -> {
                    throw new DuplicatePlatformException(request.issuer(), request.clientId(), other.id());
                });
        return Optional.of(saved(repository.save(toPlatform(id, request))));
    }

    @Transactional
    public boolean delete(long id) {
        Optional<Platform> platform = repository.findById(id);
        platform.ifPresent(p -> {
            repository.deleteById(id);
            invalidate();
        });
        return platform.isPresent();
    }

    /** A platform by our id; cached like {@link #find(String, String)}, for the launch's hot path. */
    public Optional<Platform> find(long id) {
        return byId.get(id, repository::findById);
    }

    @Transactional(readOnly = true)
    public List<Platform> all() {
        return repository.findAllByOrderByIssuerAscClientIdAsc();
    }

    /**
     * The platform a login or launch names. Without a client_id (allowed by the spec), the issuer
     * alone decides when it has exactly one registration.
     */
    public Optional<Platform> find(String issuer, String clientId) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        String key = issuer + '\n' + (clientId == null ? "" : clientId);
        return byIssuerAndClient.get(key, k -> {
            if (clientId == null || clientId.isBlank()) {
                List<Platform> candidates = repository.findByIssuer(issuer);
                return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
            }
            return repository.findByIssuerAndClientId(issuer, clientId);
        });
    }

    /**
     * Whether launches from this deployment are accepted: registered ones are; unknown ones only
     * when the platform opted into auto-provisioning, which then records them.
     */
    public boolean acceptsDeployment(Platform platform, String deploymentId) {
        if (deploymentId == null || deploymentId.isBlank()) {
            return false;
        }
        if (platform.hasDeployment(deploymentId)) {
            return true;
        }
        if (!platform.autoProvisionDeployments()) {
            return false;
        }
        repository.addDeployment(platform.id(), deploymentId);
        invalidate();
        return true;
    }

    private Platform saved(Platform platform) {
        invalidate();
        return platform;
    }

    private void invalidate() {
        byIssuerAndClient.invalidateAll();
        byId.invalidateAll();
    }

    private static Platform toPlatform(Long id, PlatformRequest request) {
        Set<Platform.Deployment> deployments = request.deploymentIds().stream()
                .map(String::strip)
                .map(Platform.Deployment::new)
                .collect(Collectors.toSet());
        return new Platform(
                id,
                request.issuer().strip(),
                request.clientId().strip(),
                blankToNull(request.name()),
                request.authorizationUrl().strip(),
                request.tokenUrl().strip(),
                request.jwksUrl().strip(),
                blankToNull(request.tokenAudience()),
                Boolean.TRUE.equals(request.autoProvisionDeployments()),
                deployments);
    }

    /**
     * Every way in (API, pages, dynamic registration) gets the same checks: URLs that are https
     * except on loopback hosts, then the request's Bean Validation constraints (one message per
     * field).
     */
    private void validate(PlatformRequest request) {
        List<RegistrationProblem.FieldError> errors = new ArrayList<>();
        checkUrl(errors, "issuer", request.issuer());
        checkUrl(errors, "authorizationUrl", request.authorizationUrl());
        checkUrl(errors, "tokenUrl", request.tokenUrl());
        checkUrl(errors, "jwksUrl", request.jwksUrl());
        validator.validate(request).stream()
                .map(violation -> new RegistrationProblem.FieldError(
                        violation.getPropertyPath().toString(), violation.getMessage()))
                .filter(error -> errors.stream().noneMatch(e -> e.field().equals(error.field())))
                .sorted(Comparator.comparing(RegistrationProblem.FieldError::field))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new RegistrationProblem(errors);
        }
    }

    private static void checkUrl(List<RegistrationProblem.FieldError> errors, String field, String url) {
        PlatformUrls.problemWith(url)
                .ifPresent(problem -> errors.add(new RegistrationProblem.FieldError(field, problem)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
