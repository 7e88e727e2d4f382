package org.microlearn.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tool's RSA key pairs, kept in the database so that every node signs with the same key and
 * publishes the same JWKS. A node re-reads them every minute, so a rotation on one node reaches
 * the others within that time; the NEXT key is published a whole rotation period before it signs.
 */
@Service
public class ToolKeys {

    private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

    /** One key as stored. */
    public record KeyInfo(String kid, String status, Instant createdAt, Instant activatedAt, Instant retiredAt) {}

    private record Loaded(RSAKey signing, RSASSASigner signer, JWKSet published) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LtiKeyProperties properties;
    private final Clock clock;
    private volatile Loaded loaded;

    ToolKeys(JdbcClient jdbc, TransactionTemplate transactions, LtiKeyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        transactions.executeWithoutResult(status -> {
            lock();
            if (countWithStatus("ACTIVE") == 0) {
                insertNewKey("ACTIVE");
            }
            if (countWithStatus("NEXT") == 0) {
                insertNewKey("NEXT");
            }
        });
        reload();
    }

    /** Signs claims as the tool (RS256, with our kid): client assertions, deep linking responses. */
    public String sign(JWTClaimsSet claims) {
        Loaded current = loaded;
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(current.signing().getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(current.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the tool key", e);
        }
        return jwt.serialize();
    }

    /** The key id that signs now. */
    public String activeKeyId() {
        return loaded.signing().getKeyID();
    }

    /** The public keys platforms may verify our signatures with: next, active and recently retired. */
    public JWKSet publicJwks() {
        return loaded.published();
    }

    public List<KeyInfo> keys() {
        return jdbc.sql(
                        "SELECT kid, status, created_at, activated_at, retired_at FROM lti_tool_key ORDER BY created_at")
                .query((rs, row) -> new KeyInfo(
                        rs.getString("kid"),
                        rs.getString("status"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("activated_at")),
                        instant(rs.getTimestamp("retired_at"))))
                .list();
    }

    /**
     * The NEXT key (published since the last rotation) starts signing, the ACTIVE one retires but
     * stays published for the retention period, and a new NEXT key is published.
     */
    public void rotate() {
        transactions.executeWithoutResult(status -> {
            lock();
            promoteNext();
        });
        reload();
        log.info("Tool key rotated; {} now signs", activeKeyId());
    }

    /** Rotates when the active key is older than the rotation period; drops expired retired keys. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void maintain() {
        Instant now = clock.instant();
        boolean rotated = Boolean.TRUE.equals(transactions.execute(status -> {
            lock();
            int purged = jdbc.sql("DELETE FROM lti_tool_key WHERE status = 'RETIRED' AND retired_at < ?")
                    .param(Timestamp.from(now.minus(properties.retiredKeyRetention())))
                    .update();
            Timestamp activatedAt = jdbc.sql("SELECT activated_at FROM lti_tool_key WHERE status = 'ACTIVE'")
                    .query(Timestamp.class)
                    .single();
            if (activatedAt.toInstant().plus(properties.rotationPeriod()).isBefore(now)) {
                promoteNext();
                return true;
            }
            return purged > 0;
        }));
        reload();
        if (rotated) {
            log.info("Tool keys maintained; {} signs", activeKeyId());
        }
    }

    private void promoteNext() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE lti_tool_key SET status = 'RETIRED', retired_at = ? WHERE status = 'ACTIVE'")
                .param(now)
                .update();
        jdbc.sql("UPDATE lti_tool_key SET status = 'ACTIVE', activated_at = ? WHERE status = 'NEXT'")
                .param(now)
                .update();
        insertNewKey("NEXT");
    }

    /** Re-reads the keys; rotations done by other nodes arrive here through {@link #maintain()}. */
    void reload() {
        record Row(String kid, String status, byte[] privateKey, String publicJwk) {}
        List<Row> rows = jdbc.sql("SELECT kid, status, private_key, public_jwk FROM lti_tool_key ORDER BY created_at")
                .query((rs, n) -> new Row(
                        rs.getString("kid"),
                        rs.getString("status"),
                        rs.getBytes("private_key"),
                        rs.getString("public_jwk")))
                .list();
        List<JWK> published = new ArrayList<>();
        RSAKey signing = null;
        for (Row row : rows) {
            RSAKey publicKey = parse(row.publicJwk());
            published.add(publicKey);
            if ("ACTIVE".equals(row.status())) {
                signing = new RSAKey.Builder(publicKey)
                        .privateKey(privateKey(row.privateKey()))
                        .build();
            }
        }
        if (signing == null) {
            throw new IllegalStateException("No ACTIVE tool key in lti_tool_key");
        }
        try {
            loaded = new Loaded(signing, new RSASSASigner(signing), new JWKSet(published));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void lock() {
        jdbc.sql("SELECT id FROM lti_tool_key_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    private int countWithStatus(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_tool_key WHERE status = ?")
                .param(status)
                .query(Integer.class)
                .single();
    }

    private void insertNewKey(String status) {
        KeyPair pair = generate();
        RSAKey publicJwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        jdbc.sql("INSERT INTO lti_tool_key (kid, status, private_key, public_jwk, activated_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        publicJwk.getKeyID(),
                        status,
                        pair.getPrivate().getEncoded(),
                        publicJwk.toJSONString(),
                        "ACTIVE".equals(status) ? Timestamp.from(clock.instant()) : null)
                .update();
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(properties.keySize());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored tool key is not a JWK", e);
        }
    }

    private static RSAPrivateKey privateKey(byte[] pkcs8) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored tool key cannot be read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** For the JWKS endpoint: the published keys as a JSON object. */
    public Map<String, Object> publicJwksJson() {
        return publicJwks().toJSONObject(true);
    }
}
