package org.microlearn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.people.People;
import org.microlearn.session.SessionTokens;
import org.microlearn.testsupport.Browsers;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.MicrolearnTest;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** axe-core's automated WCAG 2.1 A and AA rules on the pages each role uses, in headless Chromium. */
@MicrolearnTest
class AccessibilityBrowserTest {

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LessonCatalog lessons;

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
    void theMainPagesOfEveryRolePassAxesWcagAAChecks() {
        long district = Educators.district();
        Educators educators = new Educators(people, tokens);
        Educators.Signed teacher = educators.teacher(district, "Tess Teacher");
        Educators.Signed coach = educators.coach(district, "Cora Coach");
        Educators.Signed admin = educators.admin(district, "Ada Admin");
        long lesson = lessons.search(district, LessonFilter.all()).get(0).lessonId();

        List<String> pages = List.of(
                teacher.at("/learn"),
                teacher.at("/learn/lessons/" + lesson),
                teacher.at("/learn/portfolio"),
                coach.at("/coach"),
                coach.at("/coach/people"),
                coach.at("/author/lessons"),
                admin.at("/admin"),
                admin.at("/admin/rubric-sync"));
        for (String page : pages) {
            browser.get("http://localhost:" + port + page);
            assertThat(browser.getPageSource())
                    .as("the page itself, not an error page")
                    .doesNotContain("session has ended")
                    .doesNotContain("Whitelabel")
                    .contains("<main");
            Browsers.assertAccessible(browser, page.replaceAll("access_token=[^&]+", "access_token=…"));
        }
    }
}
