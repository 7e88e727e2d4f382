package org.microlearn.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.microlearn.shared.MicrolearnProperties;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Issues and reads the session tokens that carry a {@link Viewer} from page to page.
 *
 * <p>Inside an LMS iframe the browser may block third-party cookies, so after a launch the pages
 * carry this short-lived token in their URLs instead (see docs/sessions.md). It is signed with
 * HS256: the tool is both issuer and audience, and HMAC costs microseconds where RS256 signing
 * costs most of a millisecond.
 */
@Component
public class SessionTokens {

    static final String AUDIENCE = "microlearn-session";
    static final String PLATFORM = "plt";
    static final String COURSE = "crs";
    static final String ROLES = "roles";
    static final String NAME = "name";
    static final String RESOURCE_LINK = "rl";

    /** Parsed once, so every token reuses its base64url form instead of serialising it again. */
    private static final JWSHeader HEADER = parsedHeader();

    private final MACSigner signer;
    private final JwtDecoder decoder;
    private final String issuer;
    private final SessionProperties properties;
    private final Clock clock;

    SessionTokens(SessionSigningKey key, MicrolearnProperties tool, SessionProperties properties, Clock clock)
            throws JOSEException {
        this.signer = new MACSigner(key.key());
        this.issuer = tool.url("");
        this.properties = properties;
        this.clock = clock;
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key.key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new org.springframework.security.oauth2.jwt.JwtIssuerValidator(issuer),
                new org.springframework.security.oauth2.jwt.JwtAudienceValidator(AUDIENCE)));
        this.decoder = nimbus;
    }

    /** A new token for the viewer, valid for the configured lifetime. */
    public String issue(Viewer viewer) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(Long.toString(viewer.educatorId()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.lifetime())))
                .claim(PLATFORM, viewer.platformId())
                .claim(ROLES, viewer.roles().stream().map(Role::name).sorted().toList())
                .claim(NAME, viewer.displayName());
        if (viewer.courseId() != null) {
            claims.claim(COURSE, viewer.courseId());
        }
        if (viewer.resourceLinkId() != null) {
            claims.claim(RESOURCE_LINK, viewer.resourceLinkId());
        }
        SignedJWT jwt = new SignedJWT(HEADER, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a session token", e);
        }
        return jwt.serialize();
    }

    private static JWSHeader parsedHeader() {
        try {
            return JWSHeader.parse(new JWSHeader(JWSAlgorithm.HS256).toBase64URL());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** The viewer a validated token stands for. */
    static Viewer viewerOf(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES);
        Number course = jwt.getClaim(COURSE);
        Number platform = jwt.getClaim(PLATFORM);
        return new Viewer(
                platform.longValue(),
                Long.parseLong(jwt.getSubject()),
                course == null ? null : course.longValue(),
                roles == null
                        ? Set.of()
                        : roles.stream().map(Role::valueOf).collect(java.util.stream.Collectors.toSet()),
                jwt.getClaimAsString(NAME),
                jwt.getClaimAsString(RESOURCE_LINK));
    }

    /** Whether a page should carry a fresh token: more than half the lifetime has passed. */
    boolean needsRefresh(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null
                && expiresAt.isBefore(clock.instant().plus(properties.lifetime().dividedBy(2)));
    }
}
