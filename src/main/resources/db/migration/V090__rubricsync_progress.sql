-- Which rubric a district's gradebook columns follow, and the rule that turns completions into levels.
CREATE TABLE rubric_sync_rule
(
    platform_id                       BIGINT       NOT NULL PRIMARY KEY,
    rubric_id                         BIGINT       NOT NULL,
    -- Points needed for levels 2..N, comma separated, e.g. "1,2,3" for a four-level rubric.
    thresholds                        VARCHAR(255) NOT NULL,
    top_level_needs_approved_evidence BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at                        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);

-- Each teacher's computed level per criterion in each course, as last sent to the gradebook
-- (how its delivery went is the lti module's outbox: GradebookDeliveries).
CREATE TABLE rubric_progress
(
    platform_id      BIGINT        NOT NULL,
    course_id        BIGINT        NOT NULL,
    educator_id      BIGINT        NOT NULL,
    criterion_id     BIGINT        NOT NULL,
    -- The column's resourceId (the criterion's CASE identifier), as the delivery status reports it.
    resource_id      VARCHAR(64)   NOT NULL,
    level            INT           NOT NULL,
    points           DECIMAL(8, 3) NOT NULL,
    pending_evidence BOOLEAN       NOT NULL,
    comment          TEXT          NOT NULL,
    computed_at      TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (course_id, educator_id, criterion_id),
    INDEX rubric_progress_by_platform (platform_id, course_id)
);

-- A full resync of a course or a platform, with its progress.
CREATE TABLE rubric_resync_job
(
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id BIGINT       NOT NULL,
    course_id   BIGINT       NULL,
    total       INT          NOT NULL DEFAULT 0,
    done        INT          NOT NULL DEFAULT 0,
    status      VARCHAR(16)  NOT NULL,
    error       TEXT         NULL,
    started_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    finished_at TIMESTAMP(6) NULL,
    INDEX rubric_resync_job_by_platform (platform_id, started_at)
);
