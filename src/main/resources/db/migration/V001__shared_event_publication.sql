-- Spring Modulith's JDBC event publication registry (schema v2 for MariaDB, as shipped in
-- spring-modulith-events-jdbc 2.1). It is our outbox: an event published inside a transaction
-- is stored with it and delivered to listeners after commit, and again after a restart.
-- Table names stay upper case: Modulith queries them so, and MariaDB on Linux is case-sensitive.
CREATE TABLE EVENT_PUBLICATION
(
    id                     VARCHAR(36)   NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    INDEX event_publication_by_completion_date_idx (completion_date)
);

CREATE TABLE EVENT_PUBLICATION_ARCHIVE
(
    id                     VARCHAR(36)   NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    INDEX event_publication_archive_by_completion_date_idx (completion_date)
);
