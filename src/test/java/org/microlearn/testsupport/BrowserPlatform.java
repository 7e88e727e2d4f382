package org.microlearn.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.PlatformRequest;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A Moodle-like platform a real browser can use, on 127.0.0.1 (another site than the tool on
 * localhost): a course page framing the tool, a platform storage frame speaking the 1EdTech
 * postMessage protocol, an OIDC authorization endpoint that signs the id_token, and its JWKS.
 * A small JDK HTTP server, because the authorization endpoint must sign each nonce.
 */
public final class BrowserPlatform implements AutoCloseable {

    private final HttpServer server;
    private final int toolPort;
    private final com.nimbusds.jose.jwk.RSAKey key = FakePlatform.newKey();
    private final String clientId = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger storagePuts = new AtomicInteger();
    private final AtomicInteger storageGets = new AtomicInteger();
    private volatile Person person =
            new Person("4", "Sam Student", LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner", Map.of());

    /**
     * Who the platform signs the next launches for: the user id, name, one LTI role URI and the
     * link's custom parameters (e.g. {@code lesson}).
     */
    public record Person(String subject, String name, String role, Map<String, String> custom) {}

    /** The next launches are made by this person. */
    public BrowserPlatform launchAs(Person next) {
        this.person = next;
        return this;
    }

    public BrowserPlatform(int toolPort) {
        this.toolPort = toolPort;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/course", this::course);
        server.createContext("/storage", exchange -> html(exchange, storageFrame()));
        server.createContext("/auth", this::authorize);
        server.createContext(
                "/jwks", exchange -> send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/stored", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            (query.contains("get") ? storageGets : storagePuts).incrementAndGet();
            send(exchange, 204, "text/plain", "");
        });
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String toolOrigin() {
        return "http://localhost:" + toolPort;
    }

    public PlatformRequest registration() {
        return new PlatformRequest(
                origin(),
                clientId,
                "Browser Moodle",
                origin() + "/auth",
                origin() + "/token",
                origin() + "/jwks",
                null,
                false,
                List.of("1"));
    }

    /** The course page: {@code withStorage} decides whether the platform offers LTI platform storage. */
    public String courseUrl(boolean withStorage) {
        return origin() + "/course?storage=" + withStorage;
    }

    public int storagePuts() {
        return storagePuts.get();
    }

    public int storageGets() {
        return storageGets.get();
    }

    private void course(HttpExchange exchange) throws IOException {
        boolean storage = exchange.getRequestURI().getQuery().contains("storage=true");
        UriComponentsBuilder login = UriComponentsBuilder.fromUriString(toolOrigin() + "/lti/login")
                .queryParam("iss", origin())
                .queryParam("login_hint", person.subject())
                .queryParam("target_link_uri", LaunchDriver.TARGET)
                .queryParam("client_id", clientId)
                .queryParam("lti_deployment_id", "1");
        if (storage) {
            login.queryParam("lti_storage_target", "post_message_forwarding");
        }
        html(exchange, """
                <!DOCTYPE html><html lang="en"><head><title>LTI Test Course</title></head><body>
                <h1>LTI Test Course</h1>
                %s
                <iframe id="tool" name="tool" title="Microlearn" src="%s" width="1000" height="700"></iframe>
                </body></html>""".formatted(
                        storage ? "<iframe name=\"post_message_forwarding\" src=\"/storage\" hidden></iframe>" : "",
                        HtmlUtils.htmlEscape(login.build().encode().toUriString())));
    }

    /** The platform side of LTI platform storage; answers only the tool's origin. */
    private String storageFrame() {
        return """
                <!DOCTYPE html><html><body><script>
                const toolOrigin = '%s';
                const store = {};
                window.addEventListener('message', function (event) {
                  if (event.origin !== toolOrigin || !event.data || !event.data.subject) { return; }
                  const m = event.data;
                  if (m.subject === 'lti.put_data') {
                    store[m.key] = m.value;
                    fetch('/stored?put');
                    event.source.postMessage({subject: 'lti.put_data.response', message_id: m.message_id, key: m.key, value: m.value}, event.origin);
                  } else if (m.subject === 'lti.get_data') {
                    fetch('/stored?get');
                    event.source.postMessage({subject: 'lti.get_data.response', message_id: m.message_id, key: m.key, value: store[m.key]}, event.origin);
                  }
                });
                </script></body></html>""".formatted(toolOrigin());
    }

    /** OIDC authorization: the user is logged in; sign the launch and form-post it to the tool. */
    private void authorize(HttpExchange exchange) throws IOException {
        var query =
                UriComponentsBuilder.fromUri(exchange.getRequestURI()).build().getQueryParams();
        String nonce = decode(query.getFirst("nonce"));
        String state = decode(query.getFirst("state"));
        Person who = person;
        String idToken = FakePlatform.sign(
                new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .issuer(origin())
                        .audience(clientId)
                        .subject(who.subject())
                        .issueTime(new java.util.Date())
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
                        .claim("nonce", nonce)
                        .claim("name", who.name())
                        .claim(LtiClaims.DEPLOYMENT_ID, "1")
                        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                        .claim(LtiClaims.VERSION, "1.3.0")
                        .claim(LtiClaims.TARGET_LINK_URI, LaunchDriver.TARGET)
                        .claim(LtiClaims.ROLES, List.of(who.role()))
                        .claim(LtiClaims.CUSTOM, who.custom())
                        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "1", "title", "Ten-minute lessons"))
                        .claim(LtiClaims.CONTEXT, Map.of("id", "2", "label", "LTI101", "title", "LTI Test Course"))
                        .build(),
                key);
        html(exchange, """
                <!DOCTYPE html><html><body onload="document.forms[0].submit()">
                <form method="post" action="%s/lti/launch">
                <input type="hidden" name="id_token" value="%s"><input type="hidden" name="state" value="%s">
                </form></body></html>""".formatted(toolOrigin(), idToken, HtmlUtils.htmlEscape(state)));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void html(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
