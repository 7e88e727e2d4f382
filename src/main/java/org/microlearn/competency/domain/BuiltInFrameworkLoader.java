package org.microlearn.competency.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.microlearn.competency.CaseDates;
import org.microlearn.competency.CaseIdentifiers;
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
 * Loads the built-in framework ({@code library/framework.yaml}) at every start. Rows already
 * present are left as they are, so this is a no-op after the first start and safe on two nodes
 * at once; a release that adds competencies adds just those.
 *
 * <p>Runs before the rubric and lesson libraries, which refer to its competencies by code.
 */
@Component
@Order(100)
class BuiltInFrameworkLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltInFrameworkLoader.class);
    static final String RESOURCE = "library/framework.yaml";

    record FrameworkFile(
            String identifier,
            String title,
            String description,
            String creator,
            String publisher,
            String version,
            String language,
            String licenseTitle,
            String licenseUri,
            String officialSourceUrl,
            String lastChange,
            List<NodeFile> domains) {}

    /** A domain (children: competencies), a competency (children: indicators) or an indicator. */
    record NodeFile(
            String identifier,
            String code,
            String title,
            String statement,
            List<NodeFile> competencies,
            List<NodeFile> indicators) {

        List<NodeFile> children() {
            return competencies != null ? competencies : indicators != null ? indicators : List.of();
        }
    }

    private final FrameworkWriter writer;
    private final JsonMapper mapper;

    BuiltInFrameworkLoader(FrameworkWriter writer, JsonMapper mapper) {
        this.writer = writer;
        this.mapper = mapper;
    }

    @Override
    public void run(ApplicationArguments args) {
        FrameworkDraft draft = draft(read());
        FrameworkWriter.Stored stored = writer.write(draft, false);
        if (stored.created()) {
            log.info("Loaded the built-in competency framework \"{}\"", draft.title());
        }
    }

    FrameworkFile read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return mapper.convertValue(data, FrameworkFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static FrameworkDraft draft(FrameworkFile file) {
        var lastChange = CaseDates.parse(file.lastChange());
        return new FrameworkDraft(
                null,
                file.identifier(),
                null,
                file.title(),
                file.description(),
                file.creator(),
                file.publisher(),
                file.version(),
                file.language(),
                file.licenseTitle(),
                file.licenseUri(),
                file.officialSourceUrl(),
                lastChange,
                nodes(file.domains(), file.identifier(), lastChange));
    }

    private static List<FrameworkDraft.Node> nodes(List<NodeFile> nodes, String parent, Instant lastChange) {
        return nodes.stream()
                .map(node -> new FrameworkDraft.Node(
                        node.identifier(),
                        null,
                        node.code(),
                        node.title(),
                        node.statement(),
                        // Derived, so every export of the built-in framework carries the same one.
                        CaseIdentifiers.nameBased("isChildOf:" + node.identifier() + ":" + parent),
                        lastChange,
                        nodes(node.children(), node.identifier(), lastChange)))
                .toList();
    }
}
