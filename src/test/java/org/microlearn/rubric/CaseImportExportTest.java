package org.microlearn.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.startsWith;
import static org.microlearn.testsupport.TestViewers.coach;
import static org.microlearn.testsupport.TestViewers.session;
import static org.microlearn.testsupport.TestViewers.teacher;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CASE 1.0 import and export through the author endpoints. Each test imports into a district of
 * its own that starts with no frameworks or rubrics of its own: identifiers are unique per
 * district, so the built-in content can be re-imported there unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseImportExportTest {

    private static final AtomicLong DISTRICTS = new AtomicLong(9_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CompetencyCatalog competencies;

    @Autowired
    RubricCatalog rubrics;

    /** A district that has imported nothing yet. */
    private static Viewer newDistrictCoach() {
        return coach(DISTRICTS.incrementAndGet());
    }

    @Test
    void frameworkRoundTripExportImportIntoAnEmptyDistrictExportAgainIsIdentical() throws Exception {
        Viewer district = newDistrictCoach();
        long builtIn = competencies.builtInFramework().orElseThrow().id();
        String first = export(district, "/author/case/frameworks/" + builtIn);
        assertThat(countOwned(district, "competency_framework")).isZero();

        long imported = importOk(district, first, "framework");
        assertThat(imported).isNotEqualTo(builtIn);
        String second = export(district, "/author/case/frameworks/" + imported);

        assertThat(second).isEqualTo(first);
        JsonNode pkg = json.readTree(second);
        var framework = competencies.builtInFramework().orElseThrow();
        int items = framework.domains().size();
        for (var domain : framework.domains()) {
            items += domain.competencies().size();
            for (var competency : domain.competencies()) {
                items += competency.indicators().size();
            }
        }
        assertThat(pkg.get("CFItems")).hasSize(items);
        assertThat(pkg.get("CFAssociations")).hasSize(items);
        assertThat(pkg.get("CFAssociations").get(0).get("associationType").stringValue())
                .isEqualTo("isChildOf");
    }

    @Test
    void rubricRoundTripKeepsCriteriaLevelsAndTheWeightedCompetencyMapping() throws Exception {
        Viewer district = newDistrictCoach();
        long builtIn = rubrics.builtInRubric().orElseThrow().id();
        String first = export(district, "/author/case/rubrics/" + builtIn);

        long imported = importOk(district, first, "rubric");
        String second = export(district, "/author/case/rubrics/" + imported);

        assertThat(second).isEqualTo(first);
        JsonNode rubric = json.readTree(second).get("CFRubrics").get(0);
        JsonNode criterion = rubric.get("CFRubricCriteria").get(0);
        assertThat(criterion.get("CFRubricCriterionLevels")).hasSize(4);
        assertThat(criterion
                        .get("CFRubricCriterionLevels")
                        .get(2)
                        .get("quality")
                        .stringValue())
                .isEqualTo("Proficient");
        assertThat(rubrics.mappedCriteria(
                        district.platformId(),
                        competencies.builtInCompetency("INSTR.4").orElseThrow().id()))
                .extracting(MappedCriterion::code, MappedCriterion::rubricId)
                .contains(tuple("3b", imported));
    }

    @Test
    void aPackageWrappedInCfPackageIsAccepted() throws Exception {
        Viewer district = newDistrictCoach();
        String exported = export(district, "/author/case/frameworks/" + builtInFrameworkId());
        ObjectNode wrapped = json.createObjectNode();
        wrapped.set("CFPackage", json.readTree(exported));
        importOk(district, json.writeValueAsString(wrapped), "framework");
    }

    @Test
    void textThatIsNotJsonIsRejectedWithProblemDetails() throws Exception {
        Viewer district = newDistrictCoach();
        mvc.perform(post("/author/case/import")
                        .with(session(district))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"CFDocument\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].path").value("$"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("is not valid JSON")));
    }

    @Test
    void aMalformedFrameworkGetsEveryProblemListedAndChangesNothing() throws Exception {
        Viewer district = newDistrictCoach();
        ObjectNode pkg =
                (ObjectNode) json.readTree(export(district, "/author/case/frameworks/" + builtInFrameworkId()));
        ((ObjectNode) pkg.get("CFDocument")).remove("title");
        ObjectNode item3 = (ObjectNode) pkg.get("CFItems").get(3);
        item3.put("identifier", "not-a-uuid");
        ObjectNode item5 = (ObjectNode) pkg.get("CFItems").get(5);
        item5.put("lastChangeDateTime", "yesterday");
        String item5Id = item5.get("identifier").stringValue();
        ObjectNode item6 = (ObjectNode) pkg.get("CFItems").get(6);
        item6.remove("fullStatement");
        String item6Id = item6.get("identifier").stringValue();

        MvcResult result = mvc.perform(post("/author/case/import")
                        .with(session(district))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(pkg)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        JsonNode errors =
                json.readTree(result.getResponse().getContentAsString()).get("errors");
        assertThat(errors).hasSize(4);
        assertThat(problem(errors, "$.CFDocument", "title").get("message").stringValue())
                .isEqualTo("is required");
        assertThat(problem(errors, "$.CFItems[3]", "identifier").get("message").stringValue())
                .startsWith("must be a UUID");
        JsonNode badDate = problem(errors, "$.CFItems[5]", "lastChangeDateTime");
        assertThat(badDate.get("identifier").stringValue()).isEqualTo(item5Id);
        assertThat(badDate.get("message").stringValue()).contains("ISO 8601").contains("yesterday");
        assertThat(problem(errors, "$.CFItems[6]", "fullStatement")
                        .get("identifier")
                        .stringValue())
                .isEqualTo(item6Id);

        assertThat(countOwned(district, "competency_framework")).isZero();
    }

    @Test
    void aPartialFrameworkWithBrokenHierarchyIsRejectedAndChangesNothing() throws Exception {
        Viewer district = newDistrictCoach();
        ObjectNode pkg =
                (ObjectNode) json.readTree(export(district, "/author/case/frameworks/" + builtInFrameworkId()));
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        String orphan =
                associations.get(1).get("originNodeURI").get("identifier").stringValue();
        associations.remove(1); // the first competency loses its isChildOf
        ObjectNode dangling = (ObjectNode) associations.get(2);
        ((ObjectNode) dangling.get("destinationNodeURI")).put("identifier", "00000000-0000-4000-8000-000000000000");
        String danglingId = dangling.get("identifier").stringValue();

        MvcResult result = mvc.perform(post("/author/case/import")
                        .with(session(district))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(pkg)))
                .andExpect(status().isBadRequest())
                .andReturn();
        JsonNode errors =
                json.readTree(result.getResponse().getContentAsString()).get("errors");

        JsonNode danglingProblem = problem(errors, "$.CFAssociations[2]", "destinationNodeURI");
        assertThat(danglingProblem.get("identifier").stringValue()).isEqualTo(danglingId);
        assertThat(danglingProblem.get("message").stringValue()).contains("is neither");
        assertThat(errors.valueStream()
                        .filter(e -> orphan.equals(e.path("identifier").stringValue(null)))
                        .map(e -> e.get("message").stringValue()))
                .containsExactly("is not connected to the document: it has no isChildOf association");
        assertThat(countOwned(district, "competency_framework")).isZero();
        assertThat(countOwned(district, "competency")).isZero();
    }

    @Test
    void importingTheSameFrameworkTwiceIsRefused() throws Exception {
        Viewer district = newDistrictCoach();
        String exported = export(district, "/author/case/frameworks/" + builtInFrameworkId());
        importOk(district, exported, "framework");
        mvc.perform(post("/author/case/import")
                        .with(session(district))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(exported))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].path").value("$.CFDocument"))
                .andExpect(jsonPath("$.errors[0].field").value("identifier"))
                .andExpect(
                        jsonPath("$.errors[0].message").value(startsWith("your library already has this framework")));
        assertThat(countOwned(district, "competency_framework")).isEqualTo(1);
    }

    @Test
    void aRubricWithInconsistentLevelsAndAnUnknownCompetencyIsRejectedAndChangesNothing() throws Exception {
        Viewer district = newDistrictCoach();
        long builtIn = rubrics.builtInRubric().orElseThrow().id();
        ObjectNode pkg = (ObjectNode) json.readTree(export(district, "/author/case/rubrics/" + builtIn));
        ObjectNode criterion =
                (ObjectNode) pkg.get("CFRubrics").get(0).get("CFRubricCriteria").get(1);
        ((ObjectNode) criterion.get("CFRubricCriterionLevels").get(3)).put("quality", "Exemplary");
        String criterionId = criterion.get("identifier").stringValue();
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        int mapping = 0;
        while (!"isRelatedTo"
                .equals(associations.get(mapping).get("associationType").stringValue())) {
            mapping++;
        }
        ((ObjectNode) associations.get(mapping).get("destinationNodeURI"))
                .put("identifier", "11111111-2222-4333-8444-555555555555");

        MvcResult result = mvc.perform(post("/author/case/import")
                        .with(session(district))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(pkg)))
                .andExpect(status().isBadRequest())
                .andReturn();
        JsonNode errors =
                json.readTree(result.getResponse().getContentAsString()).get("errors");
        assertThat(errors).hasSize(2);
        JsonNode levels = problem(errors, "$.CFRubrics[0].CFRubricCriteria[1]", "CFRubricCriterionLevels");
        assertThat(levels.get("identifier").stringValue()).isEqualTo(criterionId);
        assertThat(levels.get("message").stringValue())
                .contains("use the same levels")
                .contains("Distinguished (4.0)")
                .contains("Exemplary (4.0)");
        assertThat(problem(errors, "$.CFAssociations[" + mapping + "]", "destinationNodeURI")
                        .get("message")
                        .stringValue())
                .contains("11111111-2222-4333-8444-555555555555")
                .contains("import its framework first");
        assertThat(countOwned(district, "rubric")).isZero();
    }

    @Test
    void exportsAreScopedToTheDistrict() throws Exception {
        Viewer owner = newDistrictCoach();
        long imported = importOk(owner, export(owner, "/author/case/frameworks/" + builtInFrameworkId()), "framework");
        mvc.perform(get("/author/case/frameworks/" + imported).with(session(newDistrictCoach())))
                .andExpect(status().isNotFound());
    }

    @Test
    void teachersCannotImport() throws Exception {
        mvc.perform(post("/author/case/import")
                        .with(session(teacher(DISTRICTS.incrementAndGet())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    private long builtInFrameworkId() {
        return competencies.builtInFramework().orElseThrow().id();
    }

    private String export(Viewer viewer, String path) throws Exception {
        return mvc.perform(get(path).with(session(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long importOk(Viewer viewer, String body, String kind) throws Exception {
        MvcResult result = mvc.perform(post("/author/case/import")
                        .with(session(viewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value(kind))
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString())
                .get("id")
                .longValue();
    }

    private static JsonNode problem(JsonNode errors, String path, String field) {
        for (JsonNode error : errors) {
            if (path.equals(error.get("path").stringValue())
                    && field.equals(error.path("field").stringValue(null))) {
                return error;
            }
        }
        throw new AssertionError("No problem at " + path + " " + field + " in " + errors);
    }

    private long countOwned(Viewer viewer, String table) {
        String sql = switch (table) {
            case "competency_framework", "rubric" -> "SELECT COUNT(*) FROM " + table + " WHERE platform_id = ?";
            case "competency" ->
                "SELECT COUNT(*) FROM competency c JOIN competency_framework f"
                        + " ON f.id = c.framework_id WHERE f.platform_id = ?";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.sql(sql).param(viewer.platformId()).query(Long.class).single();
    }
}
