package org.microlearn.lti;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The LTI endpoints (login, launch, registration, configuration) and the JWKS are public: each
 * authenticates the platform itself (state, nonce, signatures, registration tokens). They get a
 * lean chain of their own, without the session token machinery of the pages, because every
 * launch passes through two of them and their cost is the launch's.
 */
@Configuration(proxyBeanMethods = false)
class LtiSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain ltiEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher("/lti/**", "/.well-known/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The launch is a cross-site form post by design; state and nonce protect it.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        // Login, launch and registration pages show inside the LMS's frames.
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
