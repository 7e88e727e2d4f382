package org.microlearn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** Tomcat serves requests from the ForkJoinPool, with Tomcat's own limit on threads. */
@MicrolearnTest
class RequestThreadsTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void requestsRunOnTheForkJoinPoolWithTomcatsThreadLimit() {
        var tomcat = (TomcatWebServer) context.getWebServer();
        var executor = tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor();
        assertThat(executor).isInstanceOf(ForkJoinPool.class);
        ForkJoinPool pool = (ForkJoinPool) executor;
        assertThat(pool.getParallelism()).isEqualTo(200); // server.tomcat.threads.max's default
        assertThat(pool.getAsyncMode()).isTrue();

        for (int i = 0; i < 5; i++) {
            assertThat(new TestHttp(port).get("/actuator/health").statusCode()).isEqualTo(200);
        }
        assertThat(pool.getPoolSize()).as("threads that served the requests").isPositive();
    }
}
