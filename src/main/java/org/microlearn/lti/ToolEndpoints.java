package org.microlearn.lti;

import org.microlearn.shared.MicrolearnProperties;
import org.springframework.stereotype.Component;

/** The URLs an LMS administrator pastes into Moodle or Canvas; all start with the public base URL. */
@Component
public class ToolEndpoints {

    public static final String LOGIN_PATH = "/lti/login";
    public static final String LAUNCH_PATH = "/lti/launch";
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final MicrolearnProperties properties;

    ToolEndpoints(MicrolearnProperties properties) {
        this.properties = properties;
    }

    public String baseUrl() {
        return properties.url("");
    }

    public String loginUrl() {
        return properties.url(LOGIN_PATH);
    }

    public String launchUrl() {
        return properties.url(LAUNCH_PATH);
    }

    public String jwksUrl() {
        return properties.url(JWKS_PATH);
    }
}
