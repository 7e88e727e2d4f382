package org.microlearn.rubric.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microlearn.competency.CaseDates;
import org.microlearn.competency.CaseIdentifiers;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the built-in rubric and its competency mapping ({@code library/rubric.yaml}) at every
 * start, idempotently (see {@link RubricWriter}). Runs after the built-in framework, whose
 * competencies the mapping names by code, and before the lesson library.
 */
@Component
@Order(200)
class BuiltInRubricLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltInRubricLoader.class);
    static final String RESOURCE = "library/rubric.yaml";

    record RubricFile(
            String identifier,
            String documentIdentifier,
            String title,
            String description,
            String creator,
            String publisher,
            String version,
            String language,
            String licenseTitle,
            String licenseUri,
            String lastChange,
            List<LevelFile> levels,
            List<DomainFile> domains) {}

    record LevelFile(String name, double score) {}

    record DomainFile(String identifier, String code, String title, String statement, List<CriterionFile> criteria) {}

    record CriterionFile(
            String identifier,
            String code,
            String title,
            String statement,
            List<String> levels,
            Map<String, Double> competencies) {}

    private final RubricWriter writer;
    private final CompetencyCatalog competencies;
    private final JsonMapper mapper;

    BuiltInRubricLoader(RubricWriter writer, CompetencyCatalog competencies, JsonMapper mapper) {
        this.writer = writer;
        this.competencies = competencies;
        this.mapper = mapper;
    }

    @Override
    public void run(ApplicationArguments args) {
        RubricDraft draft = draft(read());
        if (writer.write(draft, false).created()) {
            log.info("Loaded the built-in rubric \"{}\"", draft.title());
        }
    }

    RubricFile read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return mapper.convertValue(data, RubricFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    RubricDraft draft(RubricFile file) {
        Instant lastChange = CaseDates.parse(file.lastChange());
        List<RubricDraft.Mapping> mappings = new ArrayList<>();
        List<RubricDraft.Domain> domains = file.domains().stream()
                .map(domain -> new RubricDraft.Domain(
                        domain.identifier(),
                        null,
                        domain.code(),
                        domain.title(),
                        domain.statement(),
                        CaseIdentifiers.nameBased("isChildOf:" + domain.identifier() + ":" + file.documentIdentifier()),
                        lastChange,
                        domain.criteria().stream()
                                .map(criterion -> criterion(criterion, domain, lastChange, mappings))
                                .toList()))
                .toList();
        return new RubricDraft(
                null,
                file.identifier(),
                null,
                file.title(),
                file.description(),
                lastChange,
                file.documentIdentifier(),
                null,
                file.title(),
                file.creator(),
                file.publisher(),
                file.version(),
                file.language(),
                file.licenseTitle(),
                file.licenseUri(),
                lastChange,
                file.levels().stream()
                        .map(level -> new RubricDraft.Level(level.name(), level.score()))
                        .toList(),
                domains,
                mappings);
    }

    private RubricDraft.Criterion criterion(
            CriterionFile criterion, DomainFile domain, Instant lastChange, List<RubricDraft.Mapping> mappings) {
        List<RubricDraft.Descriptor> descriptors = new ArrayList<>();
        for (int i = 0; i < criterion.levels().size(); i++) {
            descriptors.add(new RubricDraft.Descriptor(
                    CaseIdentifiers.nameBased("level:" + criterion.identifier() + ":" + (i + 1)),
                    null,
                    criterion.levels().get(i),
                    null,
                    lastChange));
        }
        criterion.competencies().forEach((code, weight) -> {
            CompetencyRef competency = competencies
                    .builtInCompetency(code)
                    .orElseThrow(() -> new IllegalStateException(
                            RESOURCE + ": criterion " + criterion.code() + " maps to unknown competency " + code));
            mappings.add(new RubricDraft.Mapping(
                    criterion.identifier(),
                    competency.id(),
                    weight,
                    CaseIdentifiers.nameBased("isRelatedTo:" + criterion.identifier() + ":" + competency.uuid()),
                    lastChange));
        });
        return new RubricDraft.Criterion(
                criterion.identifier(),
                null,
                criterion.code(),
                criterion.title(),
                criterion.statement(),
                CaseIdentifiers.nameBased("isChildOf:" + criterion.identifier() + ":" + domain.identifier()),
                lastChange,
                CaseIdentifiers.nameBased("criterion:" + criterion.identifier()),
                null,
                null,
                lastChange,
                descriptors);
    }
}
