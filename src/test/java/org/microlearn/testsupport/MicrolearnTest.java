package org.microlearn.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a random port against the embedded MariaDB. Every test class that
 * uses it shares one application context, so keep extra configuration out of test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"microlearn.admin.token=" + MicrolearnTest.ADMIN_TOKEN})
public @interface MicrolearnTest {

    String ADMIN_TOKEN = "test-admin-token";
}
