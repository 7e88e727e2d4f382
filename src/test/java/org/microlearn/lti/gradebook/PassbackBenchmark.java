package org.microlearn.lti.gradebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.shared.GradebookScoreChanged;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.WireMockLms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grade passback throughput against local WireMock platforms, with and without injected faults.
 * Not part of the build: run it with
 *
 * <pre>./mvnw -B test -Dtest=PassbackBenchmark -Dgroups=benchmark -DexcludedGroups=none [-Dbench.backlog=100000]</pre>
 *
 * Results go to stdout and {@code target/benchmark/passback.md}; see docs/performance.md.
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "microlearn.lti.services.permits-per-second=1000000",
            "microlearn.lti.services.read-timeout=PT2S",
            "microlearn.lti.gradebook.poll-interval=PT0.02S",
            "microlearn.lti.gradebook.batch-size=500",
            "microlearn.lti.gradebook.threads=4",
            "microlearn.lti.gradebook.backoff-base=PT0.2S",
            "microlearn.lti.gradebook.backoff-max=PT2S",
            "logging.level.org.microlearn.lti.gradebook=ERROR"
        })
class PassbackBenchmark {

    static final String LINEITEMS = "/mod/lti/services.php/2/lineitems";
    static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
    static final int FAULTY_BACKLOG = Integer.getInteger("bench.faulty-backlog", 20_000);
    static final List<String> report = new ArrayList<>();

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    /** Counts accepted scores per user and fails a share of requests as configured. */
    static final class ScoreSink implements ResponseDefinitionTransformerV2 {
        final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        final AtomicLong served = new AtomicLong();
        volatile double serverErrors;
        volatile double resets;
        volatile double throttles;

