package org.microlearn.lti.launch;

import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.login.LoginService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link LaunchFastPath} on the login and launch URLs only, after the forwarded-header,
 * character-encoding and observation filters (so launches are still measured as
 * {@code http.server.requests}) and before Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class LaunchFastPathRegistration {

    @Bean
    FilterRegistrationBean<LaunchFastPath> launchFastPath(LoginService logins, LaunchService launches) {
        var registration = new FilterRegistrationBean<>(new LaunchFastPath(logins, launches));
        registration.addUrlPatterns(ToolEndpoints.LOGIN_PATH, ToolEndpoints.LAUNCH_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
