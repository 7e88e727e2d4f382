package org.microlearn.lti.launch;

import java.util.Optional;
import org.microlearn.shared.ResourceLinkLessons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the lesson a resource link opens from what the launches recorded. */
@Component
class JdbcResourceLinkLessons implements ResourceLinkLessons {

    private final JdbcClient jdbc;

    JdbcResourceLinkLessons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> lessonRef(long platformId, String resourceLinkId) {
        if (resourceLinkId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT lesson_ref FROM lti_resource_link WHERE platform_id = ? AND resource_link_id = ?")
                .params(platformId, resourceLinkId)
                .query(String.class)
                .optional()
                .filter(ref -> !ref.isBlank());
    }
}
