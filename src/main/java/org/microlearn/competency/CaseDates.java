package org.microlearn.competency;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** CASE lastChangeDateTime values: ISO 8601, UTC. */
public final class CaseDates {

    private CaseDates() {}

    /** The instant, or {@code null} when the text is not an ISO 8601 date-time. */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Some tools omit the offset; CASE dates are UTC by convention.
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** E.g. {@code 2026-11-01T00:00:00Z}; the same instant always gives the same text. */
    public static String format(Instant instant) {
        return instant.toString();
    }

    /** For DATETIME columns, which hold UTC wall-clock time. */
    public static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
