package org.microlearn.shared;

import java.util.Set;

/**
 * The person a page is rendered for, as established by an LTI launch and carried by the session
 * token. Controllers take it as a method parameter. Every query a module runs for a viewer is
 * scoped to {@link #platformId()}: nothing of one platform is ever visible to another.
 *
 * @param platformId the platform registration the launch came from (the tenant)
 * @param educatorId the educator's id in Microlearn (unique across platforms)
 * @param courseId the course (LTI context) of the launch, or {@code null} for a launch without one
 * @param roles what the viewer may do
 * @param displayName the name to greet them with
 * @param resourceLinkId the LTI resource link the launch came through, or {@code null}
 */
public record Viewer(
        long platformId, long educatorId, Long courseId, Set<Role> roles, String displayName, String resourceLinkId) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isTeacher() {
        return has(Role.TEACHER);
    }

    public boolean isCoach() {
        return has(Role.COACH);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Coaches and admins may assign, author and review. */
    public boolean canCoach() {
        return has(Role.COACH) || has(Role.ADMIN);
    }
}
