package org.microlearn.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a random port against the embedded MariaDB. Every test class that
 * uses it shares one application context, so keep extra configuration out of test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "microlearn.admin.token=" + MicrolearnTest.ADMIN_TOKEN,
            // Platform calls: fail fast on the fake platforms' injected timeouts.
            "microlearn.lti.services.connect-timeout=PT1S",
            "microlearn.lti.services.read-timeout=PT2S",
            "microlearn.lti.services.permits-per-second=1000",
            // Grade passback: retry within milliseconds rather than minutes.
            "microlearn.lti.gradebook.poll-interval=PT0.05S",
            "microlearn.lti.gradebook.backoff-base=PT0.02S",
            "microlearn.lti.gradebook.backoff-max=PT0.2S",
            "microlearn.lti.gradebook.line-item-claim-timeout=PT2S",
            // Deep linking picks from a small fixed catalogue (TestLessonCatalogue).
            "microlearn.test.lesson-catalogue=true"
        })
public @interface MicrolearnTest {

    String ADMIN_TOKEN = "test-admin-token";
}
