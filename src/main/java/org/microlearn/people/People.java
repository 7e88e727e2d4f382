package org.microlearn.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.RecentWrites;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
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
    public record Educator(long id, long platformId, String subject, String name, String email, String careerStage) {

        /** The career stage, when a coach (or the educator's profile) has set one. */
        public Optional<CareerStage> stage() {
            return CareerStage.parse(careerStage);
        }

        /** A name to show; platforms may withhold names, then the platform's user id stands in. */
        public String displayName() {
            return name != null ? name : "Educator " + subject;
        }
    }

    /**
     * Someone on a coach's roster: an educator with their career stage and, when known, their roles
     * in the course. The roster is everyone who has launched in the course; the NRPS roster cache
     * adds the people who have not launched yet when it is merged (same educator ids).
     */
    public record Member(long educatorId, String name, CareerStage stage, Set<Role> roles) {

        public boolean isTeacher() {
            return roles.isEmpty() || roles.contains(Role.TEACHER);
        }
    }

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
        String roleList = roleList(roles);
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

    /**
     * The arrival this node recorded in the last minutes, when a launch repeats exactly its facts
     * (person, course, roles): then {@link #recordArrival} would write nothing, and the caller
     * may skip it and its transaction.
     */
    public Optional<Arrival> recentArrival(Arriving person, ArrivingCourse course, Set<Role> roles) {
        Optional<Long> educatorId = recent.recent(person);
        if (educatorId.isEmpty() || course == null) {
            return educatorId.map(id -> new Arrival(id, null));
        }
        return recent.recent(new CourseFacts(person.platformId(), course))
                .filter(courseId -> recent.recent(new MembershipFacts(courseId, educatorId.get(), roleList(roles)))
                        .isPresent())
                .map(courseId -> new Arrival(educatorId.get(), courseId));
    }

    private static String roleList(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
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

    /**
     * Records the members of a course as the LMS lists them (Names and Roles), so coaches can
     * assign lessons to teachers who have not launched yet. Names and emails are refreshed; a
     * membership that a launch already recorded keeps its roles and launch time.
     */
    @Transactional
    public void recordRoster(long platformId, long courseId, List<Arriving> members, List<Set<Role>> roles) {
        for (int i = 0; i < members.size(); i++) {
            Arriving person = members.get(i);
            long educatorId = upsert(jdbc.sql("""
                            INSERT INTO educator (platform_id, subject, name, given_name, family_name, email)
                            VALUES (:platform, :subject, :name, :given, :family, :email)
                            ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
                                name = COALESCE(VALUES(name), name), given_name = COALESCE(VALUES(given_name), given_name),
                                family_name = COALESCE(VALUES(family_name), family_name),
                                email = COALESCE(VALUES(email), email)
                            """)
                    .param("platform", platformId)
                    .param("subject", person.subject())
                    .param("name", person.name())
                    .param("given", person.givenName())
                    .param("family", person.familyName())
                    .param("email", person.email()));
            jdbc.sql("INSERT IGNORE INTO course_membership (course_id, educator_id, roles) VALUES (?, ?, ?)")
                    .params(
                            courseId,
                            educatorId,
                            roles.get(i).stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                    .update();
        }
    }

    /**
     * Whether a teacher's work is this viewer's to see: their own, an admin's of the platform, or a
     * coach's who shares a course with them (their coach, not any coach of the district).
     */
    @Transactional(readOnly = true)
    public boolean maySeeWorkOf(Viewer viewer, long educatorId) {
        if (viewer.educatorId() == educatorId || viewer.has(Role.ADMIN)) {
            return true;
        }
        if (!viewer.has(Role.COACH)) {
            return false;
        }
        return sharingACourseWith(viewer).contains(educatorId);
    }

    /** The educators who share a course with this viewer: a coach's own teachers. */
    @Transactional(readOnly = true)
    public Set<Long> sharingACourseWith(Viewer viewer) {
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT teacher.educator_id FROM course_membership coach
                        JOIN course_membership teacher ON teacher.course_id = coach.course_id
                        JOIN course c ON c.id = coach.course_id
                        WHERE c.platform_id = ? AND coach.educator_id = ?""")
                .params(viewer.platformId(), viewer.educatorId())
                .query(Long.class)
                .list());
    }

    /** A course as stored. */
    public record Course(long id, long platformId, String contextId, String label, String title) {}

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

    /** Educators of the platform with these ids (others are silently left out). */
    @Transactional(readOnly = true)
    public Map<Long, Educator> educators(long platformId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT id, platform_id, subject, name, email, career_stage FROM educator"
                        + " WHERE platform_id = :platform AND id IN (:ids)")
                .param("platform", platformId)
                .param("ids", ids)
                .query((rs, n) -> new Educator(
                        rs.getLong("id"),
                        rs.getLong("platform_id"),
                        rs.getString("subject"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("career_stage")))
                .list()
                .stream()
                .collect(Collectors.toMap(Educator::id, e -> e));
    }

    /**
     * The roster a coach works with: the course's members (everyone who launched in it), or every
     * educator of the platform when the coach launched outside a course. Ordered by name.
     */
    @Transactional(readOnly = true)
    public List<Member> roster(long platformId, Long courseId) {
        if (courseId == null) {
            return jdbc.sql("SELECT id, COALESCE(name, CONCAT('Educator ', subject)) AS name, career_stage, '' AS roles"
                            + " FROM educator WHERE platform_id = ? ORDER BY name, id")
                    .params(platformId)
                    .query((rs, n) -> member(rs))
                    .list();
        }
        return jdbc.sql("""
                        SELECT e.id, COALESCE(e.name, CONCAT('Educator ', e.subject)) AS name, e.career_stage, m.roles
                        FROM course_membership m JOIN educator e ON e.id = m.educator_id
                        JOIN course c ON c.id = m.course_id
                        WHERE c.id = ? AND c.platform_id = ? AND e.platform_id = c.platform_id
                        ORDER BY name, e.id
                        """)
                .params(courseId, platformId)
                .query((rs, n) -> member(rs))
                .list();
    }

    /** Educators of the platform at a career stage, optionally only members of a course. */
    @Transactional(readOnly = true)
    public List<Long> educatorsAtStage(long platformId, CareerStage stage, Long courseId) {
        if (courseId == null) {
            return jdbc.sql("SELECT id FROM educator WHERE platform_id = ? AND career_stage = ?")
                    .params(platformId, stage.name())
                    .query(Long.class)
                    .list();
        }
        return jdbc.sql("""
                        SELECT e.id FROM educator e JOIN course_membership m ON m.educator_id = e.id
                        JOIN course c ON c.id = m.course_id
                        WHERE e.platform_id = ? AND e.career_stage = ? AND c.id = ? AND c.platform_id = e.platform_id
                        """)
                .params(platformId, stage.name(), courseId)
                .query(Long.class)
                .list();
    }

    /** The courses of the platform an educator has launched in. */
    @Transactional(readOnly = true)
    public List<Long> coursesOf(long platformId, long educatorId) {
        return jdbc.sql("""
                        SELECT c.id FROM course_membership m JOIN course c ON c.id = m.course_id
                        WHERE m.educator_id = ? AND c.platform_id = ?
                        """).params(educatorId, platformId).query(Long.class).list();
    }

    /** Course titles of the platform by id, for reports. */
    @Transactional(readOnly = true)
    public Map<Long, String> courseTitles(long platformId) {
        return jdbc
                .sql("SELECT id, COALESCE(title, label, context_id) AS title FROM course WHERE platform_id = ?")
                .params(platformId)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("title")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A coach sets (or clears, with {@code null}) an educator's career stage; false if not on the platform. */
    @Transactional
    public boolean setCareerStage(long platformId, long educatorId, CareerStage stage) {
        return jdbc.sql("UPDATE educator SET career_stage = ? WHERE id = ? AND platform_id = ?")
                        .params(stage == null ? null : stage.name(), educatorId, platformId)
                        .update()
                > 0;
    }

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : rs.getString("roles").split(",")) {
            if (!role.isBlank()) {
                roles.add(Role.valueOf(role.trim()));
            }
        }
        return new Member(
                rs.getLong("id"),
                rs.getString("name"),
                CareerStage.parse(rs.getString("career_stage")).orElse(null),
                roles);
    }

    private static long upsert(JdbcClient.StatementSpec statement) {
        KeyHolder keys = new GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
