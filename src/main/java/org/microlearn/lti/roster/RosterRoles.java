package org.microlearn.lti.roster;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.microlearn.lti.services.NrpsClient;
import org.microlearn.shared.Role;

/**
 * What LIS roles mean in Microlearn, as at launch: Learner is a teacher; Instructor, Mentor and
 * TeachingAssistant are coaches; Administrator (of any vocabulary) is an admin.
 */
final class RosterRoles {

    private RosterRoles() {}

    static Set<Role> of(List<String> ltiRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : ltiRoles) {
            switch (NrpsClient.shortRole(role)) {
                case "learner" -> roles.add(Role.TEACHER);
                case "instructor", "mentor", "teachingassistant" -> roles.add(Role.COACH);
                case "administrator", "sysadmin" -> roles.add(Role.ADMIN);
                default -> {
                    // ContentDeveloper, Guest, Observer…: no Microlearn role
                }
            }
        }
        return roles;
    }
}
