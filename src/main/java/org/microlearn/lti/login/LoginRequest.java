package org.microlearn.lti.login;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A third-party initiated login as the platform sends it (query or form parameters). Canvas names
 * the deployment {@code deployment_id}, the specification {@code lti_deployment_id}.
 */
public record LoginRequest(
        String issuer,
        String loginHint,
        String targetLinkUri,
        String messageHint,
        String clientId,
        String deploymentId,
        String storageTarget) {

    public static LoginRequest from(HttpServletRequest request) {
        String deploymentId = request.getParameter("lti_deployment_id");
        return new LoginRequest(
                request.getParameter("iss"),
                request.getParameter("login_hint"),
                request.getParameter("target_link_uri"),
                request.getParameter("lti_message_hint"),
                request.getParameter("client_id"),
                deploymentId != null ? deploymentId : request.getParameter("deployment_id"),
                blankToNull(request.getParameter("lti_storage_target")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
