package org.microlearn.lti.admin;

import java.util.Arrays;
import java.util.List;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRequest;

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
