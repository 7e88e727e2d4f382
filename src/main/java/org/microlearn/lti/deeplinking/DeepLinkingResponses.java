package org.microlearn.lti.deeplinking;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.keys.ToolKeys;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.Platform;
import org.springframework.stereotype.Component;

/**
 * The signed {@code LtiDeepLinkingResponse}: one {@code ltiResourceLink} per chosen lesson,
 * pointing at our launch URL with {@code custom.lesson}, and a {@code lineItem} so that Moodle and
 * Canvas create the lesson's gradebook column with the link (its scores then go to that column).
 */
@Component
class DeepLinkingResponses {

    /** The gradebook column's maximum: lesson scores are percentages. */
    static final double LESSON_SCORE_MAXIMUM = 100;

    static final String LESSON_TAG = "lesson";

    private final ToolKeys keys;
    private final ToolEndpoints endpoints;
    private final Clock clock;

    DeepLinkingResponses(ToolKeys keys, ToolEndpoints endpoints, Clock clock) {
        this.keys = keys;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    String sign(Platform platform, DeepLinkingRequests.Request request, List<DeepLinkableContent.Item> lessons) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.DEPLOYMENT_ID, request.deploymentId())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.VERSION_1_3_0)
                .claim(
                        LtiClaims.DEEP_LINKING_CONTENT_ITEMS,
                        lessons.stream().map(this::item).toList())
                .claim(
                        LtiClaims.DEEP_LINKING_MESSAGE,
                        lessons.isEmpty()
                                ? "No lesson was added."
                                : lessons.size() == 1
                                        ? "Added the Microlearn lesson \""
                                                + lessons.get(0).title() + "\"."
                                        : "Added " + lessons.size() + " Microlearn lessons.");
        if (request.data() != null) {
            claims.claim(LtiClaims.DEEP_LINKING_DATA, request.data());
        }
        return keys.sign(claims.build());
    }

    private Map<String, Object> item(DeepLinkableContent.Item lesson) {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", LESSON_SCORE_MAXIMUM);
        lineItem.put("label", lesson.title());
        lineItem.put("resourceId", lesson.id());
        lineItem.put("tag", LESSON_TAG);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", lesson.title());
        if (lesson.summary() != null) {
            item.put("text", lesson.summary());
        }
        item.put("url", endpoints.launchUrl());
        item.put("custom", Map.of("lesson", lesson.id()));
        item.put("lineItem", lineItem);
        return item;
    }
}
