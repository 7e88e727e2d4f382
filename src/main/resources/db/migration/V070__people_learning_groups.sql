-- Learning groups: professional learning communities (PLCs), cohorts and other named groups of
-- educators within a platform (district). A coach creates them; an educator may be in several.
CREATE TABLE learning_group
(
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id BIGINT       NOT NULL,
    name        VARCHAR(120) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    created_by  BIGINT       NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_learning_group_name UNIQUE (platform_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE learning_group_member
(
    group_id    BIGINT       NOT NULL,
    educator_id BIGINT       NOT NULL,
    added_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (group_id, educator_id),
    KEY ix_learning_group_member_educator (educator_id),
    CONSTRAINT fk_learning_group_member_group FOREIGN KEY (group_id) REFERENCES learning_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_learning_group_member_educator FOREIGN KEY (educator_id) REFERENCES educator (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_educator_platform_stage ON educator (platform_id, career_stage);
