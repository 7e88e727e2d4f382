package org.microlearn.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files are served from their own prefixes instead of Boot's catch-all {@code /**}
 * ({@code spring.web.resources.add-mappings=false}). Spring rewrites every link of every page
 * through its resource handlers (to put webjar versions into their URLs); with a catch-all handler
 * each page link was looked up, and missed, on the classpath, which cost half the tool's CPU on
 * "My learning" (docs/performance.md). Now a page link matches no handler and is left alone.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
        }
        // Version-less webjar URLs in templates; links get the version, requests are resolved with it.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
