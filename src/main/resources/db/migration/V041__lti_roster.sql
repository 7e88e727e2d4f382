-- A course's members as Names and Role Provisioning Services last told us, refreshed on a
-- coach's request: the roster page must not call the LMS on every view.
CREATE TABLE lti_roster
(
    course_id    BIGINT        NOT NULL PRIMARY KEY,
    platform_id  BIGINT        NOT NULL,
    member_count INT           NOT NULL,
    refreshed_at TIMESTAMP(6)  NOT NULL
);

CREATE TABLE lti_roster_member
(
    course_id   BIGINT        NOT NULL,
    user_id     VARCHAR(255)  NOT NULL,
    name        VARCHAR(255)  NULL,
    given_name  VARCHAR(255)  NULL,
    family_name VARCHAR(255)  NULL,
    email       VARCHAR(320)  NULL,
    status      VARCHAR(32)   NOT NULL,
    -- The platform's roles as sent (URIs or short names), space separated.
    lti_roles   TEXT          NOT NULL,
    -- What they mean in Microlearn: TEACHER, COACH, ADMIN, comma separated.
    roles       VARCHAR(64)   NOT NULL,
    PRIMARY KEY (course_id, user_id),
    CONSTRAINT fk_roster_member_course FOREIGN KEY (course_id) REFERENCES lti_roster (course_id) ON DELETE CASCADE
);
