package org.microlearn.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonSummary;
import org.microlearn.people.LearningGroups;
import org.microlearn.people.People;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.Role;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.Educators.Signed;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coach groups teachers, sets career stages, assigns lessons and sees who is behind. */
@MicrolearnTest
class CoachingPagesTest {

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LessonCatalog lessons;

    @Autowired
    LearningGroups groups;

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
    void assignmentsToAGroupAndAStageReachTheirTeachersAndOverdueOnesShowWhoIsBehind() {
        long district = Educators.district();
        Signed coach = educators.coach(district, "Cora Coach");
        Signed ana = educators.teacher(district, "Ana Novice");
        Signed ben = educators.teacher(district, "Ben Veteran");
        LessonSummary first = lessons.search(district, LessonFilter.all()).get(0);
        LessonSummary second = lessons.search(district, LessonFilter.all()).get(1);

        assertThat(http.postForm(coach.at("/coach/groups"), TestHttp.form("name", "Grade 4 PLC", "kind", "PLC"))
                        .statusCode())
                .isEqualTo(302);
        long groupId = groups.groups(district).get(0).id();
        http.postForm(
                coach.at("/coach/groups/" + groupId + "/members"),
                TestHttp.form("educatorId", Long.toString(ben.educatorId())));
        http.postForm(coach.at("/coach/people/" + ana.educatorId() + "/stage"), TestHttp.form("stage", "NOVICE"));
        HttpResponse<String> duplicate =
                http.postForm(coach.at("/coach/groups"), TestHttp.form("name", "Grade 4 PLC", "kind", "PLC"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("already exists");

        String peoplePage = http.get(coach.at("/coach/people")).body();
        assertThat(peoplePage).contains("Ana Novice").contains("Ben Veteran").contains("Grade 4 PLC");
        assertThat(peoplePage).containsPattern("<option value=\"NOVICE\" selected=\"selected\">");

        String yesterday = LocalDate.now().minusDays(1).toString();
        HttpResponse<String> toGroup = http.postForm(
                coach.at("/coach/assign"),
                TestHttp.form(
                        "lessonId",
                        Long.toString(first.lessonId()),
                        "target",
                        "GROUP",
                        "groupId",
                        Long.toString(groupId),
                        "dueOn",
                        yesterday,
                        "note",
                        "Before our PLC"));
        assertThat(toGroup.statusCode()).as(toGroup.body()).isEqualTo(302);
        assertThat(http.postForm(
                                coach.at("/coach/assign"),
                                TestHttp.form(
                                        "lessonId",
                                        Long.toString(second.lessonId()),
                                        "target",
                                        "STAGE",
                                        "stage",
                                        "NOVICE",
                                        "dueOn",
                                        LocalDate.now().plusDays(7).toString()))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> incomplete =
                http.postForm(coach.at("/coach/assign"), TestHttp.form("lessonId", "", "target", "GROUP"));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("Choose a lesson.");

        String bensLearning = http.get(ben.at("/learn")).body();
        assertThat(bensLearning)
                .contains(first.title())
                .contains("Assigned by Cora Coach to Grade 4 PLC")
                .contains("Overdue")
                .doesNotContain("to everyone at stage");
        String anasLearning = http.get(ana.at("/learn")).body();
        assertThat(anasLearning).contains(second.title()).contains("everyone at stage Novice / induction");
        assertThat(anasLearning).contains("For your stage: Novice / induction");

        String home = http.get(coach.at("/coach")).body();
        assertThat(home).contains("Who is behind").containsPattern("<strong>Ben Veteran</strong>:\\s*<span>");
        assertThat(http.get(ana.at("/coach")).statusCode()).isEqualTo(403);
        Signed foreign = educators.coach(Educators.district(), "Fay Foreign");
        assertThat(http.get(foreign.at("/coach")).body()).doesNotContain("Ben Veteran");
        // A coach of another course in the same district is not Ben's coach: no names of his.
        Signed otherCourse = educators.person(district, "course-2", "Otto Othercourse", Role.COACH, null);
        assertThat(http.get(otherCourse.at("/coach")).body())
                .contains("Who is behind")
                .doesNotContain("Ben Veteran");
        assertThat(http.postForm(
                                foreign.at("/coach/people/" + ana.educatorId() + "/stage"),
                                TestHttp.form("stage", "TEACHER_LEADER"))
                        .statusCode())
                .isEqualTo(404);
    }
}
