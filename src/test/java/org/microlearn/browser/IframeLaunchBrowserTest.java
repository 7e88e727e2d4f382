package org.microlearn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.BrowserPlatform;
import org.microlearn.testsupport.Browsers;
import org.microlearn.testsupport.MicrolearnTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real launch in headless Chromium, inside a cross-site LMS iframe, with cookies blocked. */
@MicrolearnTest
class IframeLaunchBrowserTest {

    @Autowired
    PlatformRegistrations registrations;

    @LocalServerPort
    int port;

    BrowserPlatform platform;
    ChromeDriver browser;

    @BeforeEach
    void setUp() {
        platform = new BrowserPlatform(port);
        registrations.register(platform.registration());
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        platform.close();
    }

    @Test
    void withThirdPartyCookiesBlockedTheLaunchSucceedsAndPagesKeepTheSession() {
        browser = Browsers.chromium(Browsers.THIRD_PARTY_COOKIES_BLOCKED);
        browser.get(platform.courseUrl(true));
        WebDriver tool = enterToolFrame();
        assertThat(waitFor(tool, By.id("viewer-name")).getText()).isEqualTo("Sam Student");

        // Next page inside the iframe: the session travels in the URL, not in a cookie.
        tool.findElement(By.linkText("Portfolio")).click();
        assertThat(waitFor(tool, By.id("hours")).getText()).isEqualTo("0.0");
        assertThat((String) browser.executeScript("return location.href")).contains("/learn/portfolio?access_token=");
        assertThat(platform.storagePuts())
                .as("the login also left its value in platform storage")
                .isEqualTo(1);
    }

    @Test
    void withEveryCookieBlockedPlatformStorageBindsTheLaunch() {
        browser = Browsers.chromium(Browsers.ALL_COOKIES_BLOCKED);
        browser.get(platform.courseUrl(true));
        WebDriver tool = enterToolFrame();
        assertThat(waitFor(tool, By.id("viewer-name")).getText()).isEqualTo("Sam Student");
        assertThat(platform.storageGets())
                .as("the launch read the value back from platform storage")
                .isEqualTo(1);
    }

    @Test
    void withEveryCookieBlockedAndNoPlatformStorageTheLaunchSaysWhichCheckFailed() {
        browser = Browsers.chromium(Browsers.ALL_COOKIES_BLOCKED);
        browser.get(platform.courseUrl(false));
        WebDriver tool = enterToolFrame();
        assertThat(waitFor(tool, By.id("failed-check")).getText()).isEqualTo("browser_binding");
    }

    private WebDriver enterToolFrame() {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
    }

    private static org.openqa.selenium.WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }
}
