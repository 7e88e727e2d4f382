package org.microlearn.lti.launch;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.microlearn.shared.Role;

/**
 * Maps LTI roles to what a person may do here: Learner → teacher; Instructor, Mentor and
 * TeachingAssistant → coach; Administrator of the context, the institution or the system → admin.
 * Accepts the full LIS URIs of launches and the short forms Moodle sends in NRPS answers.
 */
public final class LtiRoles {

    private LtiRoles() {}

    public static Set<Role> map(Collection<String> ltiRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String uri : ltiRoles) {
            String role = shortName(uri);
            switch (role) {
                case "Learner", "Student" -> roles.add(Role.TEACHER);
                case "Instructor", "Mentor", "TeachingAssistant", "ContentDeveloper" -> roles.add(Role.COACH);
                case "Administrator", "SysAdmin" -> roles.add(Role.ADMIN);
                default -> {
                    // Other roles (Guest, Observer, Member...) grant nothing beyond a learner's view.
                }
            }
        }
        if (roles.isEmpty()) {
            roles.add(Role.TEACHER);
        }
        return roles;
    }

    /**
     * The role's local name: {@code ...membership#Learner} → Learner; the sub-role URI
     * {@code ...membership/Instructor#TeachingAssistant} → TeachingAssistant.
     */
    static String shortName(String uri) {
        if (uri == null) {
            return "";
        }
        int hash = uri.lastIndexOf('#');
        if (hash >= 0) {
            return uri.substring(hash + 1);
        }
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }
}
