package org.microlearn.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microlearn.testsupport.TestViewers.coach;
import static org.microlearn.testsupport.TestViewers.session;
import static org.microlearn.testsupport.TestViewers.teacher;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The authoring pages, driven as a coach would through forms. */
@SpringBootTest
@AutoConfigureMockMvc
class LessonAuthoringPagesTest {

    private static final AtomicLong DISTRICTS = new AtomicLong(30_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    CompetencyCatalog competencies;

    @Test
    void coachesSeeTheStarterLibraryWithLinksThatCarryTheirSession() throws Exception {
        String page = page(get("/author/lessons"), coach(DISTRICTS.incrementAndGet()));
        assertThat(page)
                .contains("Retrieval practice that sticks")
                .contains("Starter library")
                .containsPattern("href=\"/author/lessons/new\\?access_token=[^\"]+\"");
    }

    @Test
    void teachersCannotOpenTheAuthoringPages() throws Exception {
        mvc.perform(get("/author/lessons").with(session(teacher(DISTRICTS.incrementAndGet()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void authoredScriptsAndEventHandlersNeverRunOnThePublishedLesson() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String location = mvc.perform(completeLesson(post("/author/lessons"))
                        .param("sections[0].markdown", "Hi <script>alert('x')</script> <img src=x onerror=alert(1)>")
                        .param("sections[1].markdown", "[click](javascript:alert(2)) and **bold**")
                        .param("action", "publish")
                        .with(session(coach)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String page = page(get(location.substring(0, location.indexOf('?'))), coach);

        assertThat(page)
                .doesNotContain("<script>alert")
                .doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+\\s*=")
                .doesNotContainPattern("(?i)href=\"\\s*javascript:")
                .contains("&lt;script&gt;")
                .contains("<strong>bold</strong>");
    }

    @Test
    void badInputIsReportedNextToItsFieldAndNothingTypedIsLost() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String page = mvc.perform(post("/author/lessons")
                        .param("title", "My careful title")
                        .param("sections[0].heading", "A heading")
                        .param("estimatedMinutes", "ten")
                        .param("sections[0].videoUrl", "javascript:alert(1)")
                        .param("action", "save")
                        .with(session(coach)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Write a whole number of minutes, such as 10.")
                .contains("A video link must be a web address starting with https:// or http://.")
                .contains("value=\"My careful title\"")
                .contains("value=\"ten\"")
                .contains("value=\"javascript:alert(1)\"")
                .contains("href=\"#sections-0-videoUrl\"");
    }

    @Test
    void publishingAnIncompleteLessonKeepsTheDraftAndListsWhatIsMissing() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String page = mvc.perform(post("/author/lessons")
                        .param("title", "Only a title")
                        .param("action", "publish")
                        .with(session(coach)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Your draft is saved, but it cannot be published yet")
                .contains("Say in a sentence or two what teachers will get from it.")
                .contains("Write a question to check understanding.")
                .contains("value=\"Only a title\"")
                .containsPattern("action=\"/author/lessons/\\d+/edit\\?access_token=");
        assertThat(page(get("/author/lessons"), coach)).contains("Only a title").contains("Draft, not published");
        String lessonPath = page.replaceAll("(?s).*action=\"(/author/lessons/\\d+)/edit\\?access_token=.*", "$1");
        assertThat(page(get(lessonPath), coach))
                .contains("Not published yet: teachers cannot see it.")
                .contains("Preview draft");
    }

    @Test
    void editingAndRepublishingShowsBothVersions() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String location = mvc.perform(completeLesson(post("/author/lessons"))
                        .param("action", "publish")
                        .with(session(coach)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String lessonPath = location.substring(0, location.indexOf('?'));

        mvc.perform(completeLesson(post(lessonPath + "/edit"))
                        .param("sections[0].markdown", "The second edition of this section.")
                        .param("action", "publish")
                        .with(session(coach)))
                .andExpect(status().is3xxRedirection());

        String page = page(get(lessonPath), coach);
        assertThat(page)
                .contains("Published version <span>2</span>")
                .contains("Version 1: Exit tickets in practice")
                .contains("Version 2: Exit tickets in practice")
                .contains("The second edition of this section.");
    }

    @Test
    void savingAndPreviewingShowsTheDraftAsTeachersWillSeeItWithItsTimeEstimate() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String location = mvc.perform(completeLesson(post("/author/lessons"))
                        .param("action", "preview")
                        .with(session(coach)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/author/lessons/\\d+/preview\\?access_token=.+");

        String page = page(get(location.substring(0, location.indexOf('?'))), coach);

        assertThat(page)
                .contains("Preview of your draft")
                .contains("<h1>Exit tickets in practice</h1>")
                .contains("Check your understanding")
                .contains("COG.4 Assessment literacy")
                .contains("1d Assessment design")
                .contains("Student work sample")
                .containsPattern("About\\s+<strong>\\d+</strong> minutes");
    }

    @Test
    void starterLessonsOfferACopyInsteadOfEditing() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String list = page(get("/author/lessons"), coach);
        String starterPath = list.replaceAll(
                "(?s).*?href=\"(/author/lessons/\\d+)\\?access_token=[^\"]*\">Retrieval practice.*", "$1");

        String page = page(get(starterPath), coach);

        assertThat(page)
                .contains("Make a copy to adapt")
                .contains("Remove for my district")
                .doesNotContain(">Edit<");
        mvc.perform(get(starterPath + "/edit").with(session(coach))).andExpect(status().isConflict());
    }

    private MockHttpServletRequestBuilder completeLesson(MockHttpServletRequestBuilder request) {
        long competency = competencies.builtInCompetency("COG.4").orElseThrow().id();
        return request.param("title", "Exit tickets in practice")
                .param("summary", "Use one question at the end of a lesson to plan the next.")
                .param("estimatedMinutes", "8")
                .param("careerStages", "NOVICE", "EXPERIENCED")
                .param("competencyIds", Long.toString(competency))
                .param("sections[0].heading", "Why exit tickets")
                .param("sections[0].markdown", "They show what stuck.")
                .param("sections[1].heading", "How to use them")
                .param("sections[1].markdown", "Sort answers into three piles.")
                .param("question", "What is an exit ticket mainly for?")
                .param("options[0].text", "Planning the next lesson")
                .param("options[0].feedback", "Yes: it is evidence for your next step.")
                .param("options[1].text", "Grading")
                .param("options[1].feedback", "No: keep it low stakes.")
                .param("correct", "0")
                .param("reflectionPrompt", "When did evidence last change your plan?")
                .param("applyInstructions", "Use one exit ticket this week.")
                .param("evidenceType", "STUDENT_WORK");
    }

    private String page(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        return mvc.perform(request.with(session(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
