package org.microlearn.lti.services;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.Platform;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignment and Grade Services 2.0: line items, scores and results, as Moodle 4.x and Canvas
 * serve them. Every URL the platform gives us is used as is, query string included.
 */
@Component
public class AgsClient {

    public static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    public static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    public static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

    private final PlatformServiceClient client;
    private final JsonMapper json;

    AgsClient(PlatformServiceClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * The course's line items, every page, narrowed to those matching the given filters (any may
     * be null). The filters also go to the platform as {@code resource_id}, {@code tag} and
     * {@code resource_link_id}, but platforms do not all honour them, so they are applied here too.
     */
    public List<LineItem> lineItems(
            Platform platform, AgsEndpoint endpoint, String resourceId, String tag, String resourceLinkId) {
        String url = endpoint.lineItemsUrl();
        url = ServiceUrls.withQueryParameter(url, "resource_id", resourceId);
        url = ServiceUrls.withQueryParameter(url, "tag", tag);
        url = ServiceUrls.withQueryParameter(url, "resource_link_id", resourceLinkId);
        List<LineItem> all = client.allPages(
                platform,
                scopes(endpoint, LtiClaims.SCOPE_LINEITEM_READONLY),
                url,
                LINE_ITEM_CONTAINER,
                body -> Arrays.asList(json.readValue(body, LineItem[].class)));
        return all.stream()
                .filter(item -> item.matches(resourceId, tag))
                .filter(item -> resourceLinkId == null || resourceLinkId.equals(item.resourceLinkId()))
                .toList();
    }

    /** The first line item with this resourceId and tag, if the course has one. */
    public Optional<LineItem> find(Platform platform, AgsEndpoint endpoint, String resourceId, String tag) {
        return lineItems(platform, endpoint, resourceId, tag, null).stream().findFirst();
    }

    /** The line item with the new item's resourceId and tag, created when the course has none. */
    public LineItem findOrCreate(Platform platform, AgsEndpoint endpoint, LineItem wanted) {
        return find(platform, endpoint, wanted.resourceId(), wanted.tag())
                .orElseGet(() -> create(platform, endpoint, wanted));
    }

    public LineItem create(Platform platform, AgsEndpoint endpoint, LineItem item) {
        ServiceHttp.Answer answer = client.call(
                platform,
                scopes(endpoint, LtiClaims.SCOPE_LINEITEM),
                HttpMethod.POST,
                endpoint.lineItemsUrl(),
                LINE_ITEM,
                LINE_ITEM,
                json.writeValueAsString(item));
        return json.readValue(answer.body(), LineItem.class);
    }

    public LineItem get(Platform platform, AgsEndpoint endpoint, String lineItemUrl) {
        ServiceHttp.Answer answer = client.call(
                platform,
                scopes(endpoint, LtiClaims.SCOPE_LINEITEM_READONLY),
                HttpMethod.GET,
                lineItemUrl,
                LINE_ITEM,
                null,
                null);
        return json.readValue(answer.body(), LineItem.class);
    }

    /** Replaces the line item at {@code item.id()} (label, maximum, dates, tag, resourceId). */
    public LineItem update(Platform platform, AgsEndpoint endpoint, LineItem item) {
        ServiceHttp.Answer answer = client.call(
                platform,
                scopes(endpoint, LtiClaims.SCOPE_LINEITEM),
                HttpMethod.PUT,
                item.id(),
                LINE_ITEM,
                LINE_ITEM,
                json.writeValueAsString(item));
        return answer.body().isBlank() ? item : json.readValue(answer.body(), LineItem.class);
    }

    public void delete(Platform platform, AgsEndpoint endpoint, String lineItemUrl) {
        client.call(
                platform, scopes(endpoint, LtiClaims.SCOPE_LINEITEM), HttpMethod.DELETE, lineItemUrl, null, null, null);
    }

    /**
     * Posts a score to {@code <lineItemUrl>/scores} (query string kept). {@code canvas} adds
     * Canvas's submission extension. Returns the platform's (successful) status.
     */
    public int postScore(Platform platform, AgsEndpoint endpoint, String lineItemUrl, Score score, boolean canvas) {
        return client.call(
                        platform,
                        scopes(endpoint, LtiClaims.SCOPE_SCORE),
                        HttpMethod.POST,
                        ServiceUrls.withPathSegment(lineItemUrl, "scores"),
                        null,
                        SCORE,
                        json.writeValueAsString(score.toJson(canvas)))
                .status();
    }

    /** The results of a line item, every page; {@code userId} narrows them to one user. */
    public List<Result> results(Platform platform, AgsEndpoint endpoint, String lineItemUrl, String userId) {
        String url =
                ServiceUrls.withQueryParameter(ServiceUrls.withPathSegment(lineItemUrl, "results"), "user_id", userId);
        List<Result> all = client.allPages(
                platform,
                scopes(endpoint, LtiClaims.SCOPE_RESULT_READONLY),
                url,
                RESULT_CONTAINER,
                body -> Arrays.asList(json.readValue(body, Result[].class)));
        return userId == null
                ? all
                : all.stream().filter(r -> userId.equals(r.userId())).toList();
    }

    /**
     * The scopes to ask a token for: all the AGS scopes the platform granted the course (so one
     * cached token serves every AGS call), or just the one needed when none are recorded.
     */
    private static Collection<String> scopes(AgsEndpoint endpoint, String needed) {
        return endpoint.scopes().isEmpty() ? List.of(needed) : endpoint.scopes();
    }
}
