package org.microlearn.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.microlearn.shared.RecentWrites;
import org.microlearn.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Educators and courses as launches report them, scoped to the platform they came from. */
@Service
public class People {

    /** Someone arriving through a launch; {@code subject} is the platform's user id. */
    public record Arriving(
            long platformId, String subject, String name, String givenName, String familyName, String email) {}

    /** The course (LTI context) of a launch. */
    public record ArrivingCourse(String contextId, String label, String title) {}

    /** Our ids for the person and course of a launch; {@code courseId} is null without a course. */
    public record Arrival(long educatorId, Long courseId) {}

    /** An educator as stored. */
    public record Educator(long id, long platformId, String subject, String name, String email, String careerStage) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Teachers relaunch the same link many times a week: repeating facts written in the last five
     * minutes are not written again (last_seen_at and last_launch_at are that coarse).
     */
    private final RecentWrites recent = new RecentWrites(Duration.ofMinutes(5), 100_000);

    People(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates or refreshes the educator, the course and their membership in one go. Each upsert is
     * a single statement ({@code LAST_INSERT_ID(id)} hands back the existing row's id), so
     * concurrent first launches on two nodes cannot create duplicates.
     */
    @Transactional
    public Arrival recordArrival(Arriving person, ArrivingCourse course, Set<Role> roles) {
        Timestamp now = Timestamp.from(clock.instant());
        long educatorId = recent.writeUnlessRecent(
                person,
                () -> upsert(jdbc.sql("""
                        INSERT INTO educator (platform_id, subject, name, given_name, family_name, email, last_seen_at)
                        VALUES (:platform, :subject, :name, :given, :family, :email, :now)
                        ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
                            name = COALESCE(VALUES(name), name), given_name = COALESCE(VALUES(given_name), given_name),
                            family_name = COALESCE(VALUES(family_name), family_name),
                            email = COALESCE(VALUES(email), email), last_seen_at = VALUES(last_seen_at)
                        """)
                        .param("platform", person.platformId())
                        .param("subject", person.subject())
                        .param("name", person.name())
                        .param("given", person.givenName())
                        .param("family", person.familyName())
                        .param("email", person.email())
                        .param("now", now)));
        if (course == null) {
            return new Arrival(educatorId, null);
        }
        long courseId = recent.writeUnlessRecent(
                new CourseFacts(person.platformId(), course),
                () -> upsert(jdbc.sql("""
                                INSERT INTO course (platform_id, context_id, label, title)
                                VALUES (:platform, :context, :label, :title)
                                ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
                                    label = COALESCE(VALUES(label), label), title = COALESCE(VALUES(title), title)
                                """)
                        .param("platform", person.platformId())
                        .param("context", course.contextId())
                        .param("label", course.label())
                        .param("title", course.title())));
        String roleList = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        recent.writeUnlessRecent(new MembershipFacts(courseId, educatorId, roleList), () -> (long) jdbc.sql("""
                        INSERT INTO course_membership (course_id, educator_id, roles, last_launch_at)
                        VALUES (:course, :educator, :roles, :now)
                        ON DUPLICATE KEY UPDATE roles = VALUES(roles), last_launch_at = VALUES(last_launch_at)
                        """)
                .param("course", courseId)
                .param("educator", educatorId)
                .param("roles", roleList)
                .param("now", now)
                .update());
        return new Arrival(educatorId, courseId);
    }

    private record CourseFacts(long platformId, ArrivingCourse course) {}

    private record MembershipFacts(long courseId, long educatorId, String roles) {}

    @Transactional(readOnly = true)
    public Optional<Educator> educator(long platformId, long educatorId) {
        return jdbc.sql(
                        "SELECT id, platform_id, subject, name, email, career_stage FROM educator WHERE id = ? AND platform_id = ?")
                .params(educatorId, platformId)
                .query((rs, n) -> new Educator(
                        rs.getLong("id"),
                        rs.getLong("platform_id"),
                        rs.getString("subject"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("career_stage")))
                .optional();
    }

    /** A course as stored. */
    public record Course(long id, long platformId, String contextId, String label, String title) {}

    /** The courses this educator has launched in. */
    @Transactional(readOnly = true)
    public List<Long> courseIdsOf(long platformId, long educatorId) {
        return jdbc.sql("""
                        SELECT m.course_id FROM course_membership m JOIN course c ON c.id = m.course_id
                        WHERE c.platform_id = ? AND m.educator_id = ? ORDER BY m.course_id""").params(platformId, educatorId).query(Long.class).list();
    }

    /** Everyone who has launched in the course. */
    @Transactional(readOnly = true)
    public List<Long> memberIdsOf(long platformId, long courseId) {
        return jdbc.sql("""
                        SELECT m.educator_id FROM course_membership m JOIN course c ON c.id = m.course_id
                        WHERE c.platform_id = ? AND m.course_id = ? ORDER BY m.educator_id""").params(platformId, courseId).query(Long.class).list();
    }

    /** Everyone on the platform who has launched in at least one course. */
    @Transactional(readOnly = true)
    public List<Long> educatorIdsInCourses(long platformId) {
        return jdbc.sql("""
                        SELECT DISTINCT m.educator_id FROM course_membership m JOIN course c ON c.id = m.course_id
                        WHERE c.platform_id = ? ORDER BY m.educator_id""").param(platformId).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public List<Course> courses(long platformId) {
        return jdbc.sql(
                        "SELECT id, platform_id, context_id, label, title FROM course WHERE platform_id = ? ORDER BY title, id")
                .param(platformId)
                .query((rs, n) -> new Course(
                        rs.getLong("id"),
                        rs.getLong("platform_id"),
                        rs.getString("context_id"),
                        rs.getString("label"),
                        rs.getString("title")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Course> course(long platformId, long courseId) {
        return courses(platformId).stream().filter(c -> c.id() == courseId).findFirst();
    }

    private static long upsert(JdbcClient.StatementSpec statement) {
        KeyHolder keys = new GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
