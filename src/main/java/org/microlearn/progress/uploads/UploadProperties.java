package org.microlearn.progress.uploads;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where apply-it evidence files are kept and how big they may be.
 *
 * @param directory outside the web root; files are named by random id (MICROLEARN_UPLOADS_DIRECTORY)
 * @param maxSize the largest file a teacher may hand in; keep
 *     {@code spring.servlet.multipart.max-file-size} at least this big
 */
@Validated
@ConfigurationProperties("microlearn.uploads")
public record UploadProperties(
        @NotNull @DefaultValue("./data/uploads") Path directory,
        @NotNull @DefaultValue("20MB") DataSize maxSize) {}
