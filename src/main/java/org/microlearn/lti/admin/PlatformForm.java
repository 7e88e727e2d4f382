package org.microlearn.lti.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRequest;
import org.microlearn.lti.registration.RegistrationProblem;
import org.springframework.http.HttpStatus;

/** A registration form as typed (district admin's and operator's pages); deployments one per line. */
record PlatformForm(
        String name,
        String issuer,
        String clientId,
        String authorizationUrl,
        String tokenUrl,
        String jwksUrl,
        String tokenAudience,
        Boolean autoProvisionDeployments,
        String deploymentIds) {

    /** What the pages call each field, for naming the wrong ones. */
    static final Map<String, String> LABELS = Map.of(
            "name", "Name shown to admins",
            "issuer", "Issuer (Platform ID)",
            "clientId", "Client ID",
            "authorizationUrl", "OIDC authorization URL",
            "tokenUrl", "Access token URL",
            "jwksUrl", "Platform keyset URL",
            "tokenAudience", "Token audience",
            "deploymentIds", "Deployment IDs");

    /** A registration refused: its status and the fields the form shows as wrong. */
    record Refusal(HttpStatus status, List<RegistrationProblem.FieldError> errors) {

        /** 400 naming every wrong field, or 409 when the issuer and client ID are taken. */
        static Refusal of(RuntimeException problem) {
            return problem instanceof RegistrationProblem invalid
                    ? new Refusal(HttpStatus.BAD_REQUEST, invalid.errors())
                    : new Refusal(
                            HttpStatus.CONFLICT,
                            List.of(new RegistrationProblem.FieldError("clientId", problem.getMessage())));
        }
    }

    static PlatformForm blank() {
        return new PlatformForm(null, null, null, null, null, null, null, false, null);
    }

    static PlatformForm of(Platform platform) {
        return new PlatformForm(
                platform.name(),
                platform.issuer(),
                platform.clientId(),
                platform.authorizationUrl(),
                platform.tokenUrl(),
                platform.jwksUrl(),
                platform.tokenAudience(),
                platform.autoProvisionDeployments(),
                String.join("\n", platform.deploymentIds().stream().sorted().toList()));
    }

    PlatformRequest toRequest() {
        List<String> deployments = deploymentIds == null
                ? List.of()
                : Arrays.stream(deploymentIds.split("\\R"))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .toList();
        return new PlatformRequest(
                issuer,
                clientId,
                name,
                authorizationUrl,
                tokenUrl,
                jwksUrl,
                tokenAudience,
                autoProvisionDeployments,
                deployments);
    }
}
