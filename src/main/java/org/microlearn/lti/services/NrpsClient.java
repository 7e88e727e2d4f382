package org.microlearn.lti.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.launch.LtiRoles;
import org.microlearn.lti.registration.Platform;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Names and Role Provisioning Services 2.0: a course's members, every page. */
@Component
public class NrpsClient {

    public static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MembershipContainer(String id, List<Member> members) {}

    private final PlatformServiceClient client;
    private final JsonMapper json;

    NrpsClient(PlatformServiceClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * The members of the course behind {@code membershipsUrl}, following {@code rel="next"} links
     * (Canvas pages hold 50).
     *
     * @param resourceLinkId only members who can see this link ({@code rlid}), or null
     * @param role only members with this role, short ({@code Learner}) or full URI, or null; applied
     *     here as well, since not every platform honours the filter
     */
    public List<Member> members(Platform platform, String membershipsUrl, String resourceLinkId, String role) {
        String url = ServiceUrls.withQueryParameter(membershipsUrl, "rlid", resourceLinkId);
        url = ServiceUrls.withQueryParameter(url, "role", role);
        List<Member> members =
                client.allPages(platform, List.of(LtiClaims.SCOPE_NRPS), url, MEMBERSHIP_CONTAINER, body -> {
                    MembershipContainer page = json.readValue(body, MembershipContainer.class);
                    // A member without user_id cannot be told apart from others: skip it.
                    return page.members() == null
                            ? List.<Member>of()
                            : page.members().stream()
                                    .filter(m -> m.userId() != null)
                                    .toList();
                });
        if (role == null) {
            return members;
        }
        String wanted = shortRole(role);
        return members.stream()
                .filter(m -> m.roles().stream().anyMatch(r -> shortRole(r).equals(wanted)))
                .toList();
    }

    /**
     * {@code http://purl.imsglobal.org/vocab/lis/v2/membership#Learner} and {@code Learner} alike
     * become {@code learner}; sub-roles keep their own name ({@code …membership/Instructor#TeachingAssistant}).
     */
    public static String shortRole(String role) {
        return LtiRoles.shortName(role).toLowerCase(Locale.ROOT);
    }
}
