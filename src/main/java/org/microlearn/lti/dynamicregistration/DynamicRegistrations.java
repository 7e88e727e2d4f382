package org.microlearn.lti.dynamicregistration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.DuplicatePlatformException;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformRequest;
import org.microlearn.lti.registration.PlatformUrls;
import org.microlearn.lti.registration.RegistrationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * LTI Dynamic Registration 1.0, tool side: read and check the platform's OpenID configuration,
 * send it Microlearn's client registration, and keep the client_id and deployment_id it returns.
 * The platform is called outside any database transaction; only the final save is one.
 */
@Service
class DynamicRegistrations {

    private static final Logger log = LoggerFactory.getLogger(DynamicRegistrations.class);

    /** What the administrator is asked to confirm. */
    record Preview(PlatformConfiguration platform, ToolRegistrationRequest request) {}

    /** A finished registration. */
    record Completed(
            PlatformConfiguration platform,
            ToolRegistrationRequest request,
            Platform stored,
            String clientId,
            String deploymentId,
            boolean addedToExisting) {}

    private final PlatformClient client;
    private final PlatformRegistrations registrations;
    private final ToolEndpoints endpoints;
    private final DynamicRegistrationProperties properties;
    private final JsonMapper json;

    DynamicRegistrations(
            PlatformClient client,
            PlatformRegistrations registrations,
            ToolEndpoints endpoints,
            DynamicRegistrationProperties properties,
            JsonMapper json) {
        this.client = client;
        this.registrations = registrations;
        this.endpoints = endpoints;
        this.properties = properties;
        this.json = json;
    }

    /** Reads and checks the platform's configuration; registers nothing. */
    Preview preview(String configurationUrl, String registrationToken) {
        PlatformConfiguration platform = configuration(configurationUrl, registrationToken);
        return new Preview(platform, ToolRegistrationRequest.forPlatform(endpoints, platform));
    }

    /**
     * Registers Microlearn with the platform and stores the registration. The configuration is
     * fetched and checked again: only the two inputs are taken from the confirmation form.
     */
    Completed register(String configurationUrl, String registrationToken) {
        Preview preview = preview(configurationUrl, registrationToken);
        PlatformConfiguration platform = preview.platform();
        PlatformClient.Answer answer;
        try {
            answer = client.postJson(
                    platform.registrationEndpoint(),
                    registrationToken,
                    json.writeValueAsString(preview.request().json()));
        } catch (PlatformClient.Unreachable e) {
            throw RegistrationFailure.unreachable(platform.registrationEndpoint(), e.getMessage());
        }
        if (!answer.successful()) {
            log.info("Dynamic registration refused by {}: HTTP {}", platform.registrationEndpoint(), answer.status());
            throw RegistrationFailure.platformError(answer.status(), answer.body());
        }
        Map<String, Object> registration = jsonObject(answer.body())
                .orElseThrow(() -> RegistrationFailure.invalidAnswer(answer.status(), answer.body(), "is not JSON"));
        String clientId = text(registration.get("client_id"));
        if (clientId == null) {
            throw RegistrationFailure.invalidAnswer(answer.status(), answer.body(), "has no client_id");
        }
        String deploymentId = deploymentId(registration);
        return store(preview, clientId, deploymentId, answer);
    }

    private PlatformConfiguration configuration(String configurationUrl, String registrationToken) {
        if (configurationUrl == null || configurationUrl.isBlank()) {
            throw RegistrationFailure.missingConfigurationUrl();
        }
        String url = configurationUrl.strip();
        Optional<String> urlProblem = PlatformUrls.problemWith(url);
        if (urlProblem.isPresent()) {
            throw RegistrationFailure.refusedConfigurationUrl(url, urlProblem.get());
        }
        PlatformClient.Answer answer;
        try {
            answer = client.get(url, registrationToken);
        } catch (PlatformClient.Unreachable e) {
            throw RegistrationFailure.unreachable(url, e.getMessage());
        }
        if (!answer.successful()) {
            throw RegistrationFailure.configurationError(url, answer.status(), answer.body());
        }
        Map<String, Object> document = jsonObject(answer.body())
                .orElseThrow(() -> RegistrationFailure.invalidConfiguration(url, "it is not a JSON object"));
        PlatformConfiguration platform = PlatformConfiguration.parse(url, document);
        List<String> problems = platform.problems(properties.issuersServedElsewhere());
        if (!problems.isEmpty()) {
            log.info("Dynamic registration: configuration at {} refused: {}", url, problems);
            throw RegistrationFailure.refusedConfiguration(problems);
        }
        return platform;
    }

