package org.microlearn.lti.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One course member from Names and Role Provisioning Services. Roles come as full LIS URIs
 * (Canvas) or short names (Moodle: {@code Learner}, {@code Instructor}). NRPS names its fields in
 * snake case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(
        @JsonProperty("user_id") String userId,
        String status,
        String name,
        @JsonProperty("given_name") String givenName,
        @JsonProperty("family_name") String familyName,
        String email,
        List<String> roles) {

    public Member {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Active unless the platform says otherwise (the spec's default). */
    public boolean isActive() {
        return status == null || "Active".equalsIgnoreCase(status);
    }
}
