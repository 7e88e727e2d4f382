package org.microlearn.lti.services;

import java.util.List;

/**
 * Where a course's Assignment and Grade Services live, as its launches told us.
 *
 * @param lineItemsUrl the line items container of the course (may carry a query string)
 * @param scopes the AGS scopes the platform granted
 */
public record AgsEndpoint(String lineItemsUrl, List<String> scopes) {

    public AgsEndpoint {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** From the space- or comma-separated scopes as stored with a course. */
    public static AgsEndpoint of(String lineItemsUrl, String scopes) {
        return new AgsEndpoint(
                lineItemsUrl,
                scopes == null || scopes.isBlank()
                        ? List.of()
                        : List.of(scopes.trim().split("[\\s,]+")));
    }

    public boolean grants(String scope) {
        return scopes.contains(scope);
    }
}
