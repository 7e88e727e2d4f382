package org.microlearn.lti.launch;

import org.springframework.http.HttpStatus;

/** Every check of the OIDC login and the launch; a failure names exactly one of them. */
public enum LaunchCheck {
    LOGIN_REQUEST(HttpStatus.BAD_REQUEST, "The login request is incomplete"),
    PLATFORM(HttpStatus.BAD_REQUEST, "The platform is not registered"),
    PLATFORM_ERROR(HttpStatus.BAD_REQUEST, "The platform refused the login"),
    STATE(HttpStatus.BAD_REQUEST, "The launch state is unknown, expired or already used"),
    BROWSER_BINDING(HttpStatus.UNAUTHORIZED, "The launch did not come back to the browser that started it"),
    TOKEN_FORMAT(HttpStatus.BAD_REQUEST, "The id_token is not a signed JWT"),
    ALGORITHM(HttpStatus.BAD_REQUEST, "The id_token is signed with an algorithm we do not accept"),
    SIGNING_KEY(HttpStatus.UNAUTHORIZED, "The platform key that signed the id_token cannot be found"),
    SIGNATURE(HttpStatus.UNAUTHORIZED, "The id_token signature is not valid"),
    ISSUER(HttpStatus.BAD_REQUEST, "The id_token issuer is not the registered platform"),
    AUDIENCE(HttpStatus.BAD_REQUEST, "The id_token is not addressed to this tool"),
    AUTHORIZED_PARTY(HttpStatus.BAD_REQUEST, "The id_token authorized party is not this tool"),
    EXPIRED(HttpStatus.BAD_REQUEST, "The id_token has expired"),
    ISSUED_AT(HttpStatus.BAD_REQUEST, "The id_token issue time is not acceptable"),
    NONCE(HttpStatus.BAD_REQUEST, "The id_token nonce does not match the login"),
    DEPLOYMENT(HttpStatus.BAD_REQUEST, "The deployment is not registered for this platform"),
    VERSION(HttpStatus.BAD_REQUEST, "The LTI version is not 1.3.0"),
    MESSAGE_TYPE(HttpStatus.BAD_REQUEST, "The LTI message type is not supported"),
    REQUIRED_CLAIM(HttpStatus.BAD_REQUEST, "A claim required for this message type is missing"),
    TARGET_LINK_URI(HttpStatus.BAD_REQUEST, "The target link URI differs from the login's");

    private final HttpStatus status;
    private final String title;

    LaunchCheck(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The name shown to people and in problem+json, e.g. {@code target_link_uri}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
