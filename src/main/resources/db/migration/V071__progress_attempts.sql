-- A teacher's work on a lesson: one attempt per educator and lesson, pinned to the published
-- version it started on (versions are immutable). Steps are numbered 0..n-1 for the sections, then
-- the check, the reflection and the apply-it evidence; furthest_step is how far they have come,
-- so a teacher resumes where they left off.
CREATE TABLE lesson_attempt
(
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id       BIGINT        NOT NULL,
    educator_id       BIGINT        NOT NULL,
    course_id         BIGINT        NULL,
    lesson_id         BIGINT        NOT NULL,
    lesson_version_id BIGINT        NOT NULL,
    resource_link_id  VARCHAR(255)  NULL,
    furthest_step     INT           NOT NULL DEFAULT 0,
    check_option      INT           NULL,
    check_correct     BOOLEAN       NULL,
    check_tries       INT           NOT NULL DEFAULT 0,
    reflection        TEXT          NULL,
    evidence_link     VARCHAR(2048) NULL,
    evidence_note     TEXT          NULL,
    evidence_file_id  CHAR(32)      NULL,
    status            VARCHAR(20)   NOT NULL,
    evidence_status   VARCHAR(20)   NULL,
    coach_feedback    TEXT          NULL,
    reviewed_by       BIGINT        NULL,
    reviewed_at       DATETIME(3)   NULL,
    shared_at         DATETIME(3)   NULL,
    started_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    completed_at      DATETIME(3)   NULL,
    submitted_at      DATETIME(3)   NULL,
    CONSTRAINT uk_lesson_attempt UNIQUE (platform_id, educator_id, lesson_id),
    KEY ix_lesson_attempt_review (platform_id, evidence_status, submitted_at),
    KEY ix_lesson_attempt_completed (platform_id, status, completed_at),
    CONSTRAINT fk_lesson_attempt_educator FOREIGN KEY (educator_id) REFERENCES educator (id),
    CONSTRAINT fk_lesson_attempt_version FOREIGN KEY (lesson_version_id) REFERENCES lesson_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Uploaded apply-it evidence. The bytes live outside the web root under a random name
-- (microlearn.uploads.directory); the content type is what the bytes are, not what the name says.
CREATE TABLE evidence_file
(
    id            CHAR(32)     NOT NULL PRIMARY KEY,
    platform_id   BIGINT       NOT NULL,
    educator_id   BIGINT       NOT NULL,
    original_name VARCHAR(255) NOT NULL,
    content_type  VARCHAR(120) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    KEY ix_evidence_file_owner (platform_id, educator_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
