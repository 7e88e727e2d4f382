package org.microlearn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium from Debian's packages (never a downloaded browser), as .ci/run installs it. */
public final class Browsers {

    private Browsers() {}

    /** Chrome preferences: block third-party cookies, as Chrome's privacy modes and Safari do. */
    public static final Map<String, Object> THIRD_PARTY_COOKIES_BLOCKED =
            Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true);

    /** Block every cookie, partitioned ones too: only LTI platform storage can bind the launch. */
    public static final Map<String, Object> ALL_COOKIES_BLOCKED = Map.of(
            "profile.cookie_controls_mode", 1,
            "profile.block_third_party_cookies", true,
            "profile.default_content_setting_values.cookies", 2);

    public static ChromeDriver chromium(Map<String, Object> preferences) {
        return chromium(preferences, "1280,900");
    }

    /** A browser whose window has this size, e.g. {@code "1280,2200"} for tall screenshots. */
    public static ChromeDriver chromium(Map<String, Object> preferences, String windowSize) {
        try {
            Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=" + windowSize,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", preferences);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * axe-core's automated WCAG 2.1 A and AA rules on the page the browser shows: no violation, and
     * axe really ran. {@code page} names the page in the failure message.
     */
    public static void assertAccessible(ChromeDriver browser, String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(results.getViolations())
                .as(page + ": " + describe(results.getViolations()))
                .isEmpty();
        assertThat(results.getPasses()).as("axe ran its rules").isNotEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream()
                                .limit(2)
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
