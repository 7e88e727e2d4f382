package org.microlearn.lti.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an administrator (page, API or dynamic registration) says about a platform. */
public record PlatformRequest(
        @NotBlank @Size(max = 255) String issuer,
        @NotBlank @Size(max = 255) String clientId,
        @Size(max = 255) String name,
        @NotBlank @Size(max = 1024) String authorizationUrl,
        @NotBlank @Size(max = 1024) String tokenUrl,
        @NotBlank @Size(max = 1024) String jwksUrl,
        @Size(max = 1024) String tokenAudience,
        Boolean autoProvisionDeployments,
        @NotNull List<@NotBlank @Size(max = 255) String> deploymentIds) {

    public PlatformRequest {
        deploymentIds = deploymentIds == null ? null : List.copyOf(deploymentIds);
    }
}
