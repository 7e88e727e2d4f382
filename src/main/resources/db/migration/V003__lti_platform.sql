-- An LMS registration: one (issuer, client_id) pair, with the deployments it may launch from.
CREATE TABLE lti_platform
(
    id                         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    issuer                     VARCHAR(255)  NOT NULL,
    client_id                  VARCHAR(255)  NOT NULL,
    name                       VARCHAR(255)  NULL,
    authorization_url          VARCHAR(1024) NOT NULL,
    token_url                  VARCHAR(1024) NOT NULL,
    jwks_url                   VARCHAR(1024) NOT NULL,
    -- Brightspace and some others expect another aud in client assertions than the token URL.
    token_audience             VARCHAR(1024) NULL,
    auto_provision_deployments BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at                 TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_lti_platform_issuer_client UNIQUE (issuer, client_id)
);

-- Canvas creates a deployment per course or sub-account; Moodle one per tool instance.
CREATE TABLE lti_deployment
(
    platform_id   BIGINT       NOT NULL,
    deployment_id VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (platform_id, deployment_id),
    CONSTRAINT fk_lti_deployment_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id) ON DELETE CASCADE
);
