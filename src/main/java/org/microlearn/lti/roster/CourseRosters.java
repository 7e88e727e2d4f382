package org.microlearn.lti.roster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.microlearn.lti.launch.LtiRoles;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.services.Member;
import org.microlearn.lti.services.NrpsClient;
import org.microlearn.people.People;
import org.microlearn.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The roster cache of each course, refreshed from the platform's NRPS on request. */
@Service
class CourseRosters {

    record RosterMember(String userId, String name, String email, String status, Set<Role> roles, String ltiRoles) {

        public String roleNames() {
            return roles.isEmpty()
                    ? "—"
                    : roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
        }
    }

    record Roster(Instant refreshedAt, List<RosterMember> members) {}

    /** The course cannot be refreshed, for the reason given. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final People people;
    private final NrpsClient nrps;
    private final PlatformRegistrations platforms;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CourseRosters(
            JdbcClient jdbc,
            People people,
            NrpsClient nrps,
            PlatformRegistrations platforms,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.nrps = nrps;
        this.platforms = platforms;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Fetches every member from the platform (outside any transaction: that may take many pages),
     * then replaces the cached roster in one transaction.
     *
     * @return how many members the course has
     */
    int refresh(long platformId, long courseId) {
        String membershipsUrl = jdbc.sql(
                        "SELECT memberships_url FROM lti_context WHERE course_id = ? AND platform_id = ?")
                .params(courseId, platformId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (membershipsUrl == null) {
            throw new Unavailable("This course's launches did not offer the LMS's membership service (NRPS):"
                    + " enable \"Names and roles\" for Microlearn in the LMS, then launch again.");
        }
        Platform platform =
                platforms.find(platformId).orElseThrow(() -> new Unavailable("The LMS registration is gone."));
        List<Member> members = nrps.members(platform, membershipsUrl, null, null);
        transactions.executeWithoutResult(status -> replace(platformId, courseId, members));
        return members.size();
    }

    private void replace(long platformId, long courseId, List<Member> members) {
        // Active members become educators of the course, so coaches can assign them lessons.
        List<Member> active = members.stream()
                .filter(m -> m.status() == null || "Active".equalsIgnoreCase(m.status()))
                .toList();
        people.recordRoster(
                platformId,
                courseId,
                active.stream()
                        .map(m -> new People.Arriving(
                                platformId, m.userId(), m.name(), m.givenName(), m.familyName(), m.email()))
                        .toList(),
                active.stream().map(m -> LtiRoles.of(m.roles())).toList());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO lti_roster (course_id, platform_id, member_count, refreshed_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE member_count = VALUES(member_count), refreshed_at = VALUES(refreshed_at)""").params(courseId, platformId, members.size(), now).update();
        jdbc.sql("DELETE FROM lti_roster_member WHERE course_id = ?")
                .param(courseId)
                .update();
        for (Member member : members) {
            jdbc.sql("""
                            INSERT INTO lti_roster_member (course_id, user_id, name, given_name, family_name, email, status,
                                                           lti_roles, roles)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON DUPLICATE KEY UPDATE name = VALUES(name)""")
                    .params(
                            courseId,
                            member.userId(),
                            member.name(),
                            member.givenName(),
                            member.familyName(),
                            member.email(),
                            member.status() == null ? "Active" : member.status(),
                            String.join(" ", member.roles()),
                            LtiRoles.of(member.roles()).stream()
                                    .map(Role::name)
                                    .sorted()
                                    .collect(Collectors.joining(",")))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    Optional<Roster> roster(long platformId, long courseId) {
        Optional<Timestamp> refreshedAt = jdbc.sql(
                        "SELECT refreshed_at FROM lti_roster WHERE course_id = ? AND platform_id = ?")
                .params(courseId, platformId)
                .query(Timestamp.class)
                .optional();
        return refreshedAt.map(at -> new Roster(
                at.toInstant(),
                jdbc.sql("""
                                SELECT user_id, name, email, status, roles, lti_roles FROM lti_roster_member
                                WHERE course_id = ? ORDER BY family_name, given_name, name, user_id""")
                        .param(courseId)
                        .query((rs, n) -> new RosterMember(
                                rs.getString("user_id"),
                                rs.getString("name"),
                                rs.getString("email"),
                                rs.getString("status"),
                                roles(rs.getString("roles")),
                                rs.getString("lti_roles")))
                        .list()));
    }

    private static Set<Role> roles(String roles) {
        return roles.isBlank()
                ? Set.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
    }
}
