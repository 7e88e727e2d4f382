package org.microlearn.lti.services;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code next} page from RFC 8288 {@code Link} headers, tolerating what platforms send:
 * several headers or one with several links, any case in names, and Moodle's typographic quotes
 * ({@code rel=“next”}), which arrive as UTF-8 bytes read as Latin-1, or as {@code ?}.
 */
final class LinkHeaders {

    /** One link: the URI between angle brackets and the parameters up to the next link. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");

    /** rel's value: skip whatever quote characters surround it, take the ASCII words. */
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*[^A-Za-z0-9]*([A-Za-z0-9._:/\\- ]+)");

    private LinkHeaders() {}

    static Optional<String> next(List<String> linkHeaderValues) {
        for (String value : linkHeaderValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    for (String relation : rel.group(1).trim().split("\\s+")) {
                        if (relation.toLowerCase(Locale.ROOT).equals("next")) {
                            return Optional.of(link.group(1).trim());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
