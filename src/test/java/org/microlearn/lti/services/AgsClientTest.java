package org.microlearn.lti.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.WireMockLms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MicrolearnTest
class AgsClientTest {

    static final String LINEITEMS = "/mod/lti/services.php/2/lineitems";
    static final String ITEM_9 = "/mod/lti/services.php/2/lineitems/9/lineitem";

    @Autowired
    AgsClient ags;

    @Autowired
    PlatformRegistrations registrations;

    @LocalServerPort
    int port;

    WireMockLms moodle;
    AgsEndpoint endpoint;

    @BeforeEach
    void startMoodle() {
        moodle = WireMockLms.moodle(registrations, port);
        endpoint = AgsEndpoint.of(moodle.url(LINEITEMS + "?type_id=1"), LtiTestData.ALL_AGS_SCOPES);
    }

    @AfterEach
    void stop() {
        moodle.close();
    }

    /** Three pages as Moodle pages them: a lower-case link header with typographic quotes. */
    void stubThreePagesOfLineItems() {
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS))
                .withQueryParam("type_id", equalTo("1"))
                .withQueryParam("from", absent())
                .willReturn(aResponse()
                        .withHeader("Content-Type", AgsClient.LINE_ITEM_CONTAINER)
                        .withHeader("link", "<" + moodle.url(LINEITEMS + "?type_id=1&limit=2&from=2") + ">; rel=“next”")
                        .withBody("""
                                [{"id": "%1$s/2/lineitem?type_id=1", "label": "Fake tool activity", "resourceId": "",
                                  "tag": "", "resourceLinkId": "1", "ltiLinkId": "1", "scoreMaximum": 10},
                                 {"id": "%1$s/3/lineitem?type_id=1", "label": "Extra", "resourceId": "fake-res-2",
                                  "tag": "extra", "scoreMaximum": 50}]""".formatted(moodle.url(LINEITEMS))))));
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS))
                .withQueryParam("from", equalTo("2"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", AgsClient.LINE_ITEM_CONTAINER)
                        .withHeader(
                                "LINK", "<" + moodle.url(LINEITEMS + "?type_id=1&limit=2&from=4") + ">; rel=\"next\"")
                        .withBody("""
                                [{"id": "%1$s/4/lineitem?type_id=1", "label": "Lesson 41", "resourceId": "lesson-41",
                                  "tag": "lesson", "scoreMaximum": 100}]""".formatted(moodle.url(LINEITEMS))))));
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS))
                .withQueryParam("from", equalTo("4"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", AgsClient.LINE_ITEM_CONTAINER)
                        .withBody("""
                                [{"id": "%1$s/8/lineitem?type_id=1", "label": "Lesson 42 draft", "resourceId": "lesson-42",
                                  "tag": "draft", "scoreMaximum": 100},
                                 {"id": "%1$s/9/lineitem?type_id=1", "label": "Lesson 42", "resourceId": "lesson-42",
                                  "tag": "lesson", "scoreMaximum": 100}]""".formatted(moodle.url(LINEITEMS))))));
    }

    @Test
    void findsALineItemOnTheThirdPageFilteringWhatMoodleIgnores() {
        stubThreePagesOfLineItems();

        LineItem found =
                ags.find(moodle.platform, endpoint, "lesson-42", "lesson").orElseThrow();

        assertThat(found.id()).isEqualTo(moodle.url(ITEM_9 + "?type_id=1"));
        assertThat(found.label()).isEqualTo("Lesson 42");
        moodle.server.verify(3, getRequestedFor(urlPathEqualTo(LINEITEMS)));
        // The filters go to the platform too, next to Moodle's own type_id.
        moodle.server.verify(getRequestedFor(urlEqualTo(LINEITEMS + "?type_id=1&resource_id=lesson-42&tag=lesson"))
                .withHeader("Accept", equalTo(AgsClient.LINE_ITEM_CONTAINER)));
        assertThat(ags.lineItems(moodle.platform, endpoint, null, null, null)).hasSize(5);
    }

    @Test
    void createsTheLineItemOnlyWhenTheCourseHasNone() {
        stubThreePagesOfLineItems();
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(LINEITEMS + "?type_id=1"))
                .withHeader("Content-Type", equalTo(AgsClient.LINE_ITEM))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", AgsClient.LINE_ITEM)
                        .withBody("""
                                {"id": "%s/10/lineitem?type_id=1", "label": "Lesson 99", "resourceId": "lesson-99",
                                 "tag": "lesson", "scoreMaximum": 100}""".formatted(moodle.url(LINEITEMS))))));

        LineItem existing =
                ags.findOrCreate(moodle.platform, endpoint, LineItem.of("Lesson 41", 100, "lesson-41", "lesson", null));
        LineItem created =
                ags.findOrCreate(moodle.platform, endpoint, LineItem.of("Lesson 99", 100, "lesson-99", "lesson", null));

        assertThat(existing.id()).endsWith("/4/lineitem?type_id=1");
        assertThat(created.id()).isEqualTo(moodle.url(LINEITEMS + "/10/lineitem?type_id=1"));
        moodle.server.verify(
                1,
                postRequestedFor(urlEqualTo(LINEITEMS + "?type_id=1"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"label\":\"Lesson 99\",\"scoreMaximum\":100.0,\"resourceId\":\"lesson-99\",\"tag\":\"lesson\"}")));
    }

    @Test
    void postsScoresNextToTheLineItemKeepingItsQueryString() {
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(ITEM_9 + "/scores?type_id=1"))
                .withHeader("Content-Type", equalTo(AgsClient.SCORE))
                .willReturn(aResponse().withStatus(200))));
        Instant at = Instant.parse("2026-11-23T13:43:38.123456Z");

        ags.postScore(
                moodle.platform,
                endpoint,
                moodle.url(ITEM_9 + "?type_id=1"),
                new Score("4", 7.5, 10.0, "Well done", at, "Completed", "FullyGraded", at.minusSeconds(600), at),
                false);

        moodle.server.verify(postRequestedFor(urlEqualTo(ITEM_9 + "/scores?type_id=1"))
                .withHeader("User-Agent", matching("Microlearn/[0-9].* \\(\\+http.*\\)"))
                .withRequestBody(equalToJson("""
                        {"userId": "4", "scoreGiven": 7.5, "scoreMaximum": 10.0, "comment": "Well done",
                         "timestamp": "2026-11-23T13:43:38.123Z", "activityProgress": "Completed",
                         "gradingProgress": "FullyGraded",
                         "submission": {"startedAt": "2026-11-23T13:33:38.123Z", "submittedAt": "2026-11-23T13:43:38.123Z"}}""")));
    }

    @Test
    void readsResultsWhereAMissingResultScoreMeansNoScore() {
        moodle.server.stubFor(moodle.authorized(get(urlEqualTo(ITEM_9 + "/results?type_id=1"))
                .withHeader("Accept", equalTo(AgsClient.RESULT_CONTAINER))
                .willReturn(aResponse()
                        .withHeader("Content-Type", AgsClient.RESULT_CONTAINER)
                        .withBody("""
                                [{"id": "r4", "userId": "4", "resultScore": 7.5, "resultMaximum": 10, "comment": "from tool",
                                  "scoreOf": "x", "timestamp": "2026-11-23T13:43:38+00:00"},
                                 {"id": "r5", "userId": "5", "resultMaximum": 10, "scoreOf": "x"}]"""))));

        List<Result> results = ags.results(moodle.platform, endpoint, moodle.url(ITEM_9 + "?type_id=1"), null);

        assertThat(results).extracting(Result::userId).containsExactly("4", "5");
        assertThat(results.get(0).hasScore()).isTrue();
        assertThat(results.get(0).resultScore()).isEqualTo(7.5);
        assertThat(results.get(1).hasScore()).isFalse();
    }

    @Test
    void updatesAndDeletesALineItem() {
        String url = moodle.url(ITEM_9 + "?type_id=1");
        moodle.server.stubFor(moodle.authorized(put(urlEqualTo(ITEM_9 + "?type_id=1"))
                .withRequestBody(equalToJson("{\"label\":\"Renamed\"}", true, true))
                .willReturn(aResponse()
                        .withHeader("Content-Type", AgsClient.LINE_ITEM)
                        .withBody("{\"id\":\"" + url + "\",\"label\":\"Renamed\",\"scoreMaximum\":20}"))));
        moodle.server.stubFor(moodle.authorized(delete(urlEqualTo(ITEM_9 + "?type_id=1")))
                .willReturn(aResponse().withStatus(204)));

        LineItem updated = ags.update(
                moodle.platform, endpoint, new LineItem(url, "Renamed", 20.0, "lesson-42", "lesson", null, null, null));
        ags.delete(moodle.platform, endpoint, url);

        assertThat(updated.label()).isEqualTo("Renamed");
        assertThat(updated.scoreMaximum()).isEqualTo(20.0);
        moodle.server.verify(deleteRequestedFor(urlEqualTo(ITEM_9 + "?type_id=1")));
    }

    @Test
    void aMissingLineItemIsAPermanentFailureWithThePlatformsAnswer() {
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(ITEM_9 + "/scores?type_id=1")))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"No line item\"}")));

        assertThatThrownBy(() -> ags.postScore(
                        moodle.platform,
                        endpoint,
                        moodle.url(ITEM_9 + "?type_id=1"),
                        new Score("4", 1.0, 1.0, null, Instant.now(), "Completed", "FullyGraded", null, null),
                        false))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.body()).contains("No line item");
                    assertThat(e.tokenRequest()).isFalse();
                });
    }

    @Test
    void cachesOneVerifiedAccessTokenAndRefreshesItOnceWhenThePlatformRefusesIt() {
        stubThreePagesOfLineItems();

        ags.lineItems(moodle.platform, endpoint, null, null, null);
        ags.lineItems(moodle.platform, endpoint, null, null, null);
        assertThat(moodle.tokens.issued()).isEqualTo(1);
        assertThat(moodle.tokens.failures).isEmpty();
        assertThat(moodle.tokens.scopesRequested.get(0).split(" "))
                .containsExactlyInAnyOrder(LtiTestData.ALL_AGS_SCOPES.split(" "));

        moodle.tokens.revokeAll(); // the platform expires its tokens earlier than it said
        assertThat(ags.lineItems(moodle.platform, endpoint, null, null, null)).hasSize(5);

        assertThat(moodle.tokens.issued()).isEqualTo(2);
        assertThat(moodle.tokens.failures).isEmpty();
    }

    @Test
    void canvasGetsTheAssertionAudienceItAsksForAndOurUserAgent() {
        try (WireMockLms canvas = WireMockLms.canvas(registrations, port)) {
            String items = "/api/lti/courses/7/line_items";
            canvas.server.stubFor(
                    canvas.authorized(get(urlPathEqualTo(items)))
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", AgsClient.LINE_ITEM_CONTAINER)
                                            .withBody(
                                                    "[{\"id\":\"" + canvas.url(items + "/1")
                                                            + "\",\"label\":\"Lesson\",\"scoreMaximum\":100,\"resourceId\":\"l1\",\"tag\":\"lesson\"}]")));

            List<LineItem> found = ags.lineItems(
                    canvas.platform,
                    AgsEndpoint.of(canvas.url(items), LtiTestData.ALL_AGS_SCOPES),
                    "l1",
                    "lesson",
                    null);

            assertThat(found).extracting(LineItem::id).containsExactly(canvas.url(items + "/1"));
            assertThat(canvas.tokens.failures).isEmpty();
            canvas.server.verify(
                    getRequestedFor(urlPathEqualTo(items)).withHeader("User-Agent", matching("Microlearn/.+")));
        }
    }

    @Test
    void aTokenEndpointThatRefusesOurAssertionFailsWithItsAnswer() {
        try (WireMockLms canvas = WireMockLms.canvas(registrations, port)) {
            canvas.tokens.audience = "https://sso.canvaslms.com/login/oauth2/token";

            assertThatThrownBy(() -> ags.lineItems(
                            canvas.platform,
                            AgsEndpoint.of(canvas.url("/api/lti/courses/7/line_items"), LtiTestData.ALL_AGS_SCOPES),
                            null,
                            null,
                            null))
                    .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                        assertThat(e.tokenRequest()).isTrue();
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.body()).contains("invalid_client").contains("aud must contain");
                    });
        }
    }
}
