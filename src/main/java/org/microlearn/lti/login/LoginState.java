package org.microlearn.lti.login;

import java.time.Instant;

/**
 * A login in progress, kept in MariaDB so the launch may finish on any node.
 *
 * @param browserBinding the value the login left in this browser (cookie or platform storage)
 * @param storageTarget the platform's {@code lti_storage_target} frame, when it offered storage
 */
public record LoginState(
        String state,
        String nonce,
        String browserBinding,
        long platformId,
        String targetLinkUri,
        String storageTarget,
        Instant expiresAt) {

    public boolean usesPlatformStorage() {
        return storageTarget != null && !storageTarget.isBlank();
    }
}
