package org.microlearn.lti.deeplinking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.launch.LtiLaunch;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.shared.Role;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.microlearn.testsupport.WireMockLms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@MicrolearnTest
class DeepLinkingTest {

    static final String RETURN_PATH = "/mod/lti/contentitem_return.php?course=2&id=1&sesskey=REDACTED";

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    DeepLinkingRequests requests;

    @Autowired
    ToolEndpoints endpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @LocalServerPort
    int port;

    WireMockLms moodle;
    MockMvc mvc;
    long coach;

    @BeforeEach
    void setUp() {
        moodle = WireMockLms.moodle(registrations, port);
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        coach = new LtiTestData(jdbc).educator(moodle.platform.id(), "3", "Tina Teacher");
    }

    @AfterEach
    void tearDown() {
        moodle.close();
    }

    /** A deep linking launch shaped like Moodle 4.3's (see the shared capture). */
    LtiLaunch moodleDeepLinkingLaunch(boolean acceptMultiple, List<String> acceptTypes) {
        return new LtiLaunch(
                moodle.platform.id(),
                moodle.platform.issuer(),
                moodle.platform.clientId(),
                "1",
                LtiClaims.DEEP_LINKING_REQUEST,
                endpoints.launchUrl(),
                new LtiLaunch.User("3", "Tina Teacher", "Tina", "Teacher", "teacher1@example.com"),
                new LtiLaunch.Context("2", "LTI101", "LTI Test Course", List.of("CourseSection")),
                null,
                List.of(LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Instructor"),
                Set.of(Role.COACH),
                null,
                null,
                new LtiLaunch.DeepLinking(
                        moodle.url(RETURN_PATH),
                        acceptTypes,
                        List.of("frame", "iframe", "window"),
                        acceptMultiple,
                        false,
                        "Fake LTI 1.3 tool",
                        "",
                        "opaque-platform-data-42"),
                Map.of(),
                null,
                "moodle",
                null);
    }

    RequestPostProcessor viewer(long platformId, long educatorId) {
        return jwt().jwt(j -> j.subject(Long.toString(educatorId))
                        .claim("plt", platformId)
                        .claim("roles", List.of("COACH"))
                        .claim("name", "Tina"))
                .authorities(new SimpleGrantedAuthority("ROLE_COACH"));
    }

    static String hiddenJwt(String html) {
        Matcher matcher = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a JWT form field in " + html).isTrue();
        return matcher.group(1);
    }

    /** Verifies the response as the platform would: with the keys we publish. */
    JWTClaimsSet verifiedWithPublishedJwks(String jwt) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        JWKSet published =
                JWKSet.parse(new TestHttp(port).get("/.well-known/jwks.json").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(key)
                .as("kid " + signed.getHeader().getKeyID() + " published")
                .isNotNull();
        assertThat(signed.verify(new RSASSAVerifier(key))).isTrue();
        return signed.getJWTClaimsSet();
    }

    @Test
    void aCoachPicksTwoLessonsAndTheLmsGetsASignedResponseWithLinksAndColumns() throws Exception {
        String id = requests.start(moodleDeepLinkingLaunch(true, List.of("ltiResourceLink")), coach);

        mvc.perform(get("/coach/deep-linking/" + id).with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Wait time after questions")))
                .andExpect(content().string(containsString("Opening routines")))
                .andExpect(content().string(containsString("type=\"checkbox\"")));
        mvc.perform(get("/coach/deep-linking/" + id + "?q=feedback").with(viewer(moodle.platform.id(), coach)))
                .andExpect(content().string(containsString("Feedback that moves learning")))
                .andExpect(content().string(not(containsString("Opening routines"))));
        // Filters by length and by competency: Feedback takes 9 minutes, the others 10.
        mvc.perform(get("/coach/deep-linking/" + id + "?minutes=9").with(viewer(moodle.platform.id(), coach)))
                .andExpect(content().string(containsString("Feedback that moves learning")))
                .andExpect(content().string(not(containsString("Wait time after questions"))));
        mvc.perform(get("/coach/deep-linking/" + id + "?competency=Questioning techniques")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(content().string(containsString("Wait time after questions")))
                .andExpect(content().string(not(containsString("Feedback that moves learning"))));

        String html = mvc.perform(post("/coach/deep-linking/" + id)
                        .param("lesson", "lesson-42", "lesson-44")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "action=\"" + moodle.url(RETURN_PATH).replace("&", "&amp;") + "\"")))
                .andExpect(content().string(containsString("/js/auto-submit.js")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        JWTClaimsSet claims = verifiedWithPublishedJwks(hiddenJwt(html));
        assertThat(claims.getIssuer()).isEqualTo(moodle.platform.clientId());
        assertThat(claims.getAudience()).containsExactly(moodle.platform.issuer());
        assertThat(claims.getStringClaim("nonce")).isNotBlank();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
        assertThat(claims.getStringClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(LtiClaims.VERSION)).isEqualTo("1.3.0");
        assertThat(claims.getStringClaim(LtiClaims.DEPLOYMENT_ID)).isEqualTo("1");
        assertThat(claims.getStringClaim(LtiClaims.DEEP_LINKING_DATA)).isEqualTo("opaque-platform-data-42");
        List<Object> items = claims.getListClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS);
        assertThat(items).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        assertThat(first)
                .containsEntry("type", "ltiResourceLink")
                .containsEntry("title", "Wait time after questions")
                .containsEntry("text", "Three seconds of silence that change who answers.")
                .containsEntry("url", endpoints.launchUrl())
                .containsEntry("custom", Map.of("lesson", "lesson-42"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lineItem = (Map<String, Object>) first.get("lineItem");
        assertThat(lineItem)
                .containsEntry("label", "Wait time after questions")
                .containsEntry("resourceId", "lesson-42")
                .containsEntry("tag", "lesson");
        assertThat(((Number) lineItem.get("scoreMaximum")).doubleValue()).isEqualTo(100.0);
        Matcher action = Pattern.compile("<form id=\"deep-linking-response\" method=\"post\" action=\"([^\"]*)\"")
                .matcher(html);
        assertThat(action.find()).isTrue();
        assertThat(action.group(1))
                .as("the session token never goes to the LMS")
                .doesNotContain("access_token");

        mvc.perform(post("/coach/deep-linking/" + id)
                        .param("lesson", "lesson-43")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already sent to the LMS")));
    }

    @Test
    void aPlatformAcceptingOneLinkGetsOneAndCancellingAnswersWithNoItems() throws Exception {
        String id = requests.start(moodleDeepLinkingLaunch(false, List.of("ltiResourceLink")), coach);

        mvc.perform(get("/coach/deep-linking/" + id).with(viewer(moodle.platform.id(), coach)))
                .andExpect(content().string(containsString("type=\"radio\"")));
        mvc.perform(post("/coach/deep-linking/" + id)
                        .param("lesson", "lesson-42", "lesson-43")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("takes a single link")));
        mvc.perform(post("/coach/deep-linking/" + id)
                        .param("lesson", "lesson-999")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no lesson lesson-999")));

        String html = mvc.perform(post("/coach/deep-linking/" + id)
                        .param("cancel", "true")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JWTClaimsSet claims = verifiedWithPublishedJwks(hiddenJwt(html));
        assertThat(claims.getListClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS)).isEmpty();
        assertThat(claims.getStringClaim(LtiClaims.DEEP_LINKING_MESSAGE)).isEqualTo("No lesson was added.");
    }

    @Test
    void onlyTheCoachWhoLaunchedMayAnswerAndOnlyWithinTheHour() throws Exception {
        String id = requests.start(moodleDeepLinkingLaunch(true, List.of("ltiResourceLink")), coach);

        mvc.perform(get("/coach/deep-linking/" + id).with(viewer(moodle.platform.id(), coach + 1)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not belong to your session")));
        mvc.perform(get("/coach/deep-linking/" + UUID.randomUUID()).with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isNotFound());

        jdbc.sql("UPDATE lti_deep_linking_request SET created_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(7200)), id)
                .update();
        mvc.perform(post("/coach/deep-linking/" + id)
                        .param("lesson", "lesson-42")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("only waits an hour")));
    }

    @Test
    void aPlaceThatTakesNoLinksSaysSoAndRefusesLessons() throws Exception {
        String id = requests.start(moodleDeepLinkingLaunch(true, List.of("file", "html")), coach);

        mvc.perform(get("/coach/deep-linking/" + id).with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("does not accept")))
                .andExpect(content().string(not(containsString("Wait time after questions"))));
        mvc.perform(post("/coach/deep-linking/" + id)
                        .param("lesson", "lesson-42")
                        .with(viewer(moodle.platform.id(), coach)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("It accepts only file, html")));
    }

    @Test
    void teachersCannotOpenThePicker() throws Exception {
        String id = requests.start(moodleDeepLinkingLaunch(true, List.of("ltiResourceLink")), coach);

        mvc.perform(get("/coach/deep-linking/" + id)
                        .with(jwt().jwt(j -> j.subject(Long.toString(coach))
                                        .claim("plt", moodle.platform.id())
                                        .claim("roles", List.of("TEACHER")))
                                .authorities(new SimpleGrantedAuthority("ROLE_TEACHER"))))
                .andExpect(status().isForbidden());
    }
}
