-- People as the launches tell us about them. Ids from a platform are unique only within it, so
-- every natural key includes platform_id; nothing of one platform is visible to another.
CREATE TABLE educator
(
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id   BIGINT       NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    name          VARCHAR(255) NULL,
    given_name    VARCHAR(255) NULL,
    family_name   VARCHAR(255) NULL,
    email         VARCHAR(320) NULL,
    career_stage  VARCHAR(32)  NULL,
    first_seen_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_seen_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_educator_platform_subject UNIQUE (platform_id, subject)
);

CREATE TABLE course
(
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id BIGINT       NOT NULL,
    context_id  VARCHAR(255) NOT NULL,
    label       VARCHAR(255) NULL,
    title       VARCHAR(512) NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_course_platform_context UNIQUE (platform_id, context_id)
);

-- Who launched in which course, with what role (TEACHER, COACH, ADMIN as a set, comma separated).
CREATE TABLE course_membership
(
    course_id      BIGINT       NOT NULL,
    educator_id    BIGINT       NOT NULL,
    roles          VARCHAR(64)  NOT NULL,
    last_launch_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (course_id, educator_id),
    CONSTRAINT fk_membership_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_educator FOREIGN KEY (educator_id) REFERENCES educator (id) ON DELETE CASCADE
);
