package org.microlearn.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.lti.registration.Platform;

/** Turns verified claims into the immutable {@link LtiLaunch}; the one place that reads raw claims. */
final class LaunchParser {

    private LaunchParser() {}

    static LtiLaunch parse(JWTClaimsSet claims, Platform platform) {
        List<String> roleUris = strings(claims.getClaim(LtiClaims.ROLES));
        Map<String, Object> context = map(claims.getClaim(LtiClaims.CONTEXT));
        Map<String, Object> link = map(claims.getClaim(LtiClaims.RESOURCE_LINK));
        Map<String, Object> ags = map(claims.getClaim(LtiClaims.AGS_ENDPOINT));
        Map<String, Object> nrps = map(claims.getClaim(LtiClaims.NRPS));
        Map<String, Object> deepLinking = map(claims.getClaim(LtiClaims.DEEP_LINKING_SETTINGS));
        Map<String, Object> presentation = map(claims.getClaim(LtiClaims.LAUNCH_PRESENTATION));
        Map<String, Object> toolPlatform = map(claims.getClaim(LtiClaims.TOOL_PLATFORM));
        Map<String, Object> forUser = map(claims.getClaim(LtiClaims.FOR_USER));
        return new LtiLaunch(
                platform.id(),
                platform.issuer(),
                platform.clientId(),
                IdTokenValidator.string(claims, LtiClaims.DEPLOYMENT_ID),
                IdTokenValidator.string(claims, LtiClaims.MESSAGE_TYPE),
                IdTokenValidator.string(claims, LtiClaims.TARGET_LINK_URI),
                new LtiLaunch.User(
                        claims.getSubject(),
                        text(claims.getClaim("name")),
                        text(claims.getClaim("given_name")),
                        text(claims.getClaim("family_name")),
                        text(claims.getClaim("email"))),
                context == null || text(context.get("id")) == null
                        ? null
                        : new LtiLaunch.Context(
                                text(context.get("id")),
                                text(context.get("label")),
                                text(context.get("title")),
                                strings(context.get("type"))),
                link == null || text(link.get("id")) == null
                        ? null
                        : new LtiLaunch.ResourceLink(
                                text(link.get("id")), text(link.get("title")), text(link.get("description"))),
                roleUris,
                LtiRoles.map(roleUris),
                ags == null
                        ? null
                        : new LtiLaunch.Ags(
                                text(ags.get("lineitems")), text(ags.get("lineitem")), strings(ags.get("scope"))),
                nrps == null || text(nrps.get("context_memberships_url")) == null
                        ? null
                        : new LtiLaunch.Nrps(
                                text(nrps.get("context_memberships_url")), strings(nrps.get("service_versions"))),
                deepLinking == null
                        ? null
                        : new LtiLaunch.DeepLinking(
                                text(deepLinking.get("deep_link_return_url")),
                                strings(deepLinking.get("accept_types")),
                                strings(deepLinking.get("accept_presentation_document_targets")),
                                Boolean.TRUE.equals(deepLinking.get("accept_multiple")),
                                Boolean.TRUE.equals(deepLinking.get("auto_create")),
                                text(deepLinking.get("title")),
                                text(deepLinking.get("text")),
                                text(deepLinking.get("data"))),
                custom(claims.getClaim(LtiClaims.CUSTOM)),
                presentation == null
                        ? null
                        : new LtiLaunch.Presentation(
                                text(presentation.get("document_target")),
                                text(presentation.get("return_url")),
                                text(presentation.get("locale"))),
                toolPlatform == null ? null : text(toolPlatform.get("product_family_code")),
                forUser == null ? null : text(forUser.get("user_id")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        return text.isBlank() ? null : text;
    }

    /** Custom parameters: values as strings (platforms send strings; numbers and booleans appear too). */
    private static Map<String, String> custom(Object value) {
        Map<String, String> custom = new LinkedHashMap<>();
        Map<String, Object> map = map(value);
        if (map != null) {
            map.forEach((k, v) -> {
                if (v != null) {
                    custom.put(k, String.valueOf(v));
                }
            });
        }
        return Map.copyOf(custom);
    }
}
