package org.microlearn;

import org.springframework.boot.SpringApplication;

/**
 * Runs Microlearn for development with nothing installed: {@code ./mvnw spring-boot:test-run}
 * starts an embedded MariaDB whose data lives in {@code ./data} (see {@code
 * EmbeddedMariaDbEnvironmentPostProcessor}), then the application.
 */
public class TestMicrolearnApplication {

    public static void main(String[] args) {
        System.setProperty(
                "microlearn.embedded-mariadb.home",
                System.getProperty("microlearn.embedded-mariadb.home", "data/mariadb"));
        SpringApplication.from(MicrolearnApplication::main).run(args);
    }
}
