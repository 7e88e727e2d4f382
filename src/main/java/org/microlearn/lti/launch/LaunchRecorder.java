package org.microlearn.lti.launch;

import java.time.Duration;
import java.util.Optional;
import org.microlearn.people.People;
import org.microlearn.shared.RecentWrites;
import org.microlearn.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes down what a valid launch tells us, in one transaction: the educator and course (through
 * the people module), the course's LTI service endpoints and the resource link. Returns the
 * viewer the session is issued for. A relaunch that repeats facts this node wrote in the last
 * minutes writes nothing and opens no transaction.
 */
@Component
class LaunchRecorder {

    private final People people;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    /** Relaunches repeat the same endpoints: rows written in the last minutes are not rewritten. */
    private final RecentWrites recent = new RecentWrites(Duration.ofMinutes(5), 100_000);

    private record ContextFacts(
            long courseId, String deploymentId, LtiLaunch.Ags ags, LtiLaunch.Nrps nrps, String family) {}

    private record LinkFacts(
            long platformId, LtiLaunch.ResourceLink link, Long courseId, String lineItem, String lesson) {}

    LaunchRecorder(People people, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.people = people;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    Viewer record(LtiLaunch launch) {
        return recentlyRecorded(launch).orElseGet(() -> transaction.execute(status -> write(launch)));
    }

    private Optional<Viewer> recentlyRecorded(LtiLaunch launch) {
        return people.recentArrival(arriving(launch), arrivingCourse(launch), launch.roles())
                .filter(arrival -> arrival.courseId() == null
                        || recent.recent(contextFacts(launch, arrival.courseId()))
                                .isPresent())
                .filter(arrival -> !recordsLink(launch)
                        || recent.recent(linkFacts(launch, arrival.courseId())).isPresent())
                .map(arrival -> viewer(launch, arrival));
    }

    private Viewer write(LtiLaunch launch) {
        People.Arrival arrival = people.recordArrival(arriving(launch), arrivingCourse(launch), launch.roles());
        if (arrival.courseId() != null) {
            recordContext(launch, arrival.courseId());
        }
        if (recordsLink(launch)) {
            recordResourceLink(launch, arrival.courseId());
        }
        return viewer(launch, arrival);
    }

    private static People.Arriving arriving(LtiLaunch launch) {
        LtiLaunch.User user = launch.user();
        return new People.Arriving(
                launch.platformId(), user.subject(), user.name(), user.givenName(), user.familyName(), user.email());
    }

    private static People.ArrivingCourse arrivingCourse(LtiLaunch launch) {
        LtiLaunch.Context context = launch.context();
        return context == null ? null : new People.ArrivingCourse(context.id(), context.label(), context.title());
    }

    private static boolean recordsLink(LtiLaunch launch) {
        return launch.resourceLink() != null && !launch.isSubmissionReview();
    }

    private static Viewer viewer(LtiLaunch launch, People.Arrival arrival) {
        return new Viewer(
                launch.platformId(),
                arrival.educatorId(),
                arrival.courseId(),
                launch.roles(),
                displayName(launch.user()),
                launch.resourceLink() == null ? null : launch.resourceLink().id());
    }

    private static ContextFacts contextFacts(LtiLaunch launch, long courseId) {
        return new ContextFacts(courseId, launch.deploymentId(), launch.ags(), launch.nrps(), launch.productFamily());
    }

    private static LinkFacts linkFacts(LtiLaunch launch, Long courseId) {
        return new LinkFacts(
                launch.platformId(),
                launch.resourceLink(),
                courseId,
                launch.ags() == null ? null : launch.ags().lineItemUrl(),
                launch.custom().get("lesson"));
    }

    private void recordContext(LtiLaunch launch, long courseId) {
        LtiLaunch.Ags ags = launch.ags();
        recent.writeUnlessRecent(contextFacts(launch, courseId), () -> (long) jdbc.sql("""
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
        LinkFacts facts = linkFacts(launch, courseId);
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
                .param("lineitem", facts.lineItem())
                .param("lesson", facts.lesson())
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
