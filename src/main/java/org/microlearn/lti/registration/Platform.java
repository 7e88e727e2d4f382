package org.microlearn.lti.registration;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A registered LMS: what we need to accept its launches and to call its services. */
@Table("lti_platform")
public record Platform(
        @Id Long id,
        String issuer,
        String clientId,
        String name,
        String authorizationUrl,
        String tokenUrl,
        String jwksUrl,
        String tokenAudience,
        boolean autoProvisionDeployments,
        @MappedCollection(idColumn = "platform_id") Set<Deployment> deployments) {

    public Platform {
        deployments = deployments == null ? Set.of() : Set.copyOf(deployments);
    }

    public Set<String> deploymentIds() {
        return deployments.stream().map(Deployment::deploymentId).collect(Collectors.toSet());
    }

    public boolean hasDeployment(String deploymentId) {
        return deployments.stream()
                .anyMatch(deployment -> deployment.deploymentId().equals(deploymentId));
    }

    /** The aud of client assertions: the token URL, unless the platform asks for another. */
    public String clientAssertionAudience() {
        return tokenAudience == null || tokenAudience.isBlank() ? tokenUrl : tokenAudience;
    }

    /** A display name: the one given, else the issuer's host. */
    public String displayName() {
        return name != null && !name.isBlank()
                ? name
                : java.net.URI.create(issuer).getHost();
    }

    @Table("lti_deployment")
    public record Deployment(String deploymentId) {}
}
