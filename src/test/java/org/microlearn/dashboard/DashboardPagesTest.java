package org.microlearn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.session.SessionTokens;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.Educators.Signed;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin dashboard, its drill-down and its CSV show the platform's progress and nobody else's. */
@MicrolearnTest
class DashboardPagesTest {

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

    @Test
    void anAdminSeesProgressByCriterionDomainAndCourseAndDownloadsTheSameAsCsv() {
        TestHttp http = new TestHttp(port);
        Educators educators = new Educators(people, tokens);
        long district = Educators.district();
        Signed tess = educators.teacher(district, "=Tess Teacher");
        LessonVersion lesson = lessons.currentVersion(
                        district,
                        lessons.search(district, LessonFilter.all()).get(0).lessonId())
                .orElseThrow();
        progress.start(tess.viewer(), lesson.lessonId());
        for (int i = 0; i < lesson.body().sections().size(); i++) {
            progress.finishSection(tess.viewer(), lesson.lessonId(), i);
        }
        progress.answer(tess.viewer(), lesson.lessonId(), 0);
        progress.reflect(tess.viewer(), lesson.lessonId(), "Reflection");
        progress.submit(tess.viewer(), lesson.lessonId(), null, "Did it", null);
        Signed admin = educators.admin(district, "Adi Admin");

        HttpResponse<String> page = http.get(admin.at("/admin"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("By rubric criterion")
                .contains("By competency domain")
                .contains("By course")
                .contains("Professional learning")
                .contains("data-chart=\"1\"")
                .containsPattern("src=\"/webjars/chart.js/[0-9.]+/dist/chart.umd.js\"")
                // Static files carry no session token, so the browser caches them.
                .contains("href=\"/css/microlearn.css\"")
                .contains("<span class=\"number\" id=\"total-completions\">1</span>")
                .contains("id=\"gradebook-sync\"")
                .containsPattern("href=\"/admin/gradebook-sync\\?access_token=")
                .containsPattern("href=\"/admin/rubric-sync\\?access_token=");

        Matcher chartScript =
                Pattern.compile("src=\"(/webjars/chart.js/[^\"]+)\"").matcher(page.body());
        assertThat(chartScript.find()).isTrue();
        String chart = chartScript.group(1);
        for (String file : List.of(chart, "/css/microlearn.css", "/images/microlearn-logo.png")) {
            assertThat(http.get(file).statusCode()).as(file).isEqualTo(200);
        }

        HttpResponse<String> csv = http.get(admin.at("/admin/progress.csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("dimension,key,label,completions,educators,hours\r\n")
                .contains("course,")
                .contains(",Professional learning,1,1,")
                .contains("teacher," + tess.educatorId() + ",\"'=Tess Teacher\"")
                .contains("criterion,");
        assertThat(csv.body().lines().filter(l -> l.startsWith("domain,")).count())
                .isGreaterThanOrEqualTo(4);

        String drill =
                http.get(admin.at("/admin/teachers/" + tess.educatorId())).body();
        assertThat(drill).contains(lesson.title()).contains("Awaiting review");

        assertThat(http.get(tess.at("/admin/progress.csv")).statusCode()).isEqualTo(403);
        assertThat(http.get(educators.coach(district, "Cora").at("/admin")).statusCode())
                .isEqualTo(403);
    }
}
