package org.microlearn.lti;

import java.net.URI;
import org.microlearn.shared.MicrolearnProperties;
import org.springframework.stereotype.Component;

/** The URLs an LMS administrator pastes into Moodle or Canvas; all start with the public base URL. */
@Component
public class ToolEndpoints {

    public static final String LOGIN_PATH = "/lti/login";
    public static final String LAUNCH_PATH = "/lti/launch";
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String REGISTRATION_PATH = "/lti/register";
    public static final String CANVAS_CONFIG_PATH = "/lti/config/canvas.json";
    public static final String LOGO_PATH = "/images/microlearn-logo.png";

    private final MicrolearnProperties properties;

    /** Public so that tests and generated examples can describe another deployment's URLs. */
    public ToolEndpoints(MicrolearnProperties properties) {
        this.properties = properties;
    }

    public String baseUrl() {
        return properties.url("");
    }

    public String loginUrl() {
        return properties.url(LOGIN_PATH);
    }

    /** Resource link launches and the redirection URI. */
    public String launchUrl() {
        return properties.url(LAUNCH_PATH);
    }

    /**
     * Where deep linking (content selection) launches go: the launch URL too, since the message
     * type in the id_token decides what the launch shows.
     */
    public String deepLinkingUrl() {
        return launchUrl();
    }

    public String jwksUrl() {
        return properties.url(JWKS_PATH);
    }

    /** The LTI Dynamic Registration URL an LMS administrator pastes into Moodle or Canvas. */
    public String registrationUrl() {
        return properties.url(REGISTRATION_PATH);
    }

    /** This deployment's Canvas developer key JSON. */
    public String canvasConfigUrl() {
        return properties.url(CANVAS_CONFIG_PATH);
    }

    public String logoUrl() {
        return properties.url(LOGO_PATH);
    }

    /** The tool's host, with the port when it is not the scheme's default (LTI's "domain"). */
    public String domain() {
        URI base = URI.create(baseUrl());
        return base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }
}
