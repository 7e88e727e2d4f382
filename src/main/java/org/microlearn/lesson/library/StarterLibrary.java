package org.microlearn.lesson.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.microlearn.lesson.EvidenceType;
import org.microlearn.lesson.LessonBody;
import org.microlearn.shared.CareerStage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter lessons as written in {@code library/lessons/*.yaml}: one file per lesson, Markdown
 * in block scalars, competencies named by their built-in codes.
 */
public final class StarterLibrary {

    public static final String LOCATION = "classpath:library/lessons/*.yaml";

    /** One lesson file. */
    public record LessonFile(
            String identifier,
            String title,
            String summary,
            int estimatedMinutes,
            Set<CareerStage> careerStages,
            List<String> competencies,
            List<SectionFile> sections,
            CheckFile check,
            String reflection,
            ApplyFile apply) {

        public LessonBody body() {
            return new LessonBody(
                    sections.stream()
                            .map(section -> new LessonBody.Section(
                                    section.heading(),
                                    section.body(),
                                    section.videoUrl(),
                                    section.transcript(),
                                    section.videoMinutes()))
                            .toList(),
                    new LessonBody.Check(
                            check.question(),
                            check.options().stream()
                                    .map(option ->
                                            new LessonBody.Option(option.text(), option.correct(), option.feedback()))
                                    .toList()),
                    reflection,
                    new LessonBody.ApplyTask(apply.task(), apply.evidence()));
        }
    }

    public record SectionFile(String heading, String body, String videoUrl, String transcript, Integer videoMinutes) {}

    public record CheckFile(String question, List<OptionFile> options) {}

    public record OptionFile(String text, boolean correct, String feedback) {}

    public record ApplyFile(EvidenceType evidence, String task) {}

    private StarterLibrary() {}

    /** Every lesson file, in file-name order. */
    public static List<LessonFile> read(JsonMapper mapper) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<Resource> sorted = new ArrayList<>(Arrays.asList(resources));
            sorted.sort(Comparator.comparing(Resource::getFilename));
            List<LessonFile> lessons = new ArrayList<>();
            for (Resource resource : sorted) {
                try (InputStream in = resource.getInputStream()) {
                    Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    lessons.add(mapper.convertValue(data, LessonFile.class));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "Starter lesson " + resource.getFilename() + ": " + e.getMessage(), e);
                }
            }
            return lessons;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the starter lessons", e);
        }
    }
}
