package org.microlearn.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates as pages show them ({@code ${@dates.day(instant)}} in templates). Days are UTC calendar
 * days: the LMS does not tell us the viewer's time zone, and a day is precise enough for due dates
 * and completions.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atOffset(ZoneOffset.UTC));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
