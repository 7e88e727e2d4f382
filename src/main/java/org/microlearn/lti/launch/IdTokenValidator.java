package org.microlearn.lti.launch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microlearn.lti.login.LoginState;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.springframework.stereotype.Component;

/**
 * Every check the LTI 1.3 security framework asks of an id_token, in an order where each
 * failure names the first thing wrong. Claims are trusted only after the signature verifies.
 */
@Component
class IdTokenValidator {

    static final Set<JWSAlgorithm> ALLOWED =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256);

    private static final Set<String> MESSAGE_TYPES = Set.of(
            LtiClaims.RESOURCE_LINK_REQUEST, LtiClaims.DEEP_LINKING_REQUEST, LtiClaims.SUBMISSION_REVIEW_REQUEST);

    private final PlatformKeyCache keys;

    /**
     * A verifier per platform key, for as long as the key object lives (it is replaced when its
     * key set is refetched): weak keys compare by identity.
     */
    private final Cache<JWK, JWSVerifier> verifiers =
            Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

    private final PlatformRegistrations registrations;
    private final LtiProperties properties;
    private final Clock clock;

    IdTokenValidator(
            PlatformKeyCache keys, PlatformRegistrations registrations, LtiProperties properties, Clock clock) {
        this.keys = keys;
        this.registrations = registrations;
        this.properties = properties;
        this.clock = clock;
    }

    /** The verified claims of a launch that passed every check, or a {@link LaunchRejected}. */
    JWTClaimsSet validate(String idToken, LoginState login, Platform platform) {
        long platformId = platform.id();
        if (idToken == null || idToken.isBlank()) {
            throw reject(LaunchCheck.TOKEN_FORMAT, "the launch has no id_token", platformId);
        }
        JWT parsed;
        JWTClaimsSet claims;
        try {
            parsed = JWTParser.parse(idToken);
            claims = parsed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject(LaunchCheck.TOKEN_FORMAT, "the id_token cannot be parsed: " + e.getMessage(), platformId);
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            throw reject(
                    LaunchCheck.ALGORITHM,
                    "alg " + parsed.getHeader().getAlgorithm() + ": unsigned and encrypted id_tokens are refused",
                    platformId);
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!ALLOWED.contains(algorithm)) {
            throw reject(
                    LaunchCheck.ALGORITHM,
                    "alg " + algorithm + " is not one of RS256, RS384, RS512, ES256",
                    platformId);
        }
        verifySignature(jwt, platform);

        if (!platform.issuer().equals(claims.getIssuer())) {
            throw reject(
                    LaunchCheck.ISSUER, "iss is " + claims.getIssuer() + ", expected " + platform.issuer(), platformId);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(platform.clientId())) {
            throw reject(
                    LaunchCheck.AUDIENCE,
                    "aud " + audience + " does not contain client_id " + platform.clientId(),
                    platformId);
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
            throw reject(
                    LaunchCheck.AUTHORIZED_PARTY,
                    audience.size() > 1 && azp == null
                            ? "aud has several audiences but no azp"
                            : "azp is " + azp + ", expected " + platform.clientId(),
                    platformId);
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(properties.clockSkew()).isBefore(now)) {
            throw reject(
                    LaunchCheck.EXPIRED,
                    exp == null ? "exp is missing" : "exp " + exp.toInstant() + " has passed",
                    platformId);
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw reject(LaunchCheck.ISSUED_AT, "iat is missing", platformId);
        }
        if (iat.toInstant().minus(properties.clockSkew()).isAfter(now)) {
            throw reject(LaunchCheck.ISSUED_AT, "iat " + iat.toInstant() + " is in the future", platformId);
        }
        if (iat.toInstant().plus(properties.maxTokenAge()).isBefore(now)) {
            throw reject(LaunchCheck.ISSUED_AT, "iat " + iat.toInstant() + " is too long ago", platformId);
        }
        Object nonce = claims.getClaim("nonce");
        if (!login.nonce().equals(nonce)) {
            throw reject(
                    LaunchCheck.NONCE,
                    nonce == null ? "nonce is missing" : "nonce does not match the login's",
                    platformId);
        }
        String deploymentId = string(claims, LtiClaims.DEPLOYMENT_ID);
        if (deploymentId == null) {
            throw reject(LaunchCheck.DEPLOYMENT, "deployment_id is missing", platformId);
        }
        if (!registrations.acceptsDeployment(platform, deploymentId)) {
            throw reject(
                    LaunchCheck.DEPLOYMENT,
                    "deployment_id " + deploymentId + " is not registered for this platform",
                    platformId);
        }
        String version = string(claims, LtiClaims.VERSION);
        if (!LtiClaims.VERSION_1_3_0.equals(version)) {
            throw reject(LaunchCheck.VERSION, "version is " + version, platformId);
        }
        String messageType = string(claims, LtiClaims.MESSAGE_TYPE);
        if (!MESSAGE_TYPES.contains(messageType)) {
            throw reject(
                    LaunchCheck.MESSAGE_TYPE, "message_type " + messageType + " is not one we support", platformId);
        }
        requireClaims(claims, messageType, platformId);
        String target = string(claims, LtiClaims.TARGET_LINK_URI);
        if (!login.targetLinkUri().equals(target)) {
            throw reject(
                    LaunchCheck.TARGET_LINK_URI,
                    "target_link_uri is " + target + " but the login asked for " + login.targetLinkUri(),
                    platformId);
        }
        return claims;
    }

    private void verifySignature(SignedJWT jwt, Platform platform) {
        JWK key = keys.key(platform, jwt.getHeader().getKeyID());
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        boolean fits = (key instanceof RSAKey && algorithm.getName().startsWith("RS"))
                || (key instanceof ECKey && algorithm.equals(JWSAlgorithm.ES256));
        if (!fits) {
            throw reject(
                    LaunchCheck.ALGORITHM,
                    "alg " + algorithm + " does not fit the platform's " + key.getKeyType() + " key",
                    platform.id());
        }
        try {
            if (!jwt.verify(verifiers.get(key, IdTokenValidator::verifierFor))) {
                throw reject(
                        LaunchCheck.SIGNATURE,
                        "the signature does not verify with key " + key.getKeyID(),
                        platform.id());
            }
        } catch (JOSEException | IllegalArgumentException e) {
            throw reject(LaunchCheck.SIGNATURE, "the signature cannot be verified: " + e.getMessage(), platform.id());
        }
    }

    /** Nimbus's verifiers are thread-safe; building one decodes the key's numbers. */
    private static JWSVerifier verifierFor(JWK key) {
        try {
            return key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void requireClaims(JWTClaimsSet claims, String messageType, long platformId) {
        if (isBlank(claims.getSubject())) {
            throw reject(
                    LaunchCheck.REQUIRED_CLAIM,
                    "sub is missing: Microlearn needs to know who is launching",
                    platformId);
        }
        if (!(claims.getClaim(LtiClaims.ROLES) instanceof List<?>)) {
            throw reject(LaunchCheck.REQUIRED_CLAIM, "the roles claim is missing", platformId);
        }
        switch (messageType) {
            case LtiClaims.RESOURCE_LINK_REQUEST -> {
                if (isBlank(nested(claims, LtiClaims.RESOURCE_LINK, "id"))) {
                    throw reject(LaunchCheck.REQUIRED_CLAIM, "resource_link.id is missing", platformId);
                }
            }
            case LtiClaims.DEEP_LINKING_REQUEST -> {
                if (isBlank(nested(claims, LtiClaims.DEEP_LINKING_SETTINGS, "deep_link_return_url"))) {
                    throw reject(
                            LaunchCheck.REQUIRED_CLAIM,
                            "deep_linking_settings.deep_link_return_url is missing",
                            platformId);
                }
            }
            case LtiClaims.SUBMISSION_REVIEW_REQUEST -> {
                if (isBlank(nested(claims, LtiClaims.FOR_USER, "user_id"))) {
                    throw reject(LaunchCheck.REQUIRED_CLAIM, "for_user.user_id is missing", platformId);
                }
                if (isBlank(nested(claims, LtiClaims.RESOURCE_LINK, "id"))) {
                    throw reject(LaunchCheck.REQUIRED_CLAIM, "resource_link.id is missing", platformId);
                }
            }
            default ->
                throw reject(
                        LaunchCheck.MESSAGE_TYPE, "message_type " + messageType + " is not one we support", platformId);
        }
    }

    static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    static String nested(JWTClaimsSet claims, String claim, String field) {
        Object object = claims.getClaim(claim);
        if (object instanceof Map<?, ?> map && map.get(field) != null) {
            return String.valueOf(map.get(field));
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static LaunchRejected reject(LaunchCheck check, String detail, long platformId) {
        return new LaunchRejected(check, detail, platformId);
    }
}
