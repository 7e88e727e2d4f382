package org.microlearn.bench;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.testsupport.FakePlatform;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Full LTI launches against a running Microlearn, as a browser makes them: the login (302 with a
 * cookie), the platform's form post of a freshly signed id_token with that cookie (302), and the
 * landing page (200). Reports launches per second, latency percentiles and the tool process's CPU
 * time per launch, read from /proc. Not a test: tagged {@code benchmark} (excluded from
 * {@code verify}) and run by bench/launch-benchmark.sh, which starts the tool and passes
 * {@code bench.tool}, {@code bench.pids}, {@code bench.token}, {@code bench.threads},
 * {@code bench.seconds} and {@code bench.landing} (true to also load the page the launch lands on).
 */
@Tag("benchmark")
class LaunchBenchmark {

    private static final String LEARNER = LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner";

    static {
        // HttpURLConnection keeps at most 5 idle connections per host by default; the open loop's
        // workers need more, or they open a new connection per request.
        System.setProperty("http.maxConnections", "64");
    }

    private String tool;
    private final RSAKey key = FakePlatform.newKey();
    private String issuer;
    private final String clientId = "bench";
    private final AtomicLong users = new AtomicLong();
    private boolean landing;

    private static LaunchBenchmark against(String tool, String issuer, boolean landing) {
        LaunchBenchmark bench = new LaunchBenchmark();
        bench.tool = tool;
        bench.issuer = issuer;
        bench.landing = landing;
        return bench;
    }

    @Test
    void launches() throws Exception {
        String tool = System.getProperty("bench.tool");
        Assumptions.assumeTrue(tool != null, "run through bench/launch-benchmark.sh");
        List<Long> pids = Arrays.stream(System.getProperty("bench.pids").split(","))
                .map(Long::parseLong)
                .toList();
        String adminToken = System.getProperty("bench.token");
        int threads = Integer.getInteger("bench.threads", 4);
        int seconds = Integer.getInteger("bench.seconds", 20);
        boolean landing = Boolean.parseBoolean(System.getProperty("bench.landing", "true"));

        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + platform.getAddress().getPort();
        LaunchBenchmark bench = against(tool, issuer, landing);
        System.out.println(landing ? "Each launch: login, launch, landing page" : "Each launch: login and launch");
        String jwks = new JWKSet(bench.key.toPublicJWK()).toString();
        platform.createContext("/jwks", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        platform.start();
        bench.register(adminToken);

        System.out.printf("Warm-up: %d s, %d threads%n", seconds, threads);
        bench.closedLoop(threads, seconds, pids);
        Result max = bench.closedLoop(threads, seconds, pids);
        System.out.println("Maximum rate (closed loop): " + max);
        double half = max.launchesPerSecond() / 2;
        Result paced = bench.openLoop(half, seconds, pids);
        System.out.printf("At half the maximum rate (%.0f launches/s, open loop): %s%n", half, paced);
        platform.stop(0);
    }

    record Result(
            long launches,
            long failures,
            double seconds,
            double toolCpuMsPerLaunch,
            double dbCpuMsPerLaunch,
            double clientCpuMsPerLaunch,
            double p50,
            double p95,
            double p99) {
        double launchesPerSecond() {
            return launches / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d launches (%d failed) in %.1f s = %.0f launches/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
                            + " tool CPU %.3f ms/launch, MariaDB CPU %.3f ms/launch, client CPU %.3f ms/launch",
                    launches,
                    failures,
                    seconds,
                    launchesPerSecond(),
                    p50,
                    p95,
                    p99,
                    toolCpuMsPerLaunch,
                    dbCpuMsPerLaunch,
                    clientCpuMsPerLaunch);
        }
    }

    private void register(String adminToken) throws Exception {
        String body = """
                {"issuer": "%s", "clientId": "%s", "authorizationUrl": "%s/auth", "tokenUrl": "%s/token",
                 "jwksUrl": "%s/jwks", "deploymentIds": ["1"]}""".formatted(issuer, clientId, issuer, issuer, issuer);
        Answer response = exchange(
                "POST",
                tool + "/api/admin/platforms",
                Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"),
                body);
        if (response.status() != 201 && response.status() != 409) {
            throw new IllegalStateException("Cannot register the benchmark platform: " + response.body());
        }
    }

