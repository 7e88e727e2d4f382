-- A coach asks teachers to do a lesson by a date. The target is exactly one of: an educator, a
-- learning group (its members at any time) or a career stage (educators of that stage in the
-- course, or in the whole platform when the assignment has no course).
CREATE TABLE assignment
(
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id        BIGINT       NOT NULL,
    course_id          BIGINT       NULL,
    lesson_id          BIGINT       NOT NULL,
    target_kind        VARCHAR(20)  NOT NULL,
    target_educator_id BIGINT       NULL,
    target_group_id    BIGINT       NULL,
    target_stage       VARCHAR(32)  NULL,
    due_on             DATE         NULL,
    note               VARCHAR(500) NULL,
    assigned_by        BIGINT       NOT NULL,
    assigned_at        DATETIME(3)  NOT NULL,
    KEY ix_assignment_platform (platform_id, assigned_at),
    KEY ix_assignment_educator (platform_id, target_educator_id),
    KEY ix_assignment_group (platform_id, target_group_id),
    KEY ix_assignment_stage (platform_id, target_stage),
    CONSTRAINT ck_assignment_target CHECK (
        (target_kind = 'EDUCATOR' AND target_educator_id IS NOT NULL)
            OR (target_kind = 'GROUP' AND target_group_id IS NOT NULL)
            OR (target_kind = 'STAGE' AND target_stage IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
