package org.microlearn.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microlearn.MicrolearnApplication;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.FakePlatform;
import org.microlearn.testsupport.LaunchDriver;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/** Two application instances on one MariaDB, as behind a load balancer. */
@MicrolearnTest
class TwoNodesLaunchTest {

    static final String LEARNER = LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner";
    static WireMockServer lms =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static ConfigurableApplicationContext secondNode;

    @Autowired
    PlatformRegistrations registrations;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        lms.start();
        secondNode = new SpringApplicationBuilder(MicrolearnApplication.class)
                .properties("server.port=0", "spring.jmx.enabled=false")
                .run();
    }

    @AfterAll
    static void stop() {
        secondNode.close();
        lms.stop();
    }

    @Test
    void aLoginOnOneNodeFinishesOnTheOtherAndAReplayFailsOnEither() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        registrations.register(moodle.registration());
        TestHttp nodeA = new TestHttp(port);
        TestHttp nodeB =
                new TestHttp(Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port")));

        LaunchDriver.Login login = new LaunchDriver(nodeA).login(moodle, "4");
        String idToken = moodle.sign(moodle.resourceLinkLaunch(login.nonce(), LaunchDriver.TARGET, "4", LEARNER)
                .build());

        HttpResponse<String> onB = new LaunchDriver(nodeB).launch(login, idToken);
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(302);
        String location = onB.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/learn"));
        // The session issued by node B is good on node A: the signing key is shared through the database.
        HttpResponse<String> pageOnA = nodeA.get(path);
        assertThat(pageOnA.statusCode()).isEqualTo(200);
        assertThat(pageOnA.body()).contains("Sam Student");

        LaunchChecksTest.assertRejected(new LaunchDriver(nodeA).launch(login, idToken), 400, "state", "already used");
        LaunchChecksTest.assertRejected(new LaunchDriver(nodeB).launch(login, idToken), 400, "state", "already used");
    }
}