    /** One full launch; returns its latency in nanoseconds, or -1 when a step failed. */
    private long launch() {
        long start = System.nanoTime();
        try {
            String subject = "bench-" + (users.incrementAndGet() % 5000);
            String login = tool + "/lti/login?iss=" + encode(issuer) + "&client_id=" + clientId + "&login_hint="
                    + subject + "&lti_deployment_id=1&target_link_uri=" + encode(tool + "/lti/launch");
            Answer redirect = exchange("GET", login, Map.of(), null);
            if (redirect.status() != 302) {
                return -1;
            }
            var query = UriComponentsBuilder.fromUriString(redirect.location())
                    .build()
                    .getQueryParams();
            String cookie = redirect.setCookie().split(";", 2)[0];
            String idToken = FakePlatform.sign(claims(decode(query.getFirst("nonce")), subject), key);
            String form = "id_token=" + idToken + "&state=" + decode(query.getFirst("state"));
            Answer launched = exchange(
                    "POST",
                    tool + "/lti/launch",
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie),
                    form);
            if (launched.status() != 302) {
                return -1;
            }
            if (!this.landing) {
                return System.nanoTime() - start;
            }
            String landing = launched.location();
            Answer page = exchange("GET", landing.startsWith("http") ? landing : tool + landing, Map.of(), null);
            return page.status() == 200 ? System.nanoTime() - start : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private record Answer(int status, String location, String setCookie, String body) {}

    /**
     * One request on a kept-alive connection, answered on the calling thread: the JDK's blocking
     * client, whose CPU per request is a fraction of {@code java.net.http.HttpClient}'s (a selector
     * thread and an executor hop per request), so the load generator takes less of the two cores
     * it shares with the tool. Redirects are not followed: the benchmark follows them itself.
     */
    private static Answer exchange(String method, String url, Map<String, String> headers, String body)
            throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            connection.setDoOutput(true);
            try (var out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (in != null) {
            try (in) { // read to the end, so the connection is kept alive for the next request
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(status, connection.getHeaderField("Location"), connection.getHeaderField("Set-Cookie"), text);
    }

    private JWTClaimsSet claims(String nonce, String subject) {
        Date now = new Date();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(clientId)
                .subject(subject)
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + 60_000))
                .claim("nonce", nonce)
                .claim("name", "Teacher " + subject)
                .claim(LtiClaims.DEPLOYMENT_ID, "1")
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.TARGET_LINK_URI, tool + "/lti/launch")
                .claim(LtiClaims.ROLES, List.of(LEARNER))
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "1", "title", "Ten-minute lessons"))
                .claim(LtiClaims.CONTEXT, Map.of("id", "2", "label", "LTI101", "title", "LTI Test Course"))
                .claim(
                        LtiClaims.AGS_ENDPOINT,
                        Map.of(
                                "scope", List.of(LtiClaims.SCOPE_SCORE),
                                "lineitems", issuer + "/lineitems",
                                "lineitem", issuer + "/lineitems/1/lineitem"))
                .build();
    }

    private Result closedLoop(int threads, int seconds, List<Long> pids) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[] cpuBefore = cpu(pids);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long latency = launch();
                    if (latency < 0) {
                        failures.incrementAndGet();
                    } else {
                        latencies.add(latency);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return result(latencies, failures.get(), System.nanoTime() - start, cpuBefore, cpu(pids));
    }

    /** Starts launches at a fixed rate, timing each from its scheduled start (no coordinated omission). */
    private Result openLoop(double perSecond, int seconds, List<Long> pids) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long interval = (long) (1_000_000_000L / perSecond);
        long total = (long) (perSecond * seconds);
        long[] cpuBefore = cpu(pids);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            ticker.schedule(
                    () -> workers.submit(() -> {
                        long latency = launch();
                        if (latency < 0) {
                            failures.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - scheduled);
                        }
                    }),
                    scheduled - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        return result(latencies, failures.get(), System.nanoTime() - start, cpuBefore, cpu(pids));
    }

    private static Result result(List<Long> latencies, int failures, long elapsed, long[] before, long[] after) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long n = sorted.size();
        double toolMs = (after[0] - before[0]) * 1000.0 / ticksPerSecond() / Math.max(1, n);
        double dbMs = (after[1] - before[1]) * 1000.0 / ticksPerSecond() / Math.max(1, n);
        double clientMs = (after[2] - before[2]) * 1000.0 / ticksPerSecond() / Math.max(1, n);
        return new Result(
                n,
                failures,
                elapsed / 1e9,
                toolMs,
                dbMs,
                clientMs,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    /** CPU ticks (user + system) of the tool JVM, of its MariaDB processes and of this client. */
    private static long[] cpu(List<Long> pids) throws IOException {
        long tool = ticks(pids.get(0));
        long db = 0;
        for (long pid : pids.subList(1, pids.size())) {
            db += ticks(pid);
        }
        return new long[] {tool, db, ticks(ProcessHandle.current().pid())};
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static long ticksPerSecond() {
        return 100; // USER_HZ on Linux
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
