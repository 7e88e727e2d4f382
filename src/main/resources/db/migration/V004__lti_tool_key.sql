-- The tool's own RSA key pairs: ACTIVE signs, NEXT is published ahead of use, RETIRED stays
-- published until tokens signed with it have expired. Generated at first start, never in the repo.
CREATE TABLE lti_tool_key
(
    kid          VARCHAR(64)    NOT NULL PRIMARY KEY,
    status       VARCHAR(16)    NOT NULL,
    private_key  VARBINARY(4096) NOT NULL,
    public_jwk   TEXT           NOT NULL,
    created_at   TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    activated_at TIMESTAMP(6)   NULL,
    retired_at   TIMESTAMP(6)   NULL,
    INDEX lti_tool_key_by_status (status)
);

-- One row to lock, so that two nodes starting or rotating at once serialise on it.
CREATE TABLE lti_tool_key_lock
(
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO lti_tool_key_lock (id) VALUES (1);
