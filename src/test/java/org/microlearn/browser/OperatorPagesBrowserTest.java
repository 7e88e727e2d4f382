package org.microlearn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.Browsers;
import org.microlearn.testsupport.MicrolearnTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator registers a Moodle by hand in headless Chromium, signed in with the admin token. */
@MicrolearnTest
class OperatorPagesBrowserTest {

    @Autowired
    PlatformRegistrations registrations;

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browsers.chromium(Map.of());
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void anOperatorRegistersAMoodleByHand() {
        // Credentials in the first URL answer the Basic challenge; Chromium reuses them after.
        browser.get("http://operator:" + MicrolearnTest.ADMIN_TOKEN + "@localhost:" + port + "/operator/platforms");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Platform registrations");
        assertAccessible();

        browser.findElement(By.id("register")).click();
        assertThat(shown(By.id("registration")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Register a platform");
        assertAccessible();
        String clientId = "Mdl" + UUID.randomUUID().toString().substring(0, 12);
        type("name", "Riverside Moodle");
        type("issuer", "https://moodle.riverside.example");
        type("clientId", clientId);
        type("authorizationUrl", "https://moodle.riverside.example/mod/lti/auth.php");
        type("tokenUrl", "https://moodle.riverside.example/mod/lti/token.php");
        type("jwksUrl", "http://moodle.riverside.example/mod/lti/certs.php");
        type("deploymentIds", "3");
        browser.findElement(By.cssSelector("#registration button[type=submit]")).click();

        // A plain-http keyset URL is refused, and what was typed is still there to correct.
        assertThat(shown(By.id("form-errors")).getText()).contains("Platform keyset URL", "https");
        assertThat(browser.findElement(By.id("clientId")).getAttribute("value")).isEqualTo(clientId);
        browser.findElement(By.id("jwksUrl")).clear();
        type("jwksUrl", "https://moodle.riverside.example/mod/lti/certs.php");
        browser.findElement(By.cssSelector("#registration button[type=submit]")).click();

        assertThat(shown(By.id("outcome")).getText()).startsWith("Registered.");
        Platform platform =
                registrations.find("https://moodle.riverside.example", clientId).orElseThrow();
        assertThat(platform.deploymentIds()).containsExactly("3");
        assertThat(browser.findElement(By.id("platform-" + platform.id())).getText())
                .contains("Riverside Moodle", clientId);
    }

    /** The element once the page the last click led to shows it (a click does not wait for the load). */
    private WebElement shown(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void type(String field, String value) {
        browser.findElement(By.id(field)).sendKeys(value);
    }

    private void assertAccessible() {
        Browsers.assertAccessible(browser, browser.getCurrentUrl());
    }
}
