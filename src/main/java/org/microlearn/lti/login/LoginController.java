package org.microlearn.lti.login;

import jakarta.servlet.http.HttpServletResponse;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.BrowserBinding;
import org.microlearn.lti.launch.LaunchCheck;
import org.microlearn.lti.launch.LaunchRejected;
import org.microlearn.lti.launch.LtiProperties;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC third-party initiated login: remembers a fresh state and nonce, binds them to this browser
 * (cookie, and LTI platform storage when offered) and sends the browser to the platform.
 */
@Controller
class LoginController {

    private final PlatformRegistrations registrations;
    private final LoginStates logins;
    private final ToolEndpoints endpoints;
    private final LtiProperties properties;

    LoginController(
            PlatformRegistrations registrations,
            LoginStates logins,
            ToolEndpoints endpoints,
            LtiProperties properties) {
        this.registrations = registrations;
        this.logins = logins;
        this.endpoints = endpoints;
        this.properties = properties;
    }

    @RequestMapping(
            value = ToolEndpoints.LOGIN_PATH,
            method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView login(
            @RequestParam(name = "iss", required = false) String issuer,
            @RequestParam(name = "login_hint", required = false) String loginHint,
            @RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
            @RequestParam(name = "lti_message_hint", required = false) String messageHint,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "lti_deployment_id", required = false) String ltiDeploymentId,
            @RequestParam(name = "deployment_id", required = false) String canvasDeploymentId,
            @RequestParam(name = "lti_storage_target", required = false) String storageTarget,
            HttpServletResponse response) {
        requireParameter("iss", issuer);
        requireParameter("login_hint", loginHint);
        requireParameter("target_link_uri", targetLinkUri);
        Platform platform = registrations
                .find(issuer, clientId)
                .orElseThrow(() -> new LaunchRejected(
                        LaunchCheck.PLATFORM,
                        "no platform is registered with issuer " + issuer
                                + (clientId == null ? "" : " and client_id " + clientId)
                                + "; ask your Microlearn administrator to register it"));
        String deploymentId = ltiDeploymentId != null ? ltiDeploymentId : canvasDeploymentId;
        if (deploymentId != null
                && !platform.autoProvisionDeployments()
                && !platform.deploymentIds().contains(deploymentId)) {
            throw new LaunchRejected(
                    LaunchCheck.DEPLOYMENT,
                    "deployment " + deploymentId + " of " + issuer
                            + " is not registered; ask your Microlearn administrator to add it",
                    platform.id());
        }

        LoginState login =
                logins.start(platform.id(), targetLinkUri, blankToNull(storageTarget), properties.loginTtl());
        String authorization = UriComponentsBuilder.fromUriString(platform.authorizationUrl())
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", platform.clientId())
                .queryParam("redirect_uri", endpoints.launchUrl())
                .queryParam("login_hint", loginHint)
                .queryParamIfPresent("lti_message_hint", java.util.Optional.ofNullable(messageHint))
                .queryParamIfPresent("lti_deployment_id", java.util.Optional.ofNullable(deploymentId))
                .queryParam("state", login.state())
                .queryParam("nonce", login.nonce())
                .build()
                .encode()
                .toUriString();
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                BrowserBinding.cookie(login.state(), login.browserBinding(), properties.loginTtl())
                        .toString());
        if (!login.usesPlatformStorage()) {
            RedirectView redirect = new RedirectView(authorization);
            // lti_message_hint is often JSON: its encoded braces are not URI template variables.
            redirect.setExpandUriTemplateVariables(false);
            return new ModelAndView(redirect);
        }
        ModelAndView page = new ModelAndView("lti/login-storage");
        page.addObject("authorizationUrl", authorization);
        page.addObject("storageTarget", login.storageTarget());
        page.addObject("platformOrigin", PlatformUrls.origin(platform.authorizationUrl()));
        page.addObject("storageKey", BrowserBinding.STORAGE_KEY_PREFIX + login.state());
        page.addObject("storageValue", login.browserBinding());
        return page;
    }

    private static void requireParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new LaunchRejected(LaunchCheck.LOGIN_REQUEST, "the login request has no " + name + " parameter");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
