-- Evaluation rubrics: rubric -> domain -> criterion (code such as 2b) -> one descriptor per
-- performance level. The level names and scores form the rubric's scale (four by default), so a
-- district renames them in one place. Tenancy as for competency frameworks (platform_id NULL =
-- built-in).
--
-- In CASE a rubric travels as a CFDocument whose CFItems are its domains and criteria, plus a
-- CFRubric whose CFRubricCriteria point at those items and carry the levels: both sets of
-- identifiers are stored so a re-export is identical.
CREATE TABLE rubric
(
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id             BIGINT       NULL,
    tenant_id               BIGINT AS (COALESCE(platform_id, 0)) STORED,
    uuid                    CHAR(36)     NOT NULL,
    uri                     VARCHAR(500) NULL,
    title                   VARCHAR(300) NOT NULL,
    description             TEXT         NULL,
    last_change_at          DATETIME(3)  NOT NULL,
    document_uuid           CHAR(36)     NOT NULL,
    document_uri            VARCHAR(500) NULL,
    document_title          VARCHAR(300) NOT NULL,
    creator                 VARCHAR(300) NOT NULL,
    publisher               VARCHAR(300) NULL,
    version                 VARCHAR(50)  NULL,
    language                VARCHAR(20)  NULL,
    license_title           VARCHAR(300) NULL,
    license_uri             VARCHAR(500) NULL,
    document_last_change_at DATETIME(3)  NOT NULL,
    created_at              TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_rubric_uuid UNIQUE (tenant_id, uuid),
    CONSTRAINT uq_rubric_document_uuid UNIQUE (tenant_id, document_uuid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rubric_level
(
    rubric_id BIGINT         NOT NULL,
    position  INT            NOT NULL,
    name      VARCHAR(100)   NOT NULL,
    score     DECIMAL(10, 4) NOT NULL,
    PRIMARY KEY (rubric_id, position),
    CONSTRAINT fk_rubric_level_rubric FOREIGN KEY (rubric_id) REFERENCES rubric (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rubric_domain
(
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rubric_id             BIGINT       NOT NULL,
    uuid                  CHAR(36)     NOT NULL,
    uri                   VARCHAR(500) NULL,
    code                  VARCHAR(50)  NULL,
    abbreviated_statement VARCHAR(300) NULL,
    full_statement        TEXT         NOT NULL,
    position              INT          NOT NULL,
    association_uuid      CHAR(36)     NOT NULL,
    last_change_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uq_rubric_domain_uuid UNIQUE (rubric_id, uuid),
    CONSTRAINT fk_rubric_domain_rubric FOREIGN KEY (rubric_id) REFERENCES rubric (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rubric_criterion
(
    id                        BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rubric_id                 BIGINT         NOT NULL,
    domain_id                 BIGINT         NOT NULL,
    item_uuid                 CHAR(36)       NOT NULL,
    item_uri                  VARCHAR(500)   NULL,
    code                      VARCHAR(50)    NULL,
    abbreviated_statement     VARCHAR(300)   NULL,
    full_statement            TEXT           NOT NULL,
    position                  INT            NOT NULL,
    association_uuid          CHAR(36)       NOT NULL,
    item_last_change_at       DATETIME(3)    NOT NULL,
    criterion_uuid            CHAR(36)       NOT NULL,
    criterion_uri             VARCHAR(500)   NULL,
    weight                    DECIMAL(10, 4) NULL,
    criterion_last_change_at  DATETIME(3)    NOT NULL,
    CONSTRAINT uq_rubric_criterion_item UNIQUE (rubric_id, item_uuid),
    CONSTRAINT uq_rubric_criterion_uuid UNIQUE (rubric_id, criterion_uuid),
    CONSTRAINT fk_rubric_criterion_rubric FOREIGN KEY (rubric_id) REFERENCES rubric (id) ON DELETE CASCADE,
    CONSTRAINT fk_rubric_criterion_domain FOREIGN KEY (domain_id) REFERENCES rubric_domain (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rubric_descriptor
(
    criterion_id   BIGINT       NOT NULL,
    position       INT          NOT NULL,
    uuid           CHAR(36)     NOT NULL,
    uri            VARCHAR(500) NULL,
    description    TEXT         NOT NULL,
    feedback       TEXT         NULL,
    last_change_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (criterion_id, position),
    CONSTRAINT fk_rubric_descriptor_criterion FOREIGN KEY (criterion_id)
        REFERENCES rubric_criterion (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which competencies count as evidence for which criteria, and how strongly (weight in (0, 1]).
-- Many to many; this is what lets lesson completion roll up to the rubric. A mapping belongs to
-- the tenant of its rubric. In CASE it travels as isRelatedTo associations (criterion item ->
-- competency item) in the rubric's package; association_uuid keeps their identifiers stable.
CREATE TABLE rubric_competency_mapping
(
    criterion_id     BIGINT        NOT NULL,
    competency_id    BIGINT        NOT NULL,
    weight           DECIMAL(5, 4) NOT NULL,
    association_uuid CHAR(36)      NOT NULL,
    last_change_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (criterion_id, competency_id),
    KEY ix_rubric_competency_mapping_competency (competency_id),
    CONSTRAINT ck_rubric_competency_mapping_weight CHECK (weight > 0 AND weight <= 1),
    CONSTRAINT fk_rubric_competency_mapping_criterion FOREIGN KEY (criterion_id)
        REFERENCES rubric_criterion (id) ON DELETE CASCADE,
    CONSTRAINT fk_rubric_competency_mapping_competency FOREIGN KEY (competency_id)
        REFERENCES competency (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
