package org.microlearn.session;

import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The HS256 key of session tokens: created once in the database, so every node shares it. */
@Component
class SessionSigningKey {

    private final SecretKey key;

    SessionSigningKey(JdbcClient jdbc) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        // Two nodes starting together: the first insert wins, both read the same row.
        jdbc.sql("INSERT IGNORE INTO session_signing_key (id, secret) VALUES (1, ?)")
                .param(candidate)
                .update();
        byte[] secret = jdbc.sql("SELECT secret FROM session_signing_key WHERE id = 1")
                .query(byte[].class)
                .single();
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }
}
