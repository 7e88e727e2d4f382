package org.microlearn.lti.dynamicregistration;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A registration that cannot go on, with what the administrator should read: what happened, the
 * platform's own answer when there is one (shown verbatim), and what to do next.
 */
class RegistrationFailure extends RuntimeException {

    /** How much of a platform's answer the page shows. */
    static final int MAX_BODY_SHOWN = 4000;

    private final HttpStatus status;
    private final String title;
    private final List<String> problems;
    private final Integer platformStatus;
    private final String platformBody;
    private final String nextStep;

    private RegistrationFailure(
            HttpStatus status,
            String title,
            String explanation,
            List<String> problems,
            Integer platformStatus,
            String platformBody,
            String nextStep) {
        super(explanation);
        this.status = status;
        this.title = title;
        this.problems = List.copyOf(problems);
        this.platformStatus = platformStatus;
        this.platformBody = platformBody;
        this.nextStep = nextStep;
    }

    static RegistrationFailure missingConfigurationUrl() {
        return new RegistrationFailure(
                HttpStatus.BAD_REQUEST,
                "This address is for your LMS, not for a browser",
                "Microlearn's registration page was opened without the openid_configuration parameter that"
                        + " an LMS adds when it starts LTI Dynamic Registration.",
                List.of(),
                null,
                null,
                "Paste this page's address into your LMS instead: in Moodle, Site administration > Plugins >"
                        + " Activity modules > External tool > Manage tools, \"Tool URL\", then \"Add LTI Advantage\";"
                        + " in Canvas, Admin > Developer Keys > + Developer Key > LTI Registration.");
    }

    static RegistrationFailure refusedConfigurationUrl(String url, String problem) {
        return new RegistrationFailure(
                HttpStatus.BAD_REQUEST,
                "The platform's configuration address is not acceptable",
                "The openid_configuration address " + url + " " + problem + ".",
                List.of(),
                null,
                null,
                "Serve your LMS over https (plain http is accepted only for localhost, in development),"
                        + " then start the registration again from the LMS.");
    }

    static RegistrationFailure unreachable(String url, String reason) {
        return new RegistrationFailure(
                HttpStatus.BAD_GATEWAY,
                "Microlearn could not reach the platform",
                "Requesting " + url + " failed: " + reason,
                List.of(),
                null,
                null,
                "Check that the LMS is reachable from Microlearn's server (DNS, firewall, TLS certificate),"
                        + " then start the registration again from the LMS.");
    }

    static RegistrationFailure configurationError(String url, int status, String body) {
        return new RegistrationFailure(
                HttpStatus.BAD_GATEWAY,
                "The platform did not return its configuration",
                "Requesting the platform's OpenID configuration at " + url + " did not succeed.",
                List.of(),
                status,
                shown(body),
                tokenProblem(status, body)
                        ? startAgain(
                                "The registration token was refused (it is used once and expires after a" + " while).")
                        : "Check the address and the LMS's logs, then start the registration again from the LMS.");
    }

    static RegistrationFailure invalidConfiguration(String url, String reason) {
        return new RegistrationFailure(
                HttpStatus.BAD_GATEWAY,
                "The platform's configuration cannot be read",
                "The answer from " + url + " is not an OpenID configuration: " + reason,
                List.of(),
                null,
                null,
                "Check that the LMS supports LTI Dynamic Registration (Moodle 4.1 or later, Canvas), then start"
                        + " the registration again.");
    }

    static RegistrationFailure refusedConfiguration(List<String> problems) {
        return new RegistrationFailure(
                HttpStatus.BAD_REQUEST,
                "Microlearn refuses this platform's configuration",
                "The platform's OpenID configuration fails Microlearn's checks, so nothing was registered.",
                problems,
                null,
                null,
                "An LMS must publish its configuration from its own address (its issuer) and use https for"
                        + " every endpoint. Correct the LMS's public address (Moodle: $CFG->wwwroot), or register"
                        + " Microlearn by hand as described in lti-config/.");
    }

    static RegistrationFailure platformError(int status, String body) {
        String next;
        if (tokenProblem(status, body)) {
            next = startAgain("The registration token has expired or was already used.");
        } else if (status >= 500) {
            next = "The LMS failed while registering Microlearn. Try again in a few minutes; if it keeps failing,"
                    + " the LMS's error log says why.";
        } else {
            next = "The LMS refused the registration for the reason above. Ask your LMS's support about it, or"
                    + " register Microlearn by hand as described in lti-config/.";
        }
        return new RegistrationFailure(
                HttpStatus.BAD_GATEWAY,
                "The platform refused the registration",
                "The LMS answered Microlearn's registration request with an error.",
                List.of(),
                status,
                shown(body),
                next);
    }

    static RegistrationFailure invalidAnswer(int status, String body, String reason) {
        return new RegistrationFailure(
                HttpStatus.BAD_GATEWAY,
                "The platform's answer cannot be used",
                "The LMS accepted the registration request but its answer " + reason + ".",
                List.of(),
                status,
                shown(body),
                "The LMS may have created a half-finished registration: delete it there (Moodle: Manage tools;"
                        + " Canvas: Developer Keys), then start again.");
    }

    static RegistrationFailure conflict(String issuer, String clientId) {
        return new RegistrationFailure(
                HttpStatus.CONFLICT,
                "This registration clashes with an existing one",
                "Microlearn already has a platform with issuer " + issuer + " and client_id " + clientId
                        + ", with different endpoints, so it did not change it.",
                List.of(),
                null,
                null,
                "Compare the registrations with GET /api/admin/platforms; delete the outdated one, then start"
                        + " again from the LMS.");
    }

    private static String startAgain(String why) {
        return why + " Start the registration again from your LMS: in Moodle, Manage tools > \"Add LTI"
                + " Advantage\" with Microlearn's registration URL; in Canvas, Developer Keys > + Developer Key >"
                + " LTI Registration.";
    }

    /** 401 and 403 are how Moodle and Canvas refuse a registration token; some platforms say "expired". */
    private static boolean tokenProblem(int status, String body) {
        String text = body == null ? "" : body.toLowerCase(java.util.Locale.ROOT);
        return status == 401 || status == 403 || text.contains("expired") || text.contains("token_already_used");
    }

    private static String shown(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_SHOWN
                ? body
                : body.substring(0, MAX_BODY_SHOWN) + "\n[… " + (body.length() - MAX_BODY_SHOWN) + " more characters]";
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<String> problems() {
        return problems;
    }

    public Integer platformStatus() {
        return platformStatus;
    }

    public String platformBody() {
        return platformBody;
    }

    public String nextStep() {
        return nextStep;
    }
}
