package org.microlearn.lti.launch;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.microlearn.shared.Role;

/**
 * Maps LTI roles to what a person may do here: Learner → teacher; Instructor, Mentor and
 * TeachingAssistant → coach; Administrator of the context, the institution or the system → admin.
 * Accepts the full LIS URIs of launches and the short forms Moodle sends in NRPS answers.
 */
public final class LtiRoles {

    private LtiRoles() {}

    /** Roles of someone launching: with none of ours, they get a teacher's view of their own learning. */
    public static Set<Role> map(Collection<String> ltiRoles) {
        Set<Role> roles = of(ltiRoles);
        if (roles.isEmpty()) {
            roles.add(Role.TEACHER);
        }
        return roles;
    }

    /**
     * Exactly the roles these LTI roles grant (none for Guest, Observer, ContentDeveloper...), as
     * for the members an LMS lists through Names and Roles. Role names match in any case.
     */
    public static Set<Role> of(Collection<String> ltiRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String uri : ltiRoles) {
            switch (shortName(uri).toLowerCase(Locale.ROOT)) {
                case "learner", "student" -> roles.add(Role.TEACHER);
                case "instructor", "mentor", "teachingassistant" -> roles.add(Role.COACH);
                case "administrator", "sysadmin" -> roles.add(Role.ADMIN);
                default -> {
                    // Other roles (Guest, Observer, Member, ContentDeveloper...) grant nothing.
                }
            }
        }
        return roles;
    }

    /**
     * The role's local name: {@code ...membership#Learner} → Learner; the sub-role URI
     * {@code ...membership/Instructor#TeachingAssistant} → TeachingAssistant.
     */
    public static String shortName(String uri) {
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
