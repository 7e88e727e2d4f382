package org.microlearn.lti.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An AGS line item (a gradebook column). {@code id} is its URL; platforms send empty strings for
 * unset {@code resourceId} and {@code tag} (Moodle does).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LineItem(
        String id,
        String label,
        Double scoreMaximum,
        String resourceId,
        String tag,
        String resourceLinkId,
        String startDateTime,
        String endDateTime) {

    /** A new column to create: no id yet. */
    public static LineItem of(String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
        return new LineItem(null, label, scoreMaximum, resourceId, tag, resourceLinkId, null, null);
    }

    boolean matches(String resourceId, String tag) {
        return same(this.resourceId, resourceId) && same(this.tag, tag);
    }

    private static boolean same(String actual, String wanted) {
        return wanted == null || wanted.equals(actual);
    }
}
