-- Competency frameworks: framework -> domain -> competency -> indicator.
--
-- platform_id NULL is the built-in library every platform shares; a district's own frameworks carry
-- its platform id (no foreign key: platforms belong to the lti module). CASE identifiers (uuid) and
-- the identifiers of the isChildOf associations are stored so a re-export keeps them. Identifiers
-- are unique per tenant, so a district may export the built-in framework, edit it and import it
-- back as its own.
CREATE TABLE competency_framework
(
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform_id         BIGINT       NULL,
    tenant_id           BIGINT AS (COALESCE(platform_id, 0)) STORED,
    uuid                CHAR(36)     NOT NULL,
    uri                 VARCHAR(500) NULL,
    title               VARCHAR(300) NOT NULL,
    description         TEXT         NULL,
    creator             VARCHAR(300) NOT NULL,
    publisher           VARCHAR(300) NULL,
    version             VARCHAR(50)  NULL,
    language            VARCHAR(20)  NULL,
    license_title       VARCHAR(300) NULL,
    license_uri         VARCHAR(500) NULL,
    official_source_url VARCHAR(500) NULL,
    last_change_at      DATETIME(3)  NOT NULL,
    created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_competency_framework_uuid UNIQUE (tenant_id, uuid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE competency_domain
(
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    framework_id          BIGINT       NOT NULL,
    uuid                  CHAR(36)     NOT NULL,
    uri                   VARCHAR(500) NULL,
    code                  VARCHAR(50)  NULL,
    abbreviated_statement VARCHAR(300) NULL,
    full_statement        TEXT         NOT NULL,
    position              INT          NOT NULL,
    association_uuid      CHAR(36)     NOT NULL,
    last_change_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uq_competency_domain_uuid UNIQUE (framework_id, uuid),
    CONSTRAINT fk_competency_domain_framework FOREIGN KEY (framework_id)
        REFERENCES competency_framework (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE competency
(
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    framework_id          BIGINT       NOT NULL,
    domain_id             BIGINT       NOT NULL,
    uuid                  CHAR(36)     NOT NULL,
    uri                   VARCHAR(500) NULL,
    code                  VARCHAR(50)  NULL,
    abbreviated_statement VARCHAR(300) NULL,
    full_statement        TEXT         NOT NULL,
    position              INT          NOT NULL,
    association_uuid      CHAR(36)     NOT NULL,
    last_change_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uq_competency_uuid UNIQUE (framework_id, uuid),
    CONSTRAINT fk_competency_framework FOREIGN KEY (framework_id)
        REFERENCES competency_framework (id) ON DELETE CASCADE,
    CONSTRAINT fk_competency_domain FOREIGN KEY (domain_id)
        REFERENCES competency_domain (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE competency_indicator
(
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    competency_id         BIGINT       NOT NULL,
    uuid                  CHAR(36)     NOT NULL,
    uri                   VARCHAR(500) NULL,
    code                  VARCHAR(50)  NULL,
    abbreviated_statement VARCHAR(300) NULL,
    full_statement        TEXT         NOT NULL,
    position              INT          NOT NULL,
    association_uuid      CHAR(36)     NOT NULL,
    last_change_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uq_competency_indicator_uuid UNIQUE (competency_id, uuid),
    CONSTRAINT fk_competency_indicator_competency FOREIGN KEY (competency_id)
        REFERENCES competency (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
