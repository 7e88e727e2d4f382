package org.microlearn.lti.dynamicregistration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.MicrolearnTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registration pages in a real browser, framed by a platform page as Moodle and Canvas frame
 * them: the platform receives {@code org.imsglobal.lti.close}, and a page of another origin does not.
 */
@MicrolearnTest
class RegistrationWindowBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String PLATFORM_PAGE = "/admin/tool/lti/register.html";

    static WireMockServer moodle;
    static WireMockServer stranger;

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeAll
    static void startPlatforms() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        stranger = new WireMockServer(options().dynamicPort());
        stranger.start();
    }

    @AfterAll
    static void stopPlatforms() {
        moodle.stop();
        stranger.stop();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(
                new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)");
        Path profile = Files.createDirectories(Path.of("target/chromium/" + UUID.randomUUID()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=390,844", // a phone's width: the pages must work there too
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        moodle.resetAll();
        stranger.resetAll();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePlatformFramingTheRegistrationIsToldToCloseIt() {
        stubMoodle();
        moodle.stubFor(get(PLATFORM_PAGE).willReturn(platformPage(registrationUrl())));

        browser.get(moodle.baseUrl() + PLATFORM_PAGE);
        registerInFrame();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.titleIs("closed by http://localhost:" + port));
    }

    @Test
    void aPageOfAnotherOriginIsNotToldAnything() {
        stubMoodle();
        stranger.stubFor(get(PLATFORM_PAGE).willReturn(platformPage(registrationUrl())));

        browser.get(stranger.baseUrl() + PLATFORM_PAGE);
        registerInFrame();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Microlearn is registered");
        browser.switchTo().defaultContent();
        assertThat(browser.getTitle()).isEqualTo("waiting");
    }

    /** Confirms in the framed registration page and waits for its success page. */
    private void registerInFrame() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Microlearn is registered"));
        // The close script runs as the page loads; a wrongly addressed message would arrive by now.
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stubMoodle() {
        moodle.stubFor(get(DynamicRegistrationTest.MOODLE_CONFIGURATION)
                .willReturn(okJson(DynamicRegistrationTest.fixture("moodle-4.3-openid-configuration.json")
                        .replace(DynamicRegistrationTest.CAPTURED_PLATFORM, moodle.baseUrl()))));
        moodle.stubFor(post(DynamicRegistrationTest.MOODLE_REGISTRATION)
                .willReturn(okJson(DynamicRegistrationTest.fixture("moodle-4.3-registration-response.json")
                        .replace("mtJvllrCiizfhQ2", DynamicRegistrationTest.uniqueClientId()))));
    }

    private String registrationUrl() {
        return "http://localhost:" + port
                + DynamicRegistrationTest.registrationPage(
                        moodle.baseUrl() + DynamicRegistrationTest.MOODLE_CONFIGURATION);
    }

    /** A platform page that frames the tool and shows in its title what it was told. */
    private static ResponseDefinitionBuilder platformPage(String toolUrl) {
        return ok("""
                        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>waiting</title></head>
                        <body><iframe id="tool" name="tool" src="%s" width="380" height="800"></iframe>
                        <script>
                        window.addEventListener('message', function (event) {
                          if (event.data && event.data.subject === 'org.imsglobal.lti.close') {
                            document.title = 'closed by ' + event.origin;
                          }
                        });
                        </script></body></html>
                        """.formatted(toolUrl.replace("&", "&amp;"))).withHeader("Content-Type", "text/html; charset=utf-8");
    }
}
