package org.microlearn.lti.registration;

/** A platform with the same issuer and client_id is already registered. */
public class DuplicatePlatformException extends RuntimeException {

    private final long existingId;

    DuplicatePlatformException(String issuer, String clientId, long existingId) {
        super("A platform with issuer " + issuer + " and client_id " + clientId + " is already registered (id "
                + existingId + ")");
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
