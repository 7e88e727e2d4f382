package org.microlearn.lti.roster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.launch.LtiRoles;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.services.Member;
import org.microlearn.lti.services.NrpsClient;
import org.microlearn.people.People;
import org.microlearn.shared.Role;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
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
class RosterTest {

    @org.springframework.beans.factory.annotation.Autowired
    People people;

    static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String MOODLE_MEMBERS = "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";
    static final String CANVAS_MEMBERS = "/api/lti/courses/7/names_and_roles";

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    NrpsClient nrps;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @LocalServerPort
    int port;

    MockMvc mvc;
    LtiTestData data;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        data = new LtiTestData(jdbc);
    }

    static String member(String id, String name, String... roles) {
        return """
                {"user_id": "%s", "status": "Active", "name": "%s", "email": "%s@example.org", "roles": [%s]}""".formatted(
                        id,
                        name,
                        id,
                        java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(",")));
    }

    static String container(String id, List<String> members) {
        return "{\"id\": \"" + id + "\", \"context\": {\"id\": \"2\"}, \"members\": [" + String.join(",", members)
                + "]}";
    }

    /** Canvas: pages of 50 with a Link header (rel=current, next, first, last), long role URIs. */
    void canvasServesThreePages(WireMockLms canvas) {
        List<String> all = new ArrayList<>();
        all.add(member("t-1", "Cora Coach", LIS + "Instructor"));
        all.add(member("a-1", "Ada Admin", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"));
        IntStream.range(0, 103).forEach(i -> all.add(member("s-" + i, "Teacher " + i, LIS + "Learner")));
        for (int page = 1; page <= 3; page++) {
            List<String> members = all.subList((page - 1) * 50, Math.min(page * 50, all.size()));
            String self = canvas.url(CANVAS_MEMBERS + "?page=" + page + "&per_page=50");
            String links = "<" + self + ">; rel=\"current\","
                    + (page < 3
                            ? "<" + canvas.url(CANVAS_MEMBERS + "?page=" + (page + 1) + "&per_page=50")
                                    + ">; rel=\"next\","
                            : "")
                    + "<" + canvas.url(CANVAS_MEMBERS + "?page=1&per_page=50") + ">; rel=\"first\","
                    + "<" + canvas.url(CANVAS_MEMBERS + "?page=3&per_page=50") + ">; rel=\"last\"";
            canvas.server.stubFor(canvas.authorized(WireMock.get(urlPathEqualTo(CANVAS_MEMBERS)))
                    .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", NrpsClient.MEMBERSHIP_CONTAINER)
                            .withHeader("Link", links)
                            .withBody(container(self, members))));
        }
    }

    @Test
    void readsEveryCanvasPageWithLongRoleNames() {
        try (WireMockLms canvas = WireMockLms.canvas(registrations, port)) {
            canvasServesThreePages(canvas);

            List<Member> members = nrps.members(canvas.platform, canvas.url(CANVAS_MEMBERS), null, null);

            assertThat(members).hasSize(105);
            assertThat(members.get(0).name()).isEqualTo("Cora Coach");
            canvas.server.verify(
                    3,
                    getRequestedFor(urlPathEqualTo(CANVAS_MEMBERS))
                            .withHeader("Accept", equalTo(NrpsClient.MEMBERSHIP_CONTAINER)));
            assertThat(canvas.tokens.scopesRequested)
                    .containsExactly("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
        }
    }

    @Test
    void filtersByResourceLinkAndByShortOrLongRoleEvenWhereThePlatformIgnoresTheFilter() {
        try (WireMockLms moodle = WireMockLms.moodle(registrations, port)) {
            moodle.server.stubFor(moodle.authorized(WireMock.get(urlPathEqualTo(MOODLE_MEMBERS)))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", NrpsClient.MEMBERSHIP_CONTAINER)
                            .withBody(container(
                                    moodle.url(MOODLE_MEMBERS),
                                    List.of(
                                            member("4", "Sam Student", "Learner"),
                                            member("5", "Sue Student", "Learner"),
                                            member("3", "Tina Teacher", "Instructor"))))));

            List<Member> learners = nrps.members(moodle.platform, moodle.url(MOODLE_MEMBERS), "1", LIS + "Learner");
            List<Member> instructors = nrps.members(moodle.platform, moodle.url(MOODLE_MEMBERS), null, "Instructor");

            assertThat(learners).extracting(Member::userId).containsExactly("4", "5");
            assertThat(instructors).extracting(Member::userId).containsExactly("3");
            moodle.server.verify(getRequestedFor(urlEqualTo(MOODLE_MEMBERS
                    + "?rlid=1&role=http%3A%2F%2Fpurl.imsglobal.org%2Fvocab%2Flis%2Fv2%2Fmembership%23Learner")));
            moodle.server.verify(getRequestedFor(urlEqualTo(MOODLE_MEMBERS + "?role=Instructor")));
        }
    }

    @Test
    void mapsLisRolesToMicrolearnRoles() {
        assertThat(LtiRoles.of(List.of("Learner"))).containsExactly(Role.TEACHER);
        assertThat(LtiRoles.of(List.of(LIS + "Mentor"))).containsExactly(Role.COACH);
        assertThat(LtiRoles.of(
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")))
                .containsExactly(Role.COACH);
        assertThat(LtiRoles.of(List.of(
                        LIS + "Instructor", "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")))
                .containsExactlyInAnyOrder(Role.COACH, Role.ADMIN);
        assertThat(LtiRoles.of(List.of(LIS + "ContentDeveloper"))).isEmpty();
    }

    RequestPostProcessor coach(long platformId, long courseId, String role) {
        return jwt().jwt(j -> j.subject("1")
                        .claim("plt", platformId)
                        .claim("crs", courseId)
                        .claim("roles", List.of(role))
                        .claim("name", "Cora"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void aCoachRefreshesTheCachedRosterAndSeesMicrolearnRoles() throws Exception {
        try (WireMockLms canvas = WireMockLms.canvas(registrations, port)) {
            canvasServesThreePages(canvas);
            long course = data.courseWithServices(canvas.platform.id(), null, canvas.url(CANVAS_MEMBERS), "canvas");
            long platform = canvas.platform.id();

            mvc.perform(get("/coach/roster").with(coach(platform, course, "COACH")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("has not been loaded from the LMS yet")));
            mvc.perform(post("/coach/roster/refresh").with(coach(platform, course, "COACH")))
                    .andExpect(redirectedUrlPattern("/coach/roster?refreshed=105*"));
            mvc.perform(get("/coach/roster").with(coach(platform, course, "COACH")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Cora Coach")))
                    .andExpect(content().string(containsString("COACH")))
                    .andExpect(content().string(containsString("Teacher 102")))
                    .andExpect(content().string(containsString("105</span> members")));
            assertThat(jdbc.sql("SELECT roles FROM lti_roster_member WHERE course_id = ? AND user_id = 'a-1'")
                            .param(course)
                            .query(String.class)
                            .single())
                    .isEqualTo("ADMIN");
            // Everyone the LMS lists becomes a member of the course, so coaches can assign them lessons
            // before their first launch (the coach's people page and assignment targets read this).
            List<People.Member> members = people.roster(platform, course);
            assertThat(members).hasSize(105);
            assertThat(members)
                    .filteredOn(m -> m.name().equals("Teacher 102"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.isTeacher()).isTrue());

            // Only coaches and admins see the roster; another platform's coach sees nothing of it.
            mvc.perform(get("/coach/roster").with(coach(platform, course, "TEACHER")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/coach/roster").with(coach(platform + 100_000, course, "COACH")))
                    .andExpect(content().string(not(containsString("Cora Coach"))));
        }
    }

    @Test
    void aCourseWithoutNamesAndRolesSaysHowToEnableIt() throws Exception {
        try (WireMockLms moodle = WireMockLms.moodle(registrations, port)) {
            long course = data.courseWithServices(moodle.platform.id(), null, null, "moodle");

            mvc.perform(post("/coach/roster/refresh").with(coach(moodle.platform.id(), course, "COACH")))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("enable &quot;Names and roles&quot;")));
        }
    }

    @Test
    void aPlatformThatRefusesTheMemberListIsReportedOnThePage() throws Exception {
        try (WireMockLms moodle = WireMockLms.moodle(registrations, port)) {
            long course = data.courseWithServices(moodle.platform.id(), null, moodle.url(MOODLE_MEMBERS), "moodle");
            moodle.server.stubFor(moodle.authorized(WireMock.get(urlPathEqualTo(MOODLE_MEMBERS)))
                    .willReturn(aResponse().withStatus(403).withBody("{\"error\":\"not allowed\"}")));

            mvc.perform(post("/coach/roster/refresh").with(coach(moodle.platform.id(), course, "ADMIN")))
                    .andExpect(status().isBadGateway())
                    .andExpect(content().string(containsString("did not hand over the member list (HTTP 403)")));
        }
    }
}
