package org.microlearn.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

@Configuration(proxyBeanMethods = false)
class SessionWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver());
    }

    /**
     * Spring MVC and Thymeleaf look up exactly one bean named {@code requestDataValueProcessor};
     * Spring Security already defines it (for CSRF fields). We decorate it rather than replace
     * it: links and actions first get the session token, then whatever Security adds.
     */
    @Bean
    static BeanPostProcessor sessionTokenInUrls(ObjectProvider<SessionTokens> tokens) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestDataValueProcessor security
                        && "requestDataValueProcessor".equals(beanName)) {
                    return new Chained(new SessionUrlProcessor(tokens.getObject()), security);
                }
                return bean;
            }
        };
    }

    private record Chained(RequestDataValueProcessor first, RequestDataValueProcessor second)
            implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            return second.processAction(request, first.processAction(request, action, httpMethod), httpMethod);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return second.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            return second.getExtraHiddenFields(request);
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return second.processUrl(request, first.processUrl(request, url));
        }
    }
}
