package org.microlearn.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microlearn.testsupport.TestViewers.coach;
import static org.microlearn.testsupport.TestViewers.session;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Framework and rubric pages, renaming a rubric's levels, and uploading a CASE file. */
@SpringBootTest
@AutoConfigureMockMvc
class RubricPagesTest {

    private static final AtomicLong DISTRICTS = new AtomicLong(40_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    RubricCatalog rubrics;

    @Autowired
    CompetencyCatalog competencies;

    @Test
    void theBuiltInFrameworkAndRubricCanBeRead() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        String framework = page(
                coach,
                "/author/frameworks/"
                        + competencies.builtInFramework().orElseThrow().id());
        assertThat(framework).contains("Microlearn Educator Competencies").contains("INSTR.4 Feedback, questioning");
        String rubric = page(
                coach,
                "/author/rubrics/" + rubrics.builtInRubric().orElseThrow().id());
        assertThat(rubric)
                .contains("3b Questioning and discussion")
                .contains("<th scope=\"col\">Distinguished</th>")
                .contains("INSTR.4 Feedback, questioning and discussion (weight 1.0)")
                .contains("Make a district copy");
    }

    @Test
    void aDistrictRenamesTheLevelsOfItsOwnCopyOfTheRubric() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        long builtIn = rubrics.builtInRubric().orElseThrow().id();
        String copy = mvc.perform(post("/author/rubrics/" + builtIn + "/copy").with(session(coach)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String copyPath = copy.substring(0, copy.indexOf('?'));
        long copyId = Long.parseLong(copyPath.substring(copyPath.lastIndexOf('/') + 1));

        mvc.perform(post(copyPath + "/levels")
                        .param("names", "Ineffective", "Developing", "Effective", "Highly effective")
                        .with(session(coach)))
                .andExpect(status().is3xxRedirection());

        assertThat(rubrics.levels(copyId))
                .extracting(PerformanceLevel::name)
                .containsExactly("Ineffective", "Developing", "Effective", "Highly effective");
        assertThat(rubrics.levels(builtIn)).extracting(PerformanceLevel::name).startsWith("Beginning");
    }

    @Test
    void levelNamesMustBeDistinctAndTheFormKeepsWhatWasTyped() throws Exception {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        long builtIn = rubrics.builtInRubric().orElseThrow().id();
        long copy = Long.parseLong(
                mvc.perform(post("/author/rubrics/" + builtIn + "/copy").with(session(coach)))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl()
                        .replaceAll(".*/rubrics/(\\d+).*", "$1"));

        String page = mvc.perform(post("/author/rubrics/" + copy + "/levels")
                        .param("names", "Low", "Low", "High", "Top")
                        .with(session(coach)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Give each level a different name.").contains("value=\"Top\"");
        assertThat(rubrics.levels(copy)).extracting(PerformanceLevel::name).startsWith("Beginning");
    }

    @Test
    void theBuiltInRubricCannotBeRenamedInPlace() throws Exception {
        long builtIn = rubrics.builtInRubric().orElseThrow().id();
        String page = mvc.perform(post("/author/rubrics/" + builtIn + "/levels")
                        .param("names", "A", "B", "C", "D")
                        .with(session(coach(DISTRICTS.incrementAndGet()))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("make a district copy to rename its levels");
        assertThat(rubrics.levels(builtIn)).extracting(PerformanceLevel::name).startsWith("Beginning");
    }

    @Test
    void uploadingAMalformedFileShowsEveryProblemInATable() throws Exception {
        String file = """
                {"CFDocument": {"identifier": "not-a-uuid", "uri": "https://example.org/doc", "creator": "District",
                  "lastChangeDateTime": "2026-01-01T00:00:00Z"},
                 "CFItems": [{"identifier": "5f0b0c9e-0000-4000-8000-000000000001", "uri": "https://example.org/i",
                  "lastChangeDateTime": "2026-01-01T00:00:00Z"}]}
                """;
        String page = mvc.perform(multipart("/author/case")
                        .file(new MockMultipartFile(
                                "file", "district.json", "application/json", file.getBytes(StandardCharsets.UTF_8)))
                        .with(session(coach(DISTRICTS.incrementAndGet()))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("district.json</span> was not imported")
                .contains("<code>$.CFDocument</code>")
                .contains("must be a UUID")
                .contains("<code>title</code>")
                .contains("<code>$.CFItems[0]</code>")
                .contains("<code>fullStatement</code>");
    }

    private String page(Viewer viewer, String path) throws Exception {
        return mvc.perform(get(path).with(session(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
