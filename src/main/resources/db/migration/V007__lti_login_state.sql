-- A login in progress: the state and nonce we sent to the platform, and the value that binds
-- the launch to the browser that started it (cookie or LTI platform storage). Single use:
-- the launch deletes the row in the same statement that reads it, on whichever node it lands.
CREATE TABLE lti_login_state
(
    state           CHAR(43)      NOT NULL PRIMARY KEY,
    nonce           CHAR(43)      NOT NULL,
    browser_binding CHAR(43)      NOT NULL,
    platform_id     BIGINT        NOT NULL,
    target_link_uri VARCHAR(2048) NOT NULL,
    storage_target  VARCHAR(255)  NULL,
    expires_at      TIMESTAMP(6)  NOT NULL,
    INDEX lti_login_state_by_expiry (expires_at)
);

-- A validated launch waiting for the page to prove, from LTI platform storage, that this browser
-- started the login (used only when the platform offers storage and the cookie did not arrive).
CREATE TABLE lti_pending_launch
(
    id              CHAR(43)     NOT NULL PRIMARY KEY,
    state           CHAR(43)     NOT NULL,
    browser_binding CHAR(43)     NOT NULL,
    launch          MEDIUMTEXT   NOT NULL,
    expires_at      TIMESTAMP(6) NOT NULL,
    INDEX lti_pending_launch_by_expiry (expires_at)
);
