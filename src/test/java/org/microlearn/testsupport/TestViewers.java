package org.microlearn.testsupport;

import java.util.List;
import java.util.Set;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** People to run tests as, each in a platform (district) of the test's choosing. */
public final class TestViewers {

    private TestViewers() {}

    public static Viewer coach(long platformId) {
        return new Viewer(platformId, 42, null, Set.of(Role.COACH), "Cora Coach", null);
    }

    public static Viewer teacher(long platformId) {
        return new Viewer(platformId, 7, null, Set.of(Role.TEACHER), "Theo Teacher", null);
    }

    /** A session for MockMvc requests, as the session module would issue it. */
    public static RequestPostProcessor session(Viewer viewer) {
        List<String> roles = viewer.roles().stream().map(Role::name).sorted().toList();
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject(Long.toString(viewer.educatorId()))
                        .claim("plt", viewer.platformId())
                        .claim("roles", roles)
                        .claim("name", viewer.displayName()))
                .authorities(roles.stream()
                        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
    }
}
