package org.microlearn.lti.submissionreview;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@MicrolearnTest
class SubmissionReviewPageTest {

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
    void showsTheTeacherAndTheLessonLinkUntilAttemptsExist() throws Exception {
        mvc.perform(get("/coach/submission-review")
                        .param("user", subject)
                        .param("resourceLink", "rl-7")
                        .with(coach(platformId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sam Student")))
                .andExpect(content().string(containsString("Link rl-7")))
                .andExpect(content().string(containsString("lesson-42")))
                .andExpect(content().string(containsString("Attempts and evidence will appear here")));
    }

    @Test
    void aTeacherUnknownOnThisPlatformIsNotFound() throws Exception {
        mvc.perform(get("/coach/submission-review").param("user", subject).with(coach(platformId + 1)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has not opened Microlearn")));
    }
}
