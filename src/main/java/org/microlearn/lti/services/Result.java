package org.microlearn.lti.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An AGS result: what the gradebook holds for one user in one line item. Moodle leaves out
 * {@code resultScore} when the score is 0 or absent, so a missing score means "no score".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Result(
        String id,
        String scoreOf,
        String userId,
        Double resultScore,
        Double resultMaximum,
        String comment,
        String timestamp) {

    public boolean hasScore() {
        return resultScore != null;
    }
}
