package org.microlearn.progress.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types teachers may hand in, recognised by their bytes (magic numbers), never by the
 * name or the type the browser claims: a script renamed {@code plan.pdf} is refused.
 */
public enum EvidenceKind {
    PDF("application/pdf", "PDF", true),
    PNG("image/png", "PNG image", true),
    JPEG("image/jpeg", "JPEG image", true),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", false),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", false),
    MP4("video/mp4", "MP4 video", true),
    TEXT("text/plain;charset=UTF-8", "Text", false);

    /** What the upload form says is accepted. */
    public static final String ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.pptx,.xlsx,.mp4,.txt";

    private final String contentType;
    private final String label;
    private final boolean inline;

    EvidenceKind(String contentType, String label, boolean inline) {
        this.contentType = contentType;
        this.label = label;
        this.inline = inline;
    }

    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }

    /** Whether the browser may show it in place (images, PDF, video) rather than download it. */
    public boolean inline() {
        return inline;
    }

    public static Optional<EvidenceKind> ofContentType(String contentType) {
        for (EvidenceKind kind : values()) {
            if (kind.contentType.equals(contentType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * What the bytes are. {@code head} is the start of the file (at least 4 KB when the file is
     * that long); {@code whole} re-reads the file for the checks that need more (zip entries, text).
     */
    public static Optional<EvidenceKind> detect(byte[] head, InputStreamSupplier whole) throws IOException {
        if (startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            return Optional.of(MP4);
        }
        if (startsWith(head, 0, 'P', 'K', 0x03, 0x04)) {
            return office(whole);
        }
        return isText(whole) ? Optional.of(TEXT) : Optional.empty();
    }

    /** Office Open XML: a zip with [Content_Types].xml and the part folder of its kind. */
    private static Optional<EvidenceKind> office(InputStreamSupplier whole) throws IOException {
        boolean contentTypes = false;
        EvidenceKind kind = null;
        try (ZipInputStream zip = new ZipInputStream(whole.open())) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/")) {
                    kind = DOCX;
                } else if (name.startsWith("ppt/")) {
                    kind = PPTX;
                } else if (name.startsWith("xl/")) {
                    kind = XLSX;
                }
                if (contentTypes && kind != null) {
                    return Optional.of(kind);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** UTF-8 (or ASCII) without NUL or other control bytes than tab, CR, LF and form feed. */
    private static boolean isText(InputStreamSupplier whole) throws IOException {
        try (InputStream in = whole.open()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return false;
            }
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return false;
                }
            }
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Opens the file again from the start. */
    @FunctionalInterface
    public interface InputStreamSupplier {
        InputStream open() throws IOException;

        static InputStreamSupplier of(byte[] bytes) {
            return () -> new ByteArrayInputStream(bytes);
        }
    }
}
