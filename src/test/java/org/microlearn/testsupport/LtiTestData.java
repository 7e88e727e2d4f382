package org.microlearn.testsupport;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Rows a launch would have written (educator, course, LTI context, resource link), made directly
 * for tests of what comes after a launch.
 */
public final class LtiTestData {

    public static final String ALL_AGS_SCOPES = String.join(
            " ",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score");

    private final JdbcClient jdbc;

    public LtiTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long educator(long platformId, String subject, String name) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO educator (platform_id, subject, name) VALUES (?, ?, ?)")
                .params(platformId, subject, name)
                .update(key);
        return key.getKey().longValue();
    }

    public long course(long platformId, String contextId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO course (platform_id, context_id, title) VALUES (?, ?, ?)")
                .params(platformId, contextId, "Course " + contextId)
                .update(key);
        return key.getKey().longValue();
    }

    /** A course whose launches carried AGS and NRPS endpoints. */
    public long courseWithServices(long platformId, String lineItemsUrl, String membershipsUrl, String productFamily) {
        String contextId = UUID.randomUUID().toString();
        long courseId = course(platformId, contextId);
        jdbc.sql("""
                        INSERT INTO lti_context (platform_id, course_id, context_id, deployment_id, lineitems_url,
                                                 ags_scopes, memberships_url, product_family)
                        VALUES (?, ?, ?, '1', ?, ?, ?, ?)""")
                .params(
                        platformId,
                        courseId,
                        contextId,
                        lineItemsUrl,
                        lineItemsUrl == null ? null : ALL_AGS_SCOPES,
                        membershipsUrl,
                        productFamily)
                .update();
        return courseId;
    }

    public void resourceLink(long platformId, String resourceLinkId, long courseId, String lineItemUrl, String lesson) {
        jdbc.sql("""
                        INSERT INTO lti_resource_link (platform_id, resource_link_id, course_id, title, lineitem_url, lesson_ref)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(platformId, resourceLinkId, courseId, "Link " + resourceLinkId, lineItemUrl, lesson)
                .update();
    }
}
