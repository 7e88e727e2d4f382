-- What the latest launch in a course told us about its LTI services (AGS, NRPS).
CREATE TABLE lti_context
(
    platform_id     BIGINT        NOT NULL,
    course_id       BIGINT        NOT NULL PRIMARY KEY,
    context_id      VARCHAR(255)  NOT NULL,
    deployment_id   VARCHAR(255)  NOT NULL,
    lineitems_url   VARCHAR(1024) NULL,
    ags_scopes      VARCHAR(1024) NULL,
    memberships_url VARCHAR(1024) NULL,
    product_family  VARCHAR(64)   NULL,
    updated_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_lti_context UNIQUE (platform_id, context_id)
);

-- A resource link (a placement of Microlearn in a course), its line item and the lesson it opens.
CREATE TABLE lti_resource_link
(
    platform_id      BIGINT        NOT NULL,
    resource_link_id VARCHAR(255)  NOT NULL,
    course_id        BIGINT        NULL,
    title            VARCHAR(512)  NULL,
    lineitem_url     VARCHAR(1024) NULL,
    lesson_ref       VARCHAR(64)   NULL,
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (platform_id, resource_link_id)
);
