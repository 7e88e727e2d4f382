package org.microlearn.lti.dynamicregistration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.config.ToolProfile;
import org.microlearn.lti.launch.LtiClaims;

/**
 * The client registration Microlearn sends one platform (OpenID Connect Dynamic Client
 * Registration with the LTI tool configuration claim), fitted to what the platform advertises:
 * only scopes, message types, placements and substitution variables it lists, when it lists them.
 *
 * @param scopes the AGS and NRPS scopes asked for
 * @param messages the message types offered, with their placements
 * @param customParameters custom parameters sent with every launch
 * @param json the request body
 */
record ToolRegistrationRequest(
        List<String> scopes, List<Message> messages, Map<String, String> customParameters, Map<String, Object> json) {

    /** One message the tool offers, and where the platform should show it. */
    record Message(String type, String label, String targetLinkUri, List<String> placements) {

        public boolean isDeepLinking() {
            return LtiClaims.DEEP_LINKING_REQUEST.equals(type);
        }
    }

    static ToolRegistrationRequest forPlatform(ToolEndpoints endpoints, PlatformConfiguration platform) {
        List<String> scopes = platform.scopesSupported() == null
                ? ToolProfile.SCOPES
                : ToolProfile.SCOPES.stream()
                        .filter(platform.scopesSupported()::contains)
                        .toList();
        List<Message> messages = messages(endpoints, platform);
        Map<String, String> custom = new LinkedHashMap<>();
        ToolProfile.CUSTOM_PARAMETERS.forEach((name, variable) -> {
            if (platform.variables() == null || platform.variables().contains(variable.substring(1))) {
                custom.put(name, variable);
            }
        });
        return new ToolRegistrationRequest(
                scopes,
                messages,
                java.util.Collections.unmodifiableMap(custom),
                json(endpoints, platform, scopes, messages, custom));
    }

    public boolean grades() {
        return scopes.contains(LtiClaims.SCOPE_SCORE);
    }

    public boolean memberships() {
        return scopes.contains(LtiClaims.SCOPE_NRPS);
    }

    private static List<Message> messages(ToolEndpoints endpoints, PlatformConfiguration platform) {
        Map<String, List<String>> supported = platform.messagesSupported();
        Message resourceLink = new Message(
                LtiClaims.RESOURCE_LINK_REQUEST,
                ToolProfile.NAME,
                endpoints.launchUrl(),
                placements(ToolProfile.RESOURCE_LINK_PLACEMENTS, supported, LtiClaims.RESOURCE_LINK_REQUEST));
        // Resource links are what LTI is; deep linking only where the platform offers it.
        if (supported != null && !supported.containsKey(LtiClaims.DEEP_LINKING_REQUEST)) {
            return List.of(resourceLink);
        }
        Message deepLinking = new Message(
                LtiClaims.DEEP_LINKING_REQUEST,
                ToolProfile.DEEP_LINKING_LABEL,
                endpoints.deepLinkingUrl(),
                placements(ToolProfile.DEEP_LINKING_PLACEMENTS, supported, LtiClaims.DEEP_LINKING_REQUEST));
        return List.of(resourceLink, deepLinking);
    }

    /** Ours that the platform lists for this message type; all of ours when it lists no messages. */
    private static List<String> placements(List<String> ours, Map<String, List<String>> supported, String type) {
        if (supported == null) {
            return ours;
        }
        List<String> theirs = supported.getOrDefault(type, List.of());
        return ours.stream().filter(theirs::contains).toList();
    }

    private static Map<String, Object> json(
            ToolEndpoints endpoints,
            PlatformConfiguration platform,
            List<String> scopes,
            List<Message> messages,
            Map<String, String> custom) {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("domain", endpoints.domain());
        tool.put("description", ToolProfile.DESCRIPTION);
        tool.put("target_link_uri", endpoints.launchUrl());
        tool.put("custom_parameters", custom);
        tool.put("claims", ToolProfile.CLAIMS);
        tool.put("messages", messages.stream().map(m -> message(m, endpoints)).toList());
        if (platform.isCanvas()) {
            // Canvas sends no names or emails unless asked ("anonymous" is its default).
            tool.put(LtiClaims.CANVAS_PRIVACY_LEVEL, "public");
            tool.put(LtiClaims.CANVAS_TOOL_ID, ToolProfile.TOOL_ID);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("application_type", "web");
        json.put("response_types", List.of("id_token"));
        json.put("grant_types", List.of("implicit", "client_credentials"));
        json.put("initiate_login_uri", endpoints.loginUrl());
        json.put("redirect_uris", List.of(endpoints.launchUrl()));
        json.put("client_name", ToolProfile.NAME);
        json.put("client_uri", endpoints.baseUrl());
        json.put("logo_uri", endpoints.logoUrl());
        json.put("jwks_uri", endpoints.jwksUrl());
        json.put("token_endpoint_auth_method", "private_key_jwt");
        json.put("scope", String.join(" ", scopes));
        json.put(LtiClaims.TOOL_CONFIGURATION, tool);
        return json;
    }

    private static Map<String, Object> message(Message message, ToolEndpoints endpoints) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", message.type());
        json.put("target_link_uri", message.targetLinkUri());
        json.put("label", message.label());
        json.put("icon_uri", endpoints.logoUrl());
        if (!message.placements().isEmpty()) {
            json.put("placements", message.placements());
        }
        return json;
    }
}
