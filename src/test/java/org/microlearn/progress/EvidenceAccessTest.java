package org.microlearn.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.session.SessionTokens;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.Educators.Signed;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.Multipart;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads (size, type by content) and who may read evidence, attempts and portfolios: the owner,
 * coaches and admins of the same platform, nobody else.
 */
@MicrolearnTest
class EvidenceAccessTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
    long district;
    LessonVersion lesson;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        educators = new Educators(people, tokens);
        district = Educators.district();
        lesson = lessons.currentVersion(
                        district,
                        lessons.search(district, LessonFilter.all()).get(1).lessonId())
                .orElseThrow();
    }

    @Test
    void aPdfIsStoredAndServedToItsOwnerTheirCoachesAndAdminsOnly() {
        Signed ana = educators.teacher(district, "Ana Author");
        String fileId = handInPdf(ana);

        HttpResponse<byte[]> own = http.getBytes(ana.at("/learn/evidence/" + fileId));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(PDF);
        assertThat(own.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(own.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox");

        Signed coach = educators.coach(district, "Cora Coach");
        Signed admin = educators.admin(district, "Adi Admin");
        assertThat(http.getBytes(coach.at("/learn/evidence/" + fileId)).statusCode())
                .isEqualTo(200);
        assertThat(http.getBytes(admin.at("/learn/evidence/" + fileId)).statusCode())
                .isEqualTo(200);

        // A coach of the same district but of another course is not this teacher's coach.
        Signed otherCoursesCoach =
                educators.person(district, "course-2", "Otto Othercourse", org.microlearn.shared.Role.COACH, null);
        assertThat(http.getBytes(otherCoursesCoach.at("/learn/evidence/" + fileId))
                        .statusCode())
                .isEqualTo(404);

        Signed ben = educators.teacher(district, "Ben Other");
        long elsewhere = Educators.district();
        Signed foreignCoach = educators.coach(elsewhere, "Fay Foreign");
        Signed foreignAdmin = educators.admin(elsewhere, "Fred Foreign");
        assertThat(http.getBytes(ben.at("/learn/evidence/" + fileId)).statusCode())
                .isEqualTo(404);
        assertThat(http.getBytes(foreignCoach.at("/learn/evidence/" + fileId)).statusCode())
                .isEqualTo(404);
        assertThat(http.getBytes(foreignAdmin.at("/learn/evidence/" + fileId)).statusCode())
                .isEqualTo(404);
        assertThat(http.getBytes("/learn/evidence/" + fileId).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherTeacherCannotReadAnAttemptReviewOrPortfolio() {
        Signed ana = educators.teacher(district, "Ana Author");
        handInPdf(ana);
        long attemptId = attemptId(ana);
        Signed ben = educators.teacher(district, "Ben Other");
        String base = "/learn/lessons/" + lesson.lessonId();

        // Ben's own (empty) state, never Ana's: no attempt of his, so 404 on her steps and finish page.
        assertThat(http.get(ben.at(base + "/done")).statusCode()).isEqualTo(404);
        assertThat(http.get(ben.at(base + "/steps/apply")).statusCode()).isEqualTo(404);
        assertThat(http.get(ben.at("/learn/portfolio")).body())
                .doesNotContain("Ana Author")
                .doesNotContain("A plan for Monday");
        assertThat(http.get(ben.at("/coach/reviews/" + attemptId)).statusCode()).isEqualTo(403);
        assertThat(http.get(ben.at("/coach/reviews")).statusCode()).isEqualTo(403);
        assertThat(http.get(ben.at("/admin")).statusCode()).isEqualTo(403);

        Signed foreignCoach = educators.coach(Educators.district(), "Fay Foreign");
        assertThat(http.get(foreignCoach.at("/coach/reviews/" + attemptId)).statusCode())
                .isEqualTo(404);
        assertThat(http.get(foreignCoach.at("/coach/reviews")).body()).doesNotContain("Ana Author");
        assertThat(http.postForm(
                                foreignCoach.at("/coach/reviews/" + attemptId),
                                TestHttp.form("decision", "APPROVED", "feedback", "x"))
                        .statusCode())
                .isEqualTo(404);
        Signed foreignAdmin = educators.admin(Educators.district(), "Fred Foreign");
        assertThat(http.get(foreignAdmin.at("/admin/teachers/" + ana.educatorId()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get(foreignAdmin.at("/admin")).body()).doesNotContain("Ana Author");

        Signed coach = educators.coach(district, "Cora Coach");
        assertThat(http.get(coach.at("/coach/reviews/" + attemptId)).body())
                .contains("Ana Author")
                .contains("A plan for Monday");
    }

    @Test
    void theCoachHomeCountsOnlyTheirOwnTeachersWorkAwaitingReview() {
        Signed ana = educators.teacher(district, "Ana Author");
        handInPdf(ana);
        Signed coach = educators.coach(district, "Cora Coach");
        Signed otherCoursesCoach =
                educators.person(district, "course-2", "Otto Othercourse", org.microlearn.shared.Role.COACH, null);

        assertThat(pendingOnHome(coach)).isEqualTo(countOnQueue(coach)).isPositive();
        assertThat(pendingOnHome(otherCoursesCoach)).isZero();
        assertThat(countOnQueue(otherCoursesCoach)).isZero();
        assertThat(http.get(otherCoursesCoach.at("/coach/reviews")).body()).doesNotContain("Ana Author");
    }

    private int pendingOnHome(Signed coach) {
        return Integer.parseInt(LessonPlayerTest.firstMatch(
                http.get(coach.at("/coach")).body(), "id=\"pending-reviews\"[^>]*>(\\d+)<"));
    }

    private int countOnQueue(Signed coach) {
        return (int) java.util.regex.Pattern.compile("card-title\"><a href=\"/coach/reviews/\\d+")
                .matcher(http.get(coach.at("/coach/reviews")).body())
                .results()
                .count();
    }

    @Test
    void aFileWhoseContentIsNotAnAllowedTypeIsRefusedWhateverItsName() {
        Signed ana = educators.teacher(district, "Ana Author");
        readToApply(ana);
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        HttpResponse<String> refused = http.send(new Multipart()
                .field("link", "")
                .field("note", "What I typed stays")
                .file("file", "lesson-plan.pdf", "application/pdf", program)
                .request(http.url(ana.at("/learn/lessons/" + lesson.lessonId() + "/evidence"))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("This kind of file cannot be handed in")
                .contains("What I typed stays");
    }

    @Test
    void aFileOverTwentyMegabytesGetsAFriendlyPageThatKeepsWhatWasTyped() {
        Signed ana = educators.teacher(district, "Ana Author");
        readToApply(ana);
        byte[] big = new byte[20 * 1024 * 1024 + 1024];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> tooBig = http.send(new Multipart()
                .field("link", "https://example.org/video")
                .field("note", "My careful note")
                .file("file", "lesson.txt", "text/plain", big)
                .request(http.url(ana.at("/learn/lessons/" + lesson.lessonId() + "/evidence"))));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body())
                .contains("larger than 20 MB")
                .contains("My careful note")
                .contains("https://example.org/video");
    }

    private void readToApply(Signed teacher) {
        String base = "/learn/lessons/" + lesson.lessonId();
        http.postForm(teacher.at(base + "/start"), TestHttp.form());
        for (int i = 1; i <= lesson.body().sections().size(); i++) {
            http.postForm(teacher.at(base + "/steps/" + i + "/next"), TestHttp.form());
        }
        http.postForm(teacher.at(base + "/check"), TestHttp.form("option", "0"));
        assertThat(http.postForm(teacher.at(base + "/reflection"), TestHttp.form("reflection", "Private thoughts"))
                        .statusCode())
                .isEqualTo(302);
    }

    private String handInPdf(Signed teacher) {
        readToApply(teacher);
        HttpResponse<String> handedIn = http.send(new Multipart()
                .field("link", "")
                .field("note", "A plan for Monday")
                .file("file", "plan.pdf", "application/pdf", PDF)
                .request(http.url(teacher.at("/learn/lessons/" + lesson.lessonId() + "/evidence"))));
        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(302);
        String done = http.get(teacher.at("/learn/lessons/" + lesson.lessonId() + "/steps/apply"))
                .body();
        return LessonPlayerTest.firstMatch(done, "/learn/evidence/([0-9a-f]{32})");
    }

    private long attemptId(Signed teacher) {
        return people != null
                ? Long.parseLong(LessonPlayerTest.firstMatch(
                        http.get(educators.coach(district, "Finder").at("/coach/reviews"))
                                .body(),
                        "/coach/reviews/(\\d+)\\?"))
                : 0;
    }
}
