package org.microlearn.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microlearn.shared.Role;

/** Where each role lands after a launch, and the lesson a deep-linked link opens. */
class LaunchDestinationTest {

    @Test
    void teachersLandOnMyLearningCoachesOnCoachingAdminsOnTheDashboard() {
        assertThat(LaunchService.destination(launch(Set.of(Role.TEACHER), Map.of())))
                .isEqualTo("/learn");
        assertThat(LaunchService.destination(launch(Set.of(Role.COACH), Map.of())))
                .isEqualTo("/coach");
        assertThat(LaunchService.destination(launch(Set.of(Role.COACH, Role.ADMIN), Map.of())))
                .isEqualTo("/admin");
    }

    @Test
    void aLinkForOneLessonOpensItsPlayerForTeachersAndItsOverviewForCoaches() {
        assertThat(LaunchService.destination(launch(Set.of(Role.TEACHER), Map.of("lesson", "12"))))
                .isEqualTo("/learn/lessons/12");
        assertThat(LaunchService.destination(launch(Set.of(Role.COACH), Map.of("lesson", "12"))))
                .isEqualTo("/author/lessons/12");
        assertThat(LaunchService.destination(launch(Set.of(Role.TEACHER), Map.of("lesson", "../admin"))))
                .isEqualTo("/learn");
    }

    private static LtiLaunch launch(Set<Role> roles, Map<String, String> custom) {
        return launch(roles, custom, LtiClaims.RESOURCE_LINK_REQUEST);
    }

    private static LtiLaunch launch(Set<Role> roles, Map<String, String> custom, String messageType) {
        return new LtiLaunch(
                1,
                "https://lms.example",
                "client",
                "1",
                messageType,
                "http://localhost:8080/lti/launch",
                new LtiLaunch.User("4", "Sam", null, null, null),
                null,
                new LtiLaunch.ResourceLink("rl", "Lessons", null),
                List.of(),
                roles,
                null,
                null,
                null,
                custom,
                null,
                null,
                null);
    }
}
