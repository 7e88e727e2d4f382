package org.microlearn.progress.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps teachers' evidence files: checks size and type (by content), writes the bytes under a
 * random name in {@link UploadProperties#directory()}, and records owner, platform and type.
 * Reading a file back is the controller's job, after it has checked who is asking.
 */
@Component
public class EvidenceFiles {

    /** A stored file's metadata. */
    public record StoredFile(
            String id, long platformId, long educatorId, String originalName, EvidenceKind kind, long size) {}

    /** Why a file was refused; the message is shown to the teacher. */
    public static class Rejected extends RuntimeException {
        private final boolean tooLarge;

        Rejected(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UploadProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    EvidenceFiles(UploadProperties properties, JdbcClient jdbc, Clock clock) throws IOException {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        Files.createDirectories(properties.directory());
    }

    public long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /** Checks and stores an upload for the educator; throws {@link Rejected} with a reason to show. */
    @Transactional
    public StoredFile store(long platformId, long educatorId, MultipartFile upload) {
        if (upload.getSize() > maxBytes()) {
            throw new Rejected(tooLargeMessage(), true);
        }
        if (upload.isEmpty()) {
            throw new Rejected("The file is empty. Choose the file again, or add a link instead.", false);
        }
        String id = newId();
        Path target = properties.directory().resolve(id);
        try {
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(target)) {
                head = in.readNBytes(4096);
            }
            EvidenceKind kind = EvidenceKind.detect(head, () -> Files.newInputStream(target))
                    .orElseThrow(() -> new Rejected(
                            "This kind of file cannot be handed in. Upload a PDF, a Word, PowerPoint or Excel file,"
                                    + " a PNG or JPEG image, an MP4 video or plain text, or add a link instead.",
                            false));
            String name = cleanName(upload.getOriginalFilename());
            jdbc.sql("""
                            INSERT INTO evidence_file (id, platform_id, educator_id, original_name, content_type, size_bytes, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            platformId,
                            educatorId,
                            name,
                            kind.contentType(),
                            Files.size(target),
                            Timestamp.from(clock.instant()))
                    .update();
            return new StoredFile(id, platformId, educatorId, name, kind, Files.size(target));
        } catch (IOException e) {
            deleteQuietly(target);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    public String tooLargeMessage() {
        return "The file is larger than " + properties.maxSize().toMegabytes()
                + " MB. Upload a smaller file (for a video, share a link to it instead).";
    }

    /** A file of the platform by id; the caller decides whether the viewer may see it. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(long platformId, String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT id, platform_id, educator_id, original_name, content_type, size_bytes FROM evidence_file"
                                + " WHERE id = ? AND platform_id = ?")
                .params(id, platformId)
                .query((rs, n) -> new StoredFile(
                        rs.getString("id"),
                        rs.getLong("platform_id"),
                        rs.getLong("educator_id"),
                        rs.getString("original_name"),
                        EvidenceKind.ofContentType(rs.getString("content_type")).orElse(EvidenceKind.TEXT),
                        rs.getLong("size_bytes")))
                .optional();
    }

    public Path path(StoredFile file) {
        return properties.directory().resolve(file.id());
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The name for the download only: no path, no control characters, not too long. */
    static String cleanName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .trim();
        if (name.isEmpty()) {
            name = "evidence";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A stray file under a random name harms nobody; the request's error matters more.
        }
    }
}
