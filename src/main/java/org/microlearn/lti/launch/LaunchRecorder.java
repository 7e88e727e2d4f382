package org.microlearn.lti.launch;

import java.time.Duration;
import java.util.Set;
import org.microlearn.people.People;
import org.microlearn.shared.RecentWrites;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes down what a valid launch tells us, in one transaction: the educator and course (through
 * the people module), the course's LTI service endpoints and the resource link. Returns the
 * viewer the session is issued for.
 */
@Component
class LaunchRecorder {

    private final People people;
    private final JdbcClient jdbc;

    /** Relaunches repeat the same endpoints: rows written in the last minutes are not rewritten. */
    private final RecentWrites recent = new RecentWrites(Duration.ofMinutes(5), 100_000);

    private record ContextFacts(
            long courseId, String deploymentId, LtiLaunch.Ags ags, LtiLaunch.Nrps nrps, String family) {}

    private record LinkFacts(
            long platformId, LtiLaunch.ResourceLink link, Long courseId, String lineItem, String lesson) {}

    LaunchRecorder(People people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    @Transactional
    Viewer record(LtiLaunch launch) {
        LtiLaunch.User user = launch.user();
        LtiLaunch.Context context = launch.context();
        Set<Role> roles = launch.roles();
        People.Arrival arrival = people.recordArrival(
                new People.Arriving(
                        launch.platformId(),
                        user.subject(),
                        user.name(),
                        user.givenName(),
                        user.familyName(),
                        user.email()),
                context == null ? null : new People.ArrivingCourse(context.id(), context.label(), context.title()),
                roles);
        if (arrival.courseId() != null) {
            recordContext(launch, arrival.courseId());
        }
        if (launch.resourceLink() != null && !launch.isSubmissionReview()) {
            recordResourceLink(launch, arrival.courseId());
        }
        return new Viewer(
                launch.platformId(),
                arrival.educatorId(),
                arrival.courseId(),
                roles,
                displayName(user),
                launch.resourceLink() == null ? null : launch.resourceLink().id());
    }

    private void recordContext(LtiLaunch launch, long courseId) {
        LtiLaunch.Ags ags = launch.ags();
        var facts = new ContextFacts(courseId, launch.deploymentId(), ags, launch.nrps(), launch.productFamily());
        recent.writeUnlessRecent(facts, () -> (long) jdbc.sql("""
                        INSERT INTO lti_context (platform_id, course_id, context_id, deployment_id, lineitems_url, ags_scopes,
                                                 memberships_url, product_family)
                        VALUES (:platform, :course, :context, :deployment, :lineitems, :scopes, :memberships, :family)
                        ON DUPLICATE KEY UPDATE deployment_id = VALUES(deployment_id),
                            lineitems_url = COALESCE(VALUES(lineitems_url), lineitems_url),
                            ags_scopes = COALESCE(VALUES(ags_scopes), ags_scopes),
                            memberships_url = COALESCE(VALUES(memberships_url), memberships_url),
                            product_family = COALESCE(VALUES(product_family), product_family),
                            updated_at = CURRENT_TIMESTAMP(6)
                        """)
                .param("platform", launch.platformId())
                .param("course", courseId)
                .param("context", launch.context().id())
                .param("deployment", launch.deploymentId())
                .param("lineitems", ags == null ? null : ags.lineItemsUrl())
                .param("scopes", ags == null ? null : String.join(" ", ags.scopes()))
                .param(
                        "memberships",
                        launch.nrps() == null ? null : launch.nrps().contextMembershipsUrl())
                .param("family", launch.productFamily())
                .update());
    }

    private void recordResourceLink(LtiLaunch launch, Long courseId) {
        String lineItem = launch.ags() == null ? null : launch.ags().lineItemUrl();
        String lesson = launch.custom().get("lesson");
        var facts = new LinkFacts(launch.platformId(), launch.resourceLink(), courseId, lineItem, lesson);
        recent.writeUnlessRecent(facts, () -> (long) jdbc.sql("""
                        INSERT INTO lti_resource_link (platform_id, resource_link_id, course_id, title, lineitem_url, lesson_ref)
                        VALUES (:platform, :link, :course, :title, :lineitem, :lesson)
                        ON DUPLICATE KEY UPDATE course_id = COALESCE(VALUES(course_id), course_id),
                            title = COALESCE(VALUES(title), title),
                            lineitem_url = COALESCE(VALUES(lineitem_url), lineitem_url),
                            lesson_ref = COALESCE(VALUES(lesson_ref), lesson_ref),
                            updated_at = CURRENT_TIMESTAMP(6)
                        """)
                .param("platform", launch.platformId())
                .param("link", launch.resourceLink().id())
                .param("course", courseId)
                .param("title", launch.resourceLink().title())
                .param("lineitem", lineItem)
                .param("lesson", lesson)
                .update());
    }

    private static String displayName(LtiLaunch.User user) {
        if (user.name() != null) {
            return user.name();
        }
        if (user.givenName() != null) {
            return user.familyName() == null ? user.givenName() : user.givenName() + " " + user.familyName();
        }
        return "there"; // privacy settings may hide names: "Hello, there"
    }
}
