package org.microlearn.lti.launch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.shared.Role;

/**
 * A validated launch, parsed once at the edge from the id_token's claims. Nothing else reads the
 * raw claims.
 *
 * @param platformId our registration the launch came from
 * @param deploymentId the platform's deployment id
 * @param messageType LtiResourceLinkRequest, LtiDeepLinkingRequest or LtiSubmissionReviewRequest
 * @param targetLinkUri where the platform meant the launch to go
 * @param productFamily the platform's product family code, e.g. {@code moodle} or {@code canvas}, or null
 */
public record LtiLaunch(
        long platformId,
        String issuer,
        String clientId,
        String deploymentId,
        String messageType,
        String targetLinkUri,
        User user,
        Context context,
        ResourceLink resourceLink,
        List<String> roleUris,
        Set<Role> roles,
        Ags ags,
        Nrps nrps,
        DeepLinking deepLinking,
        Map<String, String> custom,
        Presentation presentation,
        String productFamily,
        String forUserId) {

    /** The person launching; {@code subject} is unique only within the issuer. */
    public record User(String subject, String name, String givenName, String familyName, String email) {}

    /** The course (LTI context), if the launch came from one. */
    public record Context(String id, String label, String title, List<String> types) {}

    public record ResourceLink(String id, String title, String description) {}

    /** Assignment and Grade Services endpoint claim: lineitem is set for a link with one line item. */
    public record Ags(String lineItemsUrl, String lineItemUrl, List<String> scopes) {}

    /** Names and Role Provisioning Services claim. */
    public record Nrps(String contextMembershipsUrl, List<String> serviceVersions) {}

    public record DeepLinking(
            String returnUrl,
            List<String> acceptTypes,
            List<String> acceptPresentationDocumentTargets,
            boolean acceptMultiple,
            boolean autoCreate,
            String title,
            String text,
            String data) {}

    public record Presentation(String documentTarget, String returnUrl, String locale) {}

    @JsonIgnore // derived, not part of the stored launch
    public boolean isDeepLinking() {
        return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
    }

    @JsonIgnore // derived, not part of the stored launch
    public boolean isSubmissionReview() {
        return LtiClaims.SUBMISSION_REVIEW_REQUEST.equals(messageType);
    }

    @JsonIgnore // derived, not part of the stored launch
    public boolean isCanvas() {
        return "canvas".equalsIgnoreCase(productFamily);
    }
}
