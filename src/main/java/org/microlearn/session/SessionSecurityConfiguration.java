package org.microlearn.session;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.microlearn.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security for everything a browser reaches, except the admin API and the LTI endpoints (their own
 * chains, ordered first).
 *
 * <p>No HTTP session and no cookie: a page is authorised by the session token it carries (see
 * {@link SessionTokens}). CSRF protection is off because nothing here is authorised by an ambient
 * credential: a cross-site page cannot know the token, and {@code /lti/launch} must accept the
 * platform's cross-site form post by design (it is protected by state and nonce instead).
 */
@Configuration(proxyBeanMethods = false)
class SessionSecurityConfiguration {

    static final String[] PUBLIC = {
        "/",
        "/css/**",
        "/js/**",
        "/images/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/lti/**",
        "/.well-known/**"
    };

    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, SessionTokens tokens) throws Exception {
        String coach = Role.COACH.name();
        String admin = Role.ADMIN.name();
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/author/**", "/coach/**")
                        .hasAnyRole(coach, admin)
                        .requestMatchers("/admin/**")
                        .hasRole(admin)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new SessionTokenResolver())
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(authorities()))
                        .authenticationEntryPoint(sessionExpired()))
                .headers(headers -> headers
                        // Pages live in the LMS's iframe.
                        .frameOptions(frame -> frame.disable())
                        // URLs carry the session token: never send them to another site.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    private static JwtAuthenticationConverter authorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(SessionTokens.ROLES);
            Collection<GrantedAuthority> granted = roles == null
                    ? List.of()
                    : roles.stream()
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                            .toList();
            return granted;
        });
        return converter;
    }

    /** A missing, expired or forged token: a page that says how to get back in, not a bare 401. */
    private static AuthenticationEntryPoint sessionExpired() {
        return (request, response, exception) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("""
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Session ended</title>
                    <link rel="stylesheet" href="/css/microlearn.css"></head><body><main class="page">
                    <h1>Your Microlearn session has ended</h1>
                    <p>Sessions last a few hours and belong to one launch. Open Microlearn again from the
                    link in your Canvas or Moodle course to carry on where you left off.</p>
                    </main></body></html>
                    """).getBytes(StandardCharsets.UTF_8));
        };
    }
}
