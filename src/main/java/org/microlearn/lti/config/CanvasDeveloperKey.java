package org.microlearn.lti.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.LtiClaims;

/**
 * The Canvas developer key JSON ("LTI 1.3 configuration", Canvas's "Configuring LTI Advantage
 * Tools" guide) for one deployment of Microlearn: paste it, or its URL, into Admin &gt; Developer
 * Keys &gt; + LTI Key.
 */
public final class CanvasDeveloperKey {

    /** Canvas's "platform" value for its extensions, for cloud and self-hosted Canvas alike. */
    static final String CANVAS_PLATFORM = "canvas.instructure.com";

    private CanvasDeveloperKey() {}

    /** The JSON document as ordered maps and lists, ready to serialise. */
    public static Map<String, Object> json(ToolEndpoints endpoints) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", ToolProfile.NAME);
        json.put("description", ToolProfile.DESCRIPTION);
        json.put("oidc_initiation_url", endpoints.loginUrl());
        json.put("target_link_uri", endpoints.launchUrl());
        json.put("public_jwk_url", endpoints.jwksUrl());
        json.put("scopes", ToolProfile.SCOPES);
        json.put("extensions", List.of(extension(endpoints)));
        json.put("custom_fields", ToolProfile.CUSTOM_PARAMETERS);
        return json;
    }

    private static Map<String, Object> extension(ToolEndpoints endpoints) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("platform", CANVAS_PLATFORM);
        extension.put("domain", endpoints.domain());
        extension.put("tool_id", ToolProfile.TOOL_ID);
        // Canvas's default is "anonymous": no names or emails, which coaches need.
        extension.put("privacy_level", "public");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("text", ToolProfile.NAME);
        settings.put("icon_url", endpoints.logoUrl());
        settings.put(
                "placements",
                ToolProfile.CANVAS_PLACEMENTS.stream()
                        .map(placement -> placement(placement, endpoints))
                        .toList());
        extension.put("settings", settings);
        return extension;
    }

    private static Map<String, Object> placement(ToolProfile.CanvasPlacement placement, ToolEndpoints endpoints) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("placement", placement.placement());
        json.put("message_type", placement.messageType());
        json.put("text", placement.text());
        json.put("icon_url", endpoints.logoUrl());
        json.put(
                "target_link_uri",
                LtiClaims.DEEP_LINKING_REQUEST.equals(placement.messageType())
                        ? endpoints.deepLinkingUrl()
                        : endpoints.launchUrl());
        return json;
    }
}
