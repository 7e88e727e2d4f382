package org.microlearn.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.PlatformRequest;

/**
 * An LMS for tests: a real RSA key generated here, its JWKS served by WireMock, and id_tokens
 * shaped like the ones Moodle 4.3 (see shared/reference) and Canvas really send.
 */
public final class FakePlatform {

    public enum Kind {
        MOODLE,
        CANVAS
    }

    private final Kind kind;
    private final WireMockServer server;
    private final String clientId = UUID.randomUUID().toString().substring(0, 15);
    private final String deploymentId;
    private RSAKey key;

    private FakePlatform(Kind kind, WireMockServer server) {
        this.kind = kind;
        this.server = server;
        this.deploymentId =
                kind == Kind.MOODLE ? "1" : "42:" + UUID.randomUUID().toString().replace("-", "");
        this.key = newKey();
        serveJwks("public, max-age=300");
    }

    public static FakePlatform moodle(WireMockServer server) {
        return new FakePlatform(Kind.MOODLE, server);
    }

    public static FakePlatform canvas(WireMockServer server) {
        return new FakePlatform(Kind.CANVAS, server);
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString().substring(0, 20))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each platform gets its own issuer path so many can share one WireMock server. */
    public String issuer() {
        return server.baseUrl() + "/" + kind.name().toLowerCase() + "-" + clientId;
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public RSAKey key() {
        return key;
    }

    public String jwksPath() {
        return kind == Kind.MOODLE ? "/" + clientId + "/mod/lti/certs.php" : "/" + clientId + "/api/lti/security/jwks";
    }

    public String authorizationUrl() {
        return kind == Kind.MOODLE
                ? server.baseUrl() + "/" + clientId + "/mod/lti/auth.php"
                : server.baseUrl() + "/" + clientId + "/api/lti/authorize_redirect";
    }

    public PlatformRequest registration() {
        return new PlatformRequest(
                issuer(),
                clientId,
                kind == Kind.MOODLE ? "Test Moodle" : "Test Canvas",
                authorizationUrl(),
                server.baseUrl() + "/" + clientId
                        + (kind == Kind.MOODLE ? "/mod/lti/token.php" : "/login/oauth2/token"),
                server.baseUrl() + jwksPath(),
                null,
                false,
                List.of(deploymentId));
    }

    /** Publishes the current key (and any extra ones) with the given Cache-Control. */
    public void serveJwks(String cacheControl, RSAKey... extra) {
        List<com.nimbusds.jose.jwk.JWK> keys = new java.util.ArrayList<>();
        keys.add(key.toPublicJWK());
        for (RSAKey k : extra) {
            keys.add(k.toPublicJWK());
        }
        server.stubFor(get(urlPathEqualTo(jwksPath()))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", cacheControl)
                        .withBody(new JWKSet(keys).toString())));
    }

    /** The platform starts signing with a new key and publishes it (key rotation). */
    public RSAKey rotateKey() {
        key = newKey();
        serveJwks("public, max-age=300");
        return key;
    }

    /** A resource link launch as the platform would sign it after our login redirect. */
    public JWTClaimsSet.Builder resourceLinkLaunch(
            String nonce, String targetLinkUri, String subject, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(clientId)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("name", "Sam Student")
                .claim("given_name", "Sam")
                .claim("family_name", "Student")
                .claim("email", "student1@example.com")
                .claim(LtiClaims.DEPLOYMENT_ID, deploymentId)
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.TARGET_LINK_URI, targetLinkUri)
                .claim(LtiClaims.ROLES, List.of(roles))
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "1", "title", "Ten-minute lessons", "description", ""))
                .claim(
                        LtiClaims.CONTEXT,
                        Map.of(
                                "id",
                                "2",
                                "label",
                                "LTI101",
                                "title",
                                "LTI Test Course",
                                "type",
                                List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en", "document_target", "iframe"))
                .claim(LtiClaims.CUSTOM, Map.of("course_title", "LTI Test Course"));
        String base = server.baseUrl() + "/" + clientId;
        if (kind == Kind.MOODLE) {
            claims.claim(
                            LtiClaims.TOOL_PLATFORM,
                            Map.of(
                                    "product_family_code",
                                    "moodle",
                                    "version",
                                    "2023100900",
                                    "guid",
                                    "ff683f1e1aedc626bc0ac29a7793f53e"))
                    .claim(
                            LtiClaims.AGS_ENDPOINT,
                            Map.of(
                                    "scope",
                                            List.of(
                                                    LtiClaims.SCOPE_LINEITEM,
                                                    LtiClaims.SCOPE_RESULT_READONLY,
                                                    LtiClaims.SCOPE_SCORE),
                                    "lineitems", base + "/mod/lti/services.php/2/lineitems?type_id=1",
                                    "lineitem", base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"))
                    .claim(
                            LtiClaims.NRPS,
                            Map.of(
                                    "context_memberships_url",
                                    base + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships",
                                    "service_versions",
                                    List.of("1.0", "2.0")));
        } else {
            claims.claim(
                            LtiClaims.TOOL_PLATFORM,
                            Map.of("product_family_code", "canvas", "version", "cloud", "guid", "canvas-guid"))
                    .claim(
                            LtiClaims.AGS_ENDPOINT,
                            Map.of(
                                    "scope",
                                    List.of(
                                            LtiClaims.SCOPE_LINEITEM,
                                            LtiClaims.SCOPE_LINEITEM_READONLY,
                                            LtiClaims.SCOPE_RESULT_READONLY,
                                            LtiClaims.SCOPE_SCORE),
                                    "lineitems",
                                    base + "/api/lti/courses/2/line_items"))
                    .claim(
                            LtiClaims.NRPS,
                            Map.of(
                                    "context_memberships_url",
                                    base + "/api/lti/courses/2/names_and_roles",
                                    "service_versions",
                                    List.of("2.0")))
                    .claim("https://www.instructure.com/placement", "course_navigation");
        }
        return claims;
    }

    public JWTClaimsSet.Builder deepLinkingLaunch(String nonce, String targetLinkUri, String subject) {
        return resourceLinkLaunch(nonce, targetLinkUri, subject, LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Instructor")
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
                .claim(LtiClaims.RESOURCE_LINK, null)
                .claim(
                        LtiClaims.DEEP_LINKING_SETTINGS,
                        Map.of(
                                "deep_link_return_url",
                                server.baseUrl() + "/" + clientId + "/mod/lti/contentitem_return.php?course=2&id=1",
                                "accept_types",
                                List.of("ltiResourceLink"),
                                "accept_presentation_document_targets",
                                List.of("iframe", "window", "frame"),
                                "accept_multiple",
                                true,
                                "auto_create",
                                false,
                                "title",
                                "Microlearn",
                                "text",
                                ""));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    public static String sign(JWTClaimsSet claims, RSAKey with) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(with.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
