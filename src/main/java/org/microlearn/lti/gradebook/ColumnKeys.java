package org.microlearn.lti.gradebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.microlearn.shared.GradebookScoreChanged;

/**
 * Fixed-length keys for gradebook columns: tags such as {@code rubric:<rubric>:<criterion>} and
 * resource ids have no length we control, unique indexes do.
 */
final class ColumnKeys {

    private ColumnKeys() {}

    /** The delivery's column: its resource link when it has one, else its tag and resourceId. */
    static String of(GradebookScoreChanged.Column column) {
        return column.resourceLinkId() != null
                ? sha256("link\n" + column.resourceLinkId())
                : lineItem(column.tag(), column.resourceId());
    }

    /** A column found or created in the course by tag and resourceId. */
    static String lineItem(String tag, String resourceId) {
        return sha256("column\n" + nullToEmpty(tag) + "\n" + nullToEmpty(resourceId));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
