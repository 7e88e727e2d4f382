package org.microlearn.lti.login;

import java.util.Optional;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.BrowserBinding;
import org.microlearn.lti.launch.LaunchCheck;
import org.microlearn.lti.launch.LaunchRejected;
import org.microlearn.lti.launch.LtiProperties;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformUrls;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC third-party initiated login: remembers a fresh state and nonce, binds them to this browser
 * (cookie, and LTI platform storage when offered) and sends the browser to the platform.
 */
@Service
public class LoginService {

    /** What the login answers; either way the browser gets the binding cookie. */
    public sealed interface Outcome permits RedirectToPlatform, StoragePage {
        ResponseCookie bindingCookie();
    }

    /** Straight on to the platform's authorization endpoint. */
    public record RedirectToPlatform(String authorizationUrl, ResponseCookie bindingCookie) implements Outcome {}

    /** A page that first puts the binding into the platform's storage frame, then goes on. */
    public record StoragePage(
            String authorizationUrl,
            String storageTarget,
            String platformOrigin,
            String storageKey,
            String storageValue,
            ResponseCookie bindingCookie)
            implements Outcome {}

    private final PlatformRegistrations registrations;
    private final LoginStates logins;
    private final ToolEndpoints endpoints;
    private final LtiProperties properties;

    LoginService(
            PlatformRegistrations registrations,
            LoginStates logins,
            ToolEndpoints endpoints,
            LtiProperties properties) {
        this.registrations = registrations;
        this.logins = logins;
        this.endpoints = endpoints;
        this.properties = properties;
    }

    public Outcome start(LoginRequest request) {
        requireParameter("iss", request.issuer());
        requireParameter("login_hint", request.loginHint());
        requireParameter("target_link_uri", request.targetLinkUri());
        Platform platform = registrations
                .find(request.issuer(), request.clientId())
                .orElseThrow(() -> new LaunchRejected(
                        LaunchCheck.PLATFORM,
                        "no platform is registered with issuer " + request.issuer()
                                + (request.clientId() == null ? "" : " and client_id " + request.clientId())
                                + "; ask your Microlearn administrator to register it"));
        String deploymentId = request.deploymentId();
        if (deploymentId != null && !platform.autoProvisionDeployments() && !platform.hasDeployment(deploymentId)) {
            throw new LaunchRejected(
                    LaunchCheck.DEPLOYMENT,
                    "deployment " + deploymentId + " of " + request.issuer()
                            + " is not registered; ask your Microlearn administrator to add it",
                    platform.id());
        }

        LoginState login =
                logins.start(platform.id(), request.targetLinkUri(), request.storageTarget(), properties.loginTtl());
        String authorization = UriComponentsBuilder.fromUriString(platform.authorizationUrl())
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", platform.clientId())
                .queryParam("redirect_uri", endpoints.launchUrl())
                .queryParam("login_hint", request.loginHint())
                .queryParamIfPresent("lti_message_hint", Optional.ofNullable(request.messageHint()))
                .queryParamIfPresent("lti_deployment_id", Optional.ofNullable(deploymentId))
                .queryParam("state", login.state())
                .queryParam("nonce", login.nonce())
                .build()
                .encode()
                .toUriString();
        ResponseCookie cookie = BrowserBinding.cookie(login.state(), login.browserBinding(), properties.loginTtl());
        if (!login.usesPlatformStorage()) {
            return new RedirectToPlatform(authorization, cookie);
        }
        return new StoragePage(
                authorization,
                login.storageTarget(),
                PlatformUrls.origin(platform.authorizationUrl()),
                BrowserBinding.STORAGE_KEY_PREFIX + login.state(),
                login.browserBinding(),
                cookie);
    }

    private static void requireParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new LaunchRejected(LaunchCheck.LOGIN_REQUEST, "the login request has no " + name + " parameter");
        }
    }
}