    /**
     * Saves the registration. Canvas creates deployments as the key is installed in accounts and
     * courses, so a Canvas client_id (or one registered without a deployment) accepts its new
     * deployments as they launch; other platforms' deployments are only those registered.
     */
    private Completed store(Preview preview, String clientId, String deploymentId, PlatformClient.Answer answer) {
        PlatformConfiguration platform = preview.platform();
        List<String> deployments = deploymentId == null ? List.of() : List.of(deploymentId);
        PlatformRequest request = new PlatformRequest(
                platform.issuer(),
                clientId,
                platform.displayName(),
                platform.authorizationEndpoint(),
                platform.tokenEndpoint(),
                platform.jwksUri(),
                null,
                platform.isCanvas() || deploymentId == null,
                deployments);
        try {
            Platform stored = registrations.register(request);
            log.info(
                    "Dynamic registration: registered {} client_id {} deployment {}",
                    platform.issuer(),
                    clientId,
                    deploymentId);
            return new Completed(platform, preview.request(), stored, clientId, deploymentId, false);
        } catch (DuplicatePlatformException e) {
            Platform existing = registrations.find(e.existingId()).orElseThrow(() -> e);
            if (!sameEndpoints(existing, platform)) {
                throw RegistrationFailure.conflict(platform.issuer(), clientId);
            }
            Set<String> merged = new TreeSet<>(existing.deploymentIds());
            merged.addAll(deployments);
            Platform stored = registrations
                    .update(
                            existing.id(),
                            new PlatformRequest(
                                    existing.issuer(),
                                    existing.clientId(),
                                    existing.name(),
                                    existing.authorizationUrl(),
                                    existing.tokenUrl(),
                                    existing.jwksUrl(),
                                    existing.tokenAudience(),
                                    existing.autoProvisionDeployments(),
                                    new ArrayList<>(merged)))
                    .orElseThrow(() -> e);
            log.info(
                    "Dynamic registration: added deployment {} to {} client_id {}",
                    deploymentId,
                    platform.issuer(),
                    clientId);
            return new Completed(platform, preview.request(), stored, clientId, deploymentId, true);
        } catch (RegistrationProblem e) {
            throw RegistrationFailure.invalidAnswer(
                    answer.status(), answer.body(), "cannot be stored (" + e.getMessage() + ")");
        }
    }

    /** Adding a deployment to an existing registration only when it is the same platform. */
    private static boolean sameEndpoints(Platform existing, PlatformConfiguration platform) {
        return Objects.equals(existing.authorizationUrl(), platform.authorizationEndpoint())
                && Objects.equals(existing.tokenUrl(), platform.tokenEndpoint())
                && Objects.equals(existing.jwksUrl(), platform.jwksUri());
    }

    /** Moodle puts it in the tool configuration claim (as the spec says); Canvas at the top level. */
    @SuppressWarnings("unchecked")
    private static String deploymentId(Map<String, Object> registration) {
        if (registration.get(LtiClaims.TOOL_CONFIGURATION) instanceof Map<?, ?> tool) {
            String id = text(((Map<String, Object>) tool).get("deployment_id"));
            if (id != null) {
                return id;
            }
        }
        return text(registration.get("deployment_id"));
    }

    /** A string, or a number some platforms send instead. */
    private static String text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> jsonObject(String body) {
        try {
            Object parsed = json.readValue(body, Object.class);
            return parsed instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