        @Override
        public String getName() {
            return "score-sink";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            served.incrementAndGet();
            double dice = ThreadLocalRandom.current().nextDouble();
            if (dice < resets) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withFault(Fault.CONNECTION_RESET_BY_PEER)
                        .build();
            }
            if (dice < resets + throttles) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .build();
            }
            if (dice < resets + throttles + serverErrors) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(500)
                        .build();
            }
            String body = event.getRequest().getBodyAsString();
            int start = body.indexOf("\"userId\":\"") + 10;
            String user = body.substring(start, body.indexOf('"', start));
            accepted.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .build();
        }
    }

    record Setup(WireMockLms platform, ScoreSink sink, long course) {}

    Setup platformWithBacklog(int backlog) {
        ScoreSink sink = new ScoreSink();
        WireMockLms moodle = WireMockLms.moodle(
                registrations,
                port,
                options -> options.extensions(sink)
                        .disableRequestJournal()
                        .containerThreads(32)
                        .jettyAcceptors(1));
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS)))
                .willReturn(aResponse()
                        .withBody("[{\"id\": \"" + moodle.url(LINEITEMS + "/5/lineitem?type_id=1")
                                + "\", \"label\": \"Lesson 1\", \"resourceId\": \"lesson-1\", \"tag\": \"lesson\"}]")));
        moodle.server.stubFor(moodle.authorized(post(urlPathMatching(LINEITEMS + "/5/lineitem/scores")))
                .willReturn(aResponse().withTransformers("score-sink")));
        long course = new LtiTestData(jdbc)
                .courseWithServices(moodle.platform.id(), moodle.url(LINEITEMS + "?type_id=1"), null, "moodle");
        long platformId = moodle.platform.id();
        // MariaDB's sequence engine makes the teachers in one statement.
        jdbc.sql(
                        "INSERT INTO educator (platform_id, subject, name) SELECT ?, CONCAT('b-', seq), CONCAT('Teacher ', seq)"
                                + " FROM seq_1_to_" + backlog)
                .param(platformId)
                .update();
        return new Setup(moodle, sink, course);
    }

    /** The whole backlog becomes due in one commit, as after an outage or a bulk re-grade. */
    void enqueue(Setup setup) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO lti_score_delivery (platform_id, course_id, educator_id, column_key, resource_id, tag,
                            label, column_maximum, score_given, score_maximum, activity_progress, grading_progress,
                            score_timestamp, status, version, attempts, next_attempt_at)
                        SELECT platform_id, ?, id, ?, 'lesson-1', 'lesson', 'Lesson 1', 100, 80, 100, 'Completed',
                               'FullyGraded', ?, 'PENDING', 1, 0, ?
                        FROM educator WHERE platform_id = ?""")
                .params(
                        setup.course(),
                        ColumnKeys.lineItem("lesson", "lesson-1"),
                        now,
                        now,
                        setup.platform().platform.id())
                .update();
    }

    long delivered(List<Setup> setups) {
        long total = 0;
        for (Setup setup : setups) {
            total += jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE course_id = ? AND status = 'DELIVERED'")
                    .param(setup.course())
                    .query(Long.class)
                    .single();
        }
        return total;
    }

    Duration drain(String name, List<Setup> setups, int total) throws InterruptedException {
        long started = System.nanoTime();
        setups.forEach(this::enqueue);
        long lastReport = started;
        long done;
        while ((done = delivered(setups)) < total) {
            Thread.sleep(250);
            if (System.nanoTime() - lastReport > Duration.ofSeconds(15).toNanos()) {
                lastReport = System.nanoTime();
                System.out.printf(
                        "  %s: %,d of %,d delivered after %.0f s%n", name, done, total, (lastReport - started) / 1e9);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long requests = setups.stream().mapToLong(s -> s.sink().served.get()).sum();
        String line = String.format(
                Locale.ROOT,
                "| %s | %,d | %.1f s | %,.0f /s | %,d |",
                name,
                total,
                elapsed.toMillis() / 1000.0,
                total / (elapsed.toMillis() / 1000.0),
                requests);
        report.add(line);
        System.out.println(line);
        for (Setup setup : setups) {
            assertThat(setup.sink().accepted).hasSize(total / setups.size());
            assertThat(setup.sink().accepted.values())
                    .as("every score accepted exactly once")
                    .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            setup.platform().close();
        }
        return elapsed;
    }

    @Test
    void eventsIntoTheOutbox() throws InterruptedException {
        Setup setup = platformWithBacklog(2_000);
        List<Long> educators = jdbc.sql("SELECT id FROM educator WHERE platform_id = ?")
                .param(setup.platform().platform.id())
                .query(Long.class)
                .list();
        long started = System.nanoTime();
        Instant at = Instant.now();
        for (long educator : educators) {
            transactions.executeWithoutResult(status -> events.publishEvent(new GradebookScoreChanged(
                    setup.platform().platform.id(),
                    setup.course(),
                    educator,
                    new GradebookScoreChanged.Column("lesson-1", "lesson", "Lesson 1", 100, null),
                    80,
                    100,
                    "Completed",
                    "FullyGraded",
                    null,
                    at,
                    null,
                    at)));
        }
        long recorded;
        while ((recorded = jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE course_id = ?")
                        .param(setup.course())
                        .query(Long.class)
                        .single())
                < educators.size()) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format(
                Locale.ROOT,
                "| events published (one transaction each) until all are in the outbox | %,d | %.1f s | %,.0f /s | — |",
                recorded,
                seconds,
                recorded / seconds);
        report.add(line);
        System.out.println(line);
        // Its platform goes away now; its scores must not keep the worker busy in later runs.
        jdbc.sql("DELETE FROM lti_score_delivery WHERE course_id = ?")
                .param(setup.course())
                .update();
        setup.platform().close();
    }

    @Test
    void drainWithoutFaults() throws Exception {
        drain("backlog, 1 platform, no faults", List.of(platformWithBacklog(BACKLOG)), BACKLOG);
        List<Setup> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(platformWithBacklog(BACKLOG / 4));
        }
        drain("backlog, 4 platforms in parallel, no faults", four, BACKLOG / 4 * 4);
    }

    @Test
    void drainWithFaults() throws Exception {
        Setup setup = platformWithBacklog(FAULTY_BACKLOG);
        setup.sink().serverErrors = 0.05;
        setup.sink().resets = 0.01;
        setup.sink().throttles = 0.001;
        drain(
                "backlog, 1 platform, 5% HTTP 500, 1% connection resets, 0.1% 429 (Retry-After: 1)",
                List.of(setup), FAULTY_BACKLOG);
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path out = Path.of("target/benchmark/passback.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("| run | scores | time | scores/s | score requests served |");
        lines.add("|---|---|---|---|---|");
        lines.addAll(report);
        Files.write(out, lines);
    }
}
