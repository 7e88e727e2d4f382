package org.microlearn.testsupport;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.microlearn.people.People;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;

/**
 * People for tests, recorded as a launch would record them (real educator, course and membership
 * rows), each with a session token for {@code ?access_token=}. Every call to {@link #district()}
 * gives a fresh platform id, so tests never see each other's data.
 */
public final class Educators {

    private static final AtomicLong DISTRICTS = new AtomicLong(60_000);

    /** A signed-in person: the viewer and the token pages carry. */
    public record Signed(Viewer viewer, String token) {

        public long educatorId() {
            return viewer.educatorId();
        }

        /** The path with this person's session. */
        public String at(String path) {
            return path + (path.contains("?") ? "&" : "?") + "access_token=" + token;
        }
    }

    private final People people;
    private final SessionTokens tokens;

    public Educators(People people, SessionTokens tokens) {
        this.people = people;
        this.tokens = tokens;
    }

    public static long district() {
        return DISTRICTS.incrementAndGet();
    }

    public Signed teacher(long platformId, String name) {
        return person(platformId, name, Role.TEACHER, null);
    }

    public Signed coach(long platformId, String name) {
        return person(platformId, name, Role.COACH, null);
    }

    public Signed admin(long platformId, String name) {
        return person(platformId, name, Role.ADMIN, null);
    }

    /** Someone launching in the district's one course, through the given resource link (or none). */
    public Signed person(long platformId, String name, Role role, String resourceLinkId) {
        return person(platformId, "course-1", name, role, resourceLinkId);
    }

    /** Someone in the course with this LTI context id (e.g. the one a {@link BrowserPlatform} launches from). */
    public Signed person(long platformId, String contextId, String name, Role role, String resourceLinkId) {
        People.Arrival arrival = people.recordArrival(
                new People.Arriving(platformId, UUID.randomUUID().toString(), name, null, null, null),
                new People.ArrivingCourse(contextId, "PD101", "Professional learning"),
                Set.of(role));
        Viewer viewer =
                new Viewer(platformId, arrival.educatorId(), arrival.courseId(), Set.of(role), name, resourceLinkId);
        return new Signed(viewer, tokens.issue(viewer));
    }
}
