package org.microlearn.lti.launch;

import java.util.List;

/** The LTI 1.3 / Advantage claim names and values we read or write; nowhere else spells them. */
public final class LtiClaims {

    private LtiClaims() {}

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    public static final String MESSAGE_TYPE = LTI + "message_type";
    public static final String VERSION = LTI + "version";
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    public static final String RESOURCE_LINK = LTI + "resource_link";
    public static final String ROLES = LTI + "roles";
    public static final String CONTEXT = LTI + "context";
    public static final String TOOL_PLATFORM = LTI + "tool_platform";
    public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    public static final String CUSTOM = LTI + "custom";
    public static final String LIS = LTI + "lis";
    public static final String FOR_USER = LTI + "for_user";

    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String DEEP_LINKING_SETTINGS =
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String DEEP_LINKING_CONTENT_ITEMS =
            "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    public static final String DEEP_LINKING_MESSAGE = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";

    /** Canvas's extension of AGS scores: submission time and whether it is a new attempt. */
    public static final String CANVAS_SUBMISSION_EXTENSION = "https://canvas.instructure.com/lti/submission";

    public static final String VERSION_1_3_0 = "1.3.0";
    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";
    public static final String SUBMISSION_REVIEW_REQUEST = "LtiSubmissionReviewRequest";

    public static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_LINEITEM_READONLY =
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCOPE_RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCOPE_NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /** Every AGS and NRPS scope Microlearn asks a platform for, in the order it asks. */
    public static final List<String> TOOL_SCOPES =
            List.of(SCOPE_LINEITEM, SCOPE_LINEITEM_READONLY, SCOPE_RESULT_READONLY, SCOPE_SCORE, SCOPE_NRPS);

    /** LTI Dynamic Registration: the tool's configuration in a registration and the platform's in its metadata. */
    public static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    public static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    /** Canvas's extensions to the tool configuration (Canvas "Registering an LTI Tool" guide). */
    public static final String CANVAS_PRIVACY_LEVEL = "https://canvas.instructure.com/lti/privacy_level";

    public static final String CANVAS_TOOL_ID = "https://canvas.instructure.com/lti/tool_id";
    public static final String CANVAS_ACCOUNT_NAME = "https://canvas.instructure.com/lti/account_name";
    public static final String CANVAS_ACCOUNT_DOMAIN = "https://canvas.instructure.com/lti/account_domain";

    /** Role URIs (LIS vocabulary); Moodle's NRPS answers use the short forms (Learner, Instructor). */
    public static final String ROLE_PREFIX_MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    public static final String ROLE_PREFIX_INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
    public static final String ROLE_PREFIX_SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";
}
