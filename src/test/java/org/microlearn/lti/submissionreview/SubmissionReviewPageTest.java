package org.microlearn.lti.submissionreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.session.SessionTokens;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@MicrolearnTest
class SubmissionReviewPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    long platformId;
    String subject;

    @BeforeEach
    void aTeacherWithALessonLink() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        LtiTestData data = new LtiTestData(jdbc);
        platformId = 900_000 + (long) (Math.random() * 90_000);
        subject = "u-" + UUID.randomUUID();
        data.educator(platformId, subject, "Sam Student");
        long course = data.course(platformId, "2");
        data.resourceLink(platformId, "rl-7", course, null, "lesson-42");
    }

    RequestPostProcessor coach(long platform) {
        return jwt().jwt(j -> j.subject("1").claim("plt", platform).claim("roles", List.of("COACH")))
                .authorities(new SimpleGrantedAuthority("ROLE_COACH"));
    }

    @Test
    void showsTheTeacherAndTheLessonLinkUntilTheyCompleteALesson() throws Exception {
        mvc.perform(get("/coach/submission-review")
                        .param("user", subject)
                        .param("resourceLink", "rl-7")
                        .with(coach(platformId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sam Student")))
                .andExpect(content().string(containsString("Link rl-7")))
                .andExpect(content().string(containsString("lesson-42")))
                .andExpect(content().string(containsString("No lesson completed yet")));
    }

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LessonProgress progress;

    @Autowired
    LessonCatalog lessons;

    @Test
    void aCompletedLessonOfTheLinkOpensItsAttemptAndEvidenceForReview() {
        long district = Educators.district();
        Educators educators = new Educators(people, tokens);
        Educators.Signed teacher = educators.teacher(district, "Tess Teacher");
        Educators.Signed coach = educators.coach(district, "Cora Coach");
        LessonVersion lesson = lessons.currentVersion(
                        district,
                        lessons.search(district, LessonFilter.all()).get(1).lessonId())
                .orElseThrow();
        progress.start(teacher.viewer(), lesson.lessonId());
        for (int i = 0; i < lesson.body().sections().size(); i++) {
            progress.finishSection(teacher.viewer(), lesson.lessonId(), i);
        }
        progress.answer(teacher.viewer(), lesson.lessonId(), 0);
        progress.reflect(teacher.viewer(), lesson.lessonId(), "Reflection");
        long attempt = progress.submit(teacher.viewer(), lesson.lessonId(), "https://example.org/plan", null, null)
                .id();
        LtiTestData data = new LtiTestData(jdbc);
        data.resourceLink(district, "rl-linked", teacher.viewer().courseId(), null, Long.toString(lesson.lessonId()));
        data.resourceLink(district, "rl-other", teacher.viewer().courseId(), null, "999999");
        String user =
                people.educator(district, teacher.educatorId()).orElseThrow().subject();
        TestHttp http = new TestHttp(port);

        HttpResponse<String> linked =
                http.get(coach.at("/coach/submission-review?user=" + user + "&resourceLink=rl-linked"));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(linked.headers().firstValue("Location").orElseThrow())
                .contains("/coach/reviews/" + attempt + "?access_token=");
        HttpResponse<String> review =
                http.get(linked.headers().firstValue("Location").orElseThrow());
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("https://example.org/plan");

        HttpResponse<String> other =
                http.get(coach.at("/coach/submission-review?user=" + user + "&resourceLink=rl-other"));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body())
                .contains(lesson.title())
                .containsPattern("href=\"/coach/reviews/" + attempt + "\\?access_token=");
    }

    @Test
    void aTeacherUnknownOnThisPlatformIsNotFound() throws Exception {
        mvc.perform(get("/coach/submission-review").param("user", subject).with(coach(platformId + 1)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has not opened Microlearn")));
    }
}
