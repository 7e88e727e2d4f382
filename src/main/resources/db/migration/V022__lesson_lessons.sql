-- Ten-minute lessons. A lesson is the stable identity; what people read is an immutable published
-- version. Authors edit a draft (at most one per lesson); publishing freezes it as version N+1.
-- Attempts (progress module) reference lesson_version.id, so a version is never updated or deleted.
-- platform_id NULL = the built-in starter library; a district removes a built-in lesson for its
-- own people through lesson_hidden instead of deleting the shared row.
CREATE TABLE lesson
(
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id        BIGINT       NULL,
    tenant_id          BIGINT AS (COALESCE(platform_id, 0)) STORED,
    uuid               CHAR(36)     NOT NULL,
    current_version_id BIGINT       NULL,
    created_by         BIGINT       NULL,
    created_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    retired_at         DATETIME(3)  NULL,
    CONSTRAINT uq_lesson_uuid UNIQUE (tenant_id, uuid),
    KEY ix_lesson_tenant (tenant_id, retired_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lesson_version
(
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lesson_id         BIGINT       NOT NULL,
    version           INT          NOT NULL,
    title             VARCHAR(200) NOT NULL,
    summary           VARCHAR(600) NOT NULL,
    estimated_minutes INT          NOT NULL,
    body              JSON         NOT NULL,
    published_at      DATETIME(3)  NOT NULL,
    published_by      BIGINT       NULL,
    CONSTRAINT uq_lesson_version UNIQUE (lesson_id, version),
    CONSTRAINT fk_lesson_version_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE lesson
    ADD CONSTRAINT fk_lesson_current_version FOREIGN KEY (current_version_id) REFERENCES lesson_version (id);

CREATE TABLE lesson_version_stage
(
    version_id BIGINT      NOT NULL,
    stage      VARCHAR(20) NOT NULL,
    PRIMARY KEY (version_id, stage),
    KEY ix_lesson_version_stage (stage),
    CONSTRAINT fk_lesson_version_stage FOREIGN KEY (version_id) REFERENCES lesson_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lesson_version_competency
(
    version_id    BIGINT NOT NULL,
    competency_id BIGINT NOT NULL,
    position      INT    NOT NULL,
    PRIMARY KEY (version_id, competency_id),
    KEY ix_lesson_version_competency (competency_id),
    CONSTRAINT fk_lesson_version_competency_version FOREIGN KEY (version_id) REFERENCES lesson_version (id),
    CONSTRAINT fk_lesson_version_competency FOREIGN KEY (competency_id) REFERENCES competency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The one draft a lesson may have: the author's work in progress, kept as typed (possibly
-- incomplete); it is validated in full only when published.
CREATE TABLE lesson_draft
(
    lesson_id  BIGINT       NOT NULL PRIMARY KEY,
    content    JSON         NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    updated_by BIGINT       NULL,
    CONSTRAINT fk_lesson_draft_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Built-in lessons a district has removed for its own people.
CREATE TABLE lesson_hidden
(
    platform_id BIGINT      NOT NULL,
    lesson_id   BIGINT      NOT NULL,
    hidden_at   DATETIME(3) NOT NULL,
    hidden_by   BIGINT      NULL,
    PRIMARY KEY (platform_id, lesson_id),
    CONSTRAINT fk_lesson_hidden_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
