package org.microlearn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.people.People;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.microlearn.testsupport.BrowserPlatform;
import org.microlearn.testsupport.Browsers;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One full flow per role after a real signed launch, in headless Chromium inside the LMS's
 * cross-site iframe with third-party cookies blocked. The frame is phone-width (390 px), and each
 * main page is saved as a screenshot under {@code target/screenshots/}.
 */
@MicrolearnTest
class ExperiencesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LessonCatalog lessons;

    @Autowired
    LessonProgress progress;

    @LocalServerPort
    int port;

    BrowserPlatform platform;
    long platformId;
    ChromeDriver browser;

    @BeforeEach
    void setUp() {
        platform = new BrowserPlatform(port);
        platformId = registrations.register(platform.registration()).id();
        browser = Browsers.chromium(Browsers.THIRD_PARTY_COOKIES_BLOCKED, "1280,2400");
    }

    @AfterEach
    void tearDown() {
        browser.quit();
        platform.close();
    }

    @Test
    void aTeacherDoesALessonEndToEndAndFindsItInThePortfolio() {
        WebDriver tool = launch(new BrowserPlatform.Person(
                "t-1", "Tina Teacher", LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner", Map.of()));
        waitFor(tool, By.id("assigned-heading"));
        shot(tool, "teacher-1-my-learning");

        WebElement first = tool.findElement(By.cssSelector("#for-criteria h3 a"));
        String title = first.getText();
        first.click();
        waitFor(tool, By.id("start-lesson")).click();
        waitFor(tool, By.id("next-step"));
        shot(tool, "teacher-2-section");
        while (!tool.findElements(By.id("next-step")).isEmpty()) {
            tool.findElement(By.id("next-step")).click();
            waitFor(tool, By.id("step-heading"));
        }
        // The check: a first answer, feedback in place (htmx), then continue.
        tool.findElement(By.id("option-0")).click();
        tool.findElement(By.id("check-answer")).click();
        WebElement feedback = waitFor(tool, By.cssSelector("#check-feedback .feedback"));
        assertThat(feedback.getText()).matches("(?s)(That’s right\\.|Not quite\\.).+");
        shot(tool, "teacher-3-check-feedback");
        tool.findElement(By.id("to-reflection")).click();
        waitFor(tool, By.id("reflection")).sendKeys("My students forget last month's unit quickly.");
        tool.findElement(By.id("save-reflection")).click();
        waitFor(tool, By.id("link")).sendKeys("https://docs.example.org/my-plan");
        tool.findElement(By.id("note")).sendKeys("Three questions from last month, on mini whiteboards.");
        shot(tool, "teacher-4-apply");
        tool.findElement(By.id("hand-in")).click();
        assertThat(waitFor(tool, By.id("done-heading")).getText()).isEqualTo("Nicely done.");
        assertThat(tool.findElement(By.id("evidence-status")).getText()).contains("with your coach");
        shot(tool, "teacher-5-done");

        tool.findElement(By.linkText("See my portfolio")).click();
        WebElement main = waitFor(tool, By.id("main"));
        assertThat(main.getText())
                .contains(title)
                .contains("My students forget last month's unit quickly.")
                .contains("Waiting for review");
        shot(tool, "teacher-6-portfolio");
    }

    @Test
    void aCoachGroupsTeachersAssignsALessonAndReviewsEvidence() {
        Educators educators = new Educators(people, tokens);
        Viewer ana = educators
                .person(platformId, "2", "Ana Novice", Role.TEACHER, null)
                .viewer();
        LessonVersion lesson = completeALesson(ana);

        WebDriver tool = launch(new BrowserPlatform.Person(
                "c-1", "Cora Coach", LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Instructor", Map.of()));
        assertThat(waitFor(tool, By.id("pending-reviews")).getText()).isEqualTo("1");

        tool.findElement(By.linkText("People & groups")).click();
        waitFor(tool, By.id("group-name")).sendKeys("Grade 4 PLC");
        tool.findElement(By.id("create-group")).click();
        WebElement add = waitFor(tool, By.cssSelector("select[id^=add-]"));
        new Select(add).selectByVisibleText("Ana Novice");
        add.findElement(By.xpath("following-sibling::button")).click();
        WebElement stage = waitFor(tool, By.id("stage-" + ana.educatorId()));
        new Select(stage).selectByValue("NOVICE");
        stage.findElement(By.xpath("following-sibling::button")).click();
        waitFor(tool, By.id("roster"));
        assertThat(tool.findElement(By.id("person-" + ana.educatorId())).getText())
                .contains("Grade 4 PLC");
        assertThat(new Select(tool.findElement(By.id("stage-" + ana.educatorId())))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Novice / induction");
        shot(tool, "coach-1-people");

        tool.findElement(By.linkText("Coaching")).click();
        waitFor(tool, By.id("assign-lesson")).click();
        new Select(waitFor(tool, By.id("lessonId"))).selectByIndex(3);
        tool.findElement(By.cssSelector("label[for=target-group]")).click();
        new Select(tool.findElement(By.id("groupId"))).selectByVisibleText("Grade 4 PLC (1)");
        ((org.openqa.selenium.JavascriptExecutor) tool)
                .executeScript("document.getElementById('dueOn').value = '2030-01-15'");
        tool.findElement(By.id("note")).sendKeys("Before our next PLC meeting");
        shot(tool, "coach-2-assign");
        tool.findElement(By.id("assign")).click();
        waitFor(tool, By.id("assigned-status"));
        assertThat(tool.findElement(By.id("assignments")).getText())
                .contains("Grade 4 PLC")
                .contains("15 Jan 2030");
        shot(tool, "coach-3-home");

        tool.findElement(By.linkText("Reviews")).click();
        waitFor(tool, By.partialLinkText("Ana Novice")).click();
        waitFor(tool, By.id("feedback")).sendKeys("Add the three questions you will ask.");
        shot(tool, "coach-4-review");
        tool.findElement(By.id("request-revision")).click();
        waitFor(tool, By.id("review-saved"));
        tool.findElement(By.partialLinkText("Ana Novice")).click();
        WebElement feedback = waitFor(tool, By.id("feedback"));
        feedback.clear();
        feedback.sendKeys("Lovely: this will work with Year 7.");
        tool.findElement(By.id("approve")).click();
        waitFor(tool, By.id("review-saved"));
        assertThat(tool.findElement(By.id("main")).getText())
                .contains("You are all caught up")
                .contains("Approved");
        assertThat(progress.mine(ana, lesson.lessonId()).orElseThrow().coachFeedback())
                .isEqualTo("Lovely: this will work with Year 7.");
    }

    @Test
    void anAdminSeesTheDashboardWithChartAndTableAndDownloadsTheCsv() {
        Educators educators = new Educators(people, tokens);
        completeALesson(educators
                .person(platformId, "2", "Ana Novice", Role.TEACHER, null)
                .viewer());

        WebDriver tool = launch(new BrowserPlatform.Person(
                "a-1", "Adi Admin", LtiClaims.ROLE_PREFIX_INSTITUTION + "Administrator", Map.of()));
        waitFor(tool, By.id("domains-table"));
        WebElement chart = waitFor(tool, By.cssSelector("#domains-heading ~ .table-scroll .chart-box canvas"));
        assertThat(chart.getAttribute("aria-label")).contains("The same data is in the table below");
        assertThat(tool.findElement(By.id("total-completions")).getText()).isEqualTo("1");
        assertThat(tool.findElement(By.id("teachers-table")).getText()).contains("Ana Novice");
        shot(tool, "admin-1-dashboard");

        String csvUrl = tool.findElement(By.id("csv")).getAttribute("href");
        var csv = new TestHttp(port).get(csvUrl);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("dimension,key,label,completions,educators,hours")
                .contains("Ana Novice");

        tool.findElement(By.linkText("Ana Novice")).click();
        assertThat(waitFor(tool, By.id("completed")).getText()).contains("Awaiting review");
        shot(tool, "admin-2-teacher");
    }

    private LessonVersion completeALesson(Viewer teacher) {
        long lessonId = lessons.search(platformId, LessonFilter.all()).get(0).lessonId();
        LessonVersion lesson = lessons.currentVersion(platformId, lessonId).orElseThrow();
        progress.start(teacher, lessonId);
        for (int i = 0; i < lesson.body().sections().size(); i++) {
            progress.finishSection(teacher, lessonId, i);
        }
        progress.answer(teacher, lessonId, 1);
        progress.reflect(teacher, lessonId, "I rarely revisit old units.");
        progress.submit(teacher, lessonId, "https://docs.example.org/plan", "Starter for Monday", null);
        return lesson;
    }

    /** Launches from the platform's course page, makes the tool's frame phone-width and enters it. */
    private WebDriver launch(BrowserPlatform.Person person) {
        platform.launchAs(person);
        browser.get(platform.courseUrl(true));
        browser.executeScript(
                "var f = document.getElementById('tool'); f.style.width = '390px'; f.style.height = '2200px';"
                        + " f.style.border = '0';");
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
    }

    /** Saves the tool's frame (390 px wide, cut to the page's height) as target/screenshots/NAME.png. */
    private void shot(WebDriver tool, String name) {
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) tool)
                .executeScript("return document.documentElement.scrollHeight");
        browser.switchTo().defaultContent();
        WebElement frame = browser.findElement(By.id("tool"));
        browser.executeScript(
                "arguments[0].style.height = arguments[1] + 'px'", frame, Math.min(height.intValue() + 4, 2200));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(
                    frame.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.executeScript("arguments[0].style.height = '2200px'", frame);
        browser.switchTo().frame("tool");
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by));
    }
}
