package org.microlearn.lti.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The operator's two chains, ahead of the pages chain. The admin API takes a bearer token: the
 * static token from the environment, or a JWT from an issuer the operator trusts (OAuth2 resource
 * server); its errors are problem+json. The operator pages ({@code /operator/**}) take the same
 * static token as an HTTP Basic password: a browser cannot send a bearer token, and Basic keeps
 * them stateless across nodes. Because a browser re-sends Basic credentials by itself, their forms
 * carry a CSRF token (double-submit cookie, so any node can check it).
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurityConfiguration {

    static final String AUTHORITY = "ROLE_API_ADMIN";

    private static final String OPERATOR_REALM = "Microlearn operator";

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, AdminApiProperties properties) throws Exception {
        AuthenticationManager manager = authenticationManager(properties);
        http.securityMatcher("/api/admin/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> manager)
                        .authenticationEntryPoint((request, response, exception) -> problem(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Admin API needs a valid bearer token: " + exception.getMessage())))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, exception) ->
                        problem(response, HttpStatus.FORBIDDEN, "This token may not use the admin API")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operatorPages(HttpSecurity http, AdminApiProperties properties) throws Exception {
        CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.securityMatcher("/operator/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
                .authenticationManager(authentication -> operator(authentication, properties))
                .httpBasic(basic -> basic.realmName(OPERATOR_REALM)
                        .authenticationEntryPoint((request, response, exception) -> signIn(response, properties)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, exception) -> page(
                        response,
                        HttpStatus.FORBIDDEN,
                        "This form did not come from these pages, or its security token has changed:"
                                + " go back, reload the page and send it again. Nothing was saved.")));
        return http.build();
    }

    private static Authentication operator(Authentication authentication, AdminApiProperties properties) {
        if (authentication.getCredentials() instanceof String password && isAdminToken(password, properties)) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getName(), null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
        }
        throw new BadCredentialsException("the password is not the admin token");
    }

    /** What the browser shows with its sign-in prompt, and after "Cancel". */
    private static void signIn(jakarta.servlet.http.HttpServletResponse response, AdminApiProperties properties)
            throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + OPERATOR_REALM + "\", charset=\"UTF-8\"");
        page(
                response,
                HttpStatus.UNAUTHORIZED,
                properties.hasToken()
                        ? "Sign in with any user name and the admin token (<code>MICROLEARN_ADMIN_TOKEN</code>) as the password."
                        : "No admin token is configured: set <code>MICROLEARN_ADMIN_TOKEN</code> and restart to use these pages.");
    }

    private static void page(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String message)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Microlearn operator</title>
                <link rel="stylesheet" href="/css/microlearn.css"></head><body><main class="page">
                <h1>Microlearn operator pages</h1><p>%s</p></main></body></html>
                """.formatted(message)).getBytes(StandardCharsets.UTF_8));
    }

    private static AuthenticationManager authenticationManager(AdminApiProperties properties) {
        JwtAuthenticationProvider jwt = properties.hasJwtIssuer() ? jwtProvider(properties) : null;
        return authentication -> authenticate(authentication, properties, jwt);
    }

    private static Authentication authenticate(
            Authentication authentication, AdminApiProperties properties, JwtAuthenticationProvider jwt) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (isAdminToken(token, properties)) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    "admin-token", null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
        }
        if (jwt != null && token.chars().filter(c -> c == '.').count() == 2) {
            return jwt.authenticate(authentication);
        }
        throw new BadCredentialsException("the token is not the admin token");
    }

    /** Tokens of the configured issuer that carry the admin scope. */
    private static JwtAuthenticationProvider jwtProvider(AdminApiProperties properties) {
        // Lazy: the issuer's metadata is fetched on the first token, not at start-up.
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withIssuerLocation(properties.jwtIssuerUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.jwtIssuerUri()),
                token -> scopes(token.getClaimAsString("scope")).contains(properties.jwtScope())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "insufficient_scope", "scope " + properties.jwtScope() + " is required", null))));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(
                token -> new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        return provider;
    }

    private static List<String> scopes(String scope) {
        return scope == null ? List.of() : List.of(scope.split(" "));
    }

    /** The static admin token, compared in constant time; never matches when none is configured. */
    private static boolean isAdminToken(String given, AdminApiProperties properties) {
        return properties.hasToken() && constantTimeEquals(given, properties.token());
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json =
                "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
