package org.microlearn.lti.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.lti.launch.LtiClaims;

/**
 * How Microlearn describes itself to an LMS, in one place for every way of registering it: the
 * Canvas developer key JSON, LTI Dynamic Registration and the guides in {@code lti-config/}.
 */
public final class ToolProfile {

    private ToolProfile() {}

    public static final String NAME = "Microlearn";

    /** Canvas's tool_id: a stable name that ties this tool's registrations together. */
    public static final String TOOL_ID = "microlearn";

    public static final String DESCRIPTION = "Ten-minute professional learning for educators, aligned to educator"
            + " competencies and to your evaluation rubric, with progress in the LMS gradebook.";

    /** What a teacher sees on the button or menu entry that opens content selection. */
    public static final String DEEP_LINKING_LABEL = "Add a Microlearn lesson";

    /** Identity claims asked for: names and email, so that coaches see who did what. */
    public static final List<String> CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email");

    /** The AGS scopes (line items, scores, results) and NRPS. */
    public static final List<String> SCOPES = LtiClaims.TOOL_SCOPES;

    /**
     * Custom parameters: name to substitution variable. Both Moodle and Canvas expand these
     * variables; dynamic registration leaves out any the platform says it does not know.
     */
    public static final Map<String, String> CUSTOM_PARAMETERS = customParameters();

    /**
     * Resource link placements. Moodle has none to choose (links are added as activities);
     * {@code course_navigation} is Canvas's course menu entry.
     */
    public static final List<String> RESOURCE_LINK_PLACEMENTS = List.of("course_navigation");

    /**
     * Deep linking placements: {@code ContentArea} is Moodle's "Select content" button (and the
     * LTI standard name newer Canvas versions also accept); {@code link_selection} (modules) and
     * {@code assignment_selection} (assignments) are Canvas's.
     */
    public static final List<String> DEEP_LINKING_PLACEMENTS =
            List.of("ContentArea", "link_selection", "assignment_selection");

    /** One Canvas placement of the developer key JSON. */
    public record CanvasPlacement(String placement, String messageType, String text) {}

    public static final List<CanvasPlacement> CANVAS_PLACEMENTS = List.of(
            new CanvasPlacement("course_navigation", LtiClaims.RESOURCE_LINK_REQUEST, NAME),
            new CanvasPlacement("link_selection", LtiClaims.DEEP_LINKING_REQUEST, DEEP_LINKING_LABEL),
            new CanvasPlacement("assignment_selection", LtiClaims.DEEP_LINKING_REQUEST, DEEP_LINKING_LABEL));

    private static Map<String, String> customParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("context_title", "$Context.title");
        parameters.put("user_username", "$User.username");
        return java.util.Collections.unmodifiableMap(parameters);
    }
}
