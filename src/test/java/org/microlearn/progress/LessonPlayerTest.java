package org.microlearn.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.session.SessionTokens;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A teacher works through a lesson over HTTP, as the pages do, and finds it in the portfolio. */
@MicrolearnTest
class LessonPlayerTest {

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LessonCatalog lessons;

    @LocalServerPort
    int port;

    TestHttp http;
    Educators educators;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        educators = new Educators(people, tokens);
    }

    @Test
    void aTeacherReadsChecksReflectsHandsInAndSeesItInThePortfolio() {
        long district = Educators.district();
        Educators.Signed tina = educators.teacher(district, "Tina Teacher");
        LessonVersion lesson = firstLesson(district);
        String base = "/learn/lessons/" + lesson.lessonId();

        HttpResponse<String> intro = http.get(tina.at(base));
        assertThat(intro.statusCode()).isEqualTo(200);
        assertThat(intro.body()).contains(lesson.title()).contains("Start the lesson");

        assertThat(http.postForm(tina.at(base + "/start"), TestHttp.form()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> resume = http.get(tina.at(base));
        assertThat(resume.headers().firstValue("Location").orElseThrow()).contains(base + "/steps/1?access_token=");

        int sections = lesson.body().sections().size();
        for (int i = 1; i <= sections; i++) {
            HttpResponse<String> page = http.get(tina.at(base + "/steps/" + i));
            assertThat(page.body()).contains(lesson.body().sections().get(i - 1).heading());
            assertThat(page.body()).contains("Step " + i + " of " + (sections + 3));
            assertThat(http.postForm(tina.at(base + "/steps/" + i + "/next"), TestHttp.form())
                            .statusCode())
                    .isEqualTo(302);
        }
        // Steps cannot be skipped: the apply step is not reachable before the check.
        assertThat(http.get(tina.at(base + "/steps/apply")).statusCode()).isEqualTo(302);

        int wrong = indexOf(lesson, false);
        int right = indexOf(lesson, true);
        http.postForm(tina.at(base + "/check"), TestHttp.form("option", Integer.toString(wrong)));
        String check = http.get(tina.at(base + "/steps/check")).body();
        assertThat(check)
                .contains("Not quite.")
                .contains(escape(lesson.body().check().options().get(wrong).feedback()));
        http.postForm(tina.at(base + "/check"), TestHttp.form("option", Integer.toString(right)));
        assertThat(http.get(tina.at(base + "/steps/check")).body()).contains("That’s right.");

        HttpResponse<String> empty = http.postForm(tina.at(base + "/reflection"), TestHttp.form("reflection", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(http.postForm(tina.at(base + "/reflection"), TestHttp.form("reflection", "My Year 9s forget fast."))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> badLink = http.postForm(
                tina.at(base + "/evidence"), TestHttp.form("link", "javascript:alert(1)", "note", "Kept note"));
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(badLink.body()).contains("must start with https://").contains("Kept note");

        HttpResponse<String> handedIn = http.postForm(
                tina.at(base + "/evidence"),
                TestHttp.form("link", "https://docs.example.org/plan", "note", "Three questions on Monday"));
        assertThat(handedIn.statusCode()).isEqualTo(302);
        assertThat(handedIn.headers().firstValue("Location").orElseThrow()).contains(base + "/done?");

        String done = http.get(tina.at(base + "/done")).body();
        assertThat(done)
                .contains("Nicely done.")
                .contains(lesson.estimatedMinutes() + "</span><span class=\"what\">minutes")
                .contains("Your evidence is with your coach");

        String portfolio = http.get(tina.at("/learn/portfolio")).body();
        assertThat(portfolio)
                .contains(lesson.title())
                .contains("My Year 9s forget fast.")
                .contains("https://docs.example.org/plan")
                .contains("Waiting for review");
        assertThat(http.get(tina.at("/learn")).body()).contains("You have completed <strong>1</strong>");
    }

    private LessonVersion firstLesson(long district) {
        long id = lessons.search(district, LessonFilter.all()).get(0).lessonId();
        return lessons.currentVersion(district, id).orElseThrow();
    }

    static int indexOf(LessonVersion lesson, boolean correct) {
        var options = lesson.body().check().options();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).correct() == correct) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text).replace("&#39;", "&#39;");
    }

    static String firstMatch(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as("pattern %s", regex).isTrue();
        return m.group(1);
    }
}
