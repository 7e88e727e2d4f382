-- A deep linking request, stored at launch until the coach has picked lessons: the launch
-- redirects to /coach/deep-linking/{id}, and the answer goes to return_url once (answered_at).
CREATE TABLE lti_deep_linking_request
(
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    platform_id     BIGINT        NOT NULL,
    deployment_id   VARCHAR(255)  NOT NULL,
    educator_id     BIGINT        NOT NULL,
    return_url      VARCHAR(2048) NOT NULL,
    -- The content item types the platform accepts (e.g. ltiResourceLink), space separated.
    accept_types    VARCHAR(512)  NOT NULL,
    accept_multiple BOOLEAN       NOT NULL,
    -- Opaque platform data to echo back unchanged.
    data            TEXT          NULL,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    answered_at     TIMESTAMP(6)  NULL,
    INDEX lti_deep_linking_request_created (created_at)
);
