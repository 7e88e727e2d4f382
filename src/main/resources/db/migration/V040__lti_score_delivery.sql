-- Grade passback outbox: the latest score per (platform, course, educator, gradebook column),
-- delivered to the platform by ScoreDeliveryWorker. A newer score replaces an older one in place
-- (version + 1), so a backlog never sends stale values, and a delivery is marked DELIVERED only
-- if the version it sent is still the latest.
CREATE TABLE lti_score_delivery
(
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id          BIGINT        NOT NULL,
    course_id            BIGINT        NOT NULL,
    educator_id          BIGINT        NOT NULL,
    -- SHA-256 (hex) of the column's identity: its resource link, or its tag and resourceId.
    column_key           CHAR(64)      NOT NULL,
    resource_id          VARCHAR(255)  NULL,
    tag                  VARCHAR(255)  NULL,
    label                VARCHAR(255)  NOT NULL,
    column_maximum       DOUBLE        NOT NULL,
    resource_link_id     VARCHAR(255)  NULL,
    score_given          DOUBLE        NULL,
    score_maximum        DOUBLE        NOT NULL,
    activity_progress    VARCHAR(32)   NOT NULL,
    grading_progress     VARCHAR(32)   NOT NULL,
    comment              TEXT          NULL,
    score_timestamp      TIMESTAMP(6)  NOT NULL,
    started_at           TIMESTAMP(6)  NULL,
    submitted_at         TIMESTAMP(6)  NULL,
    -- PENDING (to send), DELIVERED, FAILED (the platform refused it; an admin may retry).
    status               VARCHAR(16)   NOT NULL,
    version              BIGINT        NOT NULL,
    attempts             INT           NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMP(6)  NOT NULL,
    -- A worker that claimed the row; another may take it over once the lease has run out.
    leased_until         TIMESTAMP(6)  NULL,
    lease_owner          VARCHAR(100)  NULL,
    -- The timestamp last accepted by the platform: the next one sent must be later.
    last_sent_timestamp  TIMESTAMP(6)  NULL,
    delivered_version    BIGINT        NULL,
    delivered_at         TIMESTAMP(6)  NULL,
    last_status          INT           NULL,
    last_error           TEXT          NULL,
    created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_lti_score_delivery UNIQUE (platform_id, course_id, educator_id, column_key),
    -- Due deliveries are claimed per platform, so that one platform's backlog never starves another's.
    INDEX lti_score_delivery_due (status, platform_id, next_attempt_at),
    INDEX lti_score_delivery_by_platform (platform_id, status)
);

-- The line item (gradebook column) of a tag/resourceId column in a course, created once even
-- when two nodes deliver its first scores at the same moment: the node whose INSERT IGNORE wins
-- the claim finds or creates it; the others wait for lineitem_url.
CREATE TABLE lti_line_item
(
    platform_id  BIGINT        NOT NULL,
    course_id    BIGINT        NOT NULL,
    column_key   CHAR(64)      NOT NULL,
    lineitem_url VARCHAR(1024) NULL,
    claimed_by   VARCHAR(100)  NULL,
    claimed_at   TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (platform_id, course_id, column_key)
);
