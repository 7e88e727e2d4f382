package org.microlearn.lti.launch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.login.LoginService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Puts {@link LaunchFastPath} on the login and launch URLs only, after the forwarded-header and
 * character-encoding filters and before Spring Security. The fast path times those requests itself
 * ({@code microlearn.lti.requests}), so Spring's {@code http.server.requests} observation skips them.
 */
@Configuration(proxyBeanMethods = false)
class LaunchFastPathRegistration {

    @Bean
    FilterRegistrationBean<LaunchFastPath> launchFastPath(
            LoginService logins, LaunchService launches, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new LaunchFastPath(logins, launches, meters));
        registration.addUrlPatterns(ToolEndpoints.LOGIN_PATH, ToolEndpoints.LAUNCH_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ObservationPredicate launchRequestsAreTimedByTheFastPath() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && LaunchFastPath.serves(server.getCarrier()));
    }
}
