-- Every tool call, from a turn or from Confab's own MCP server (SPEC §17), for its user to list
-- newest first: GET /api/v1/audit/tool-calls pages by (created_at, id) within one user. result
-- holds the first 4 KiB of the result's JSON text (so it may not be JSON). Erased with the account.
CREATE TABLE tool_call_audit (
    id              UUID                     NOT NULL,
    owner           VARCHAR(255)             NOT NULL,
    source          VARCHAR(16)              NOT NULL,
    tool            VARCHAR(255)             NOT NULL,
    arguments       JSONB                    NOT NULL,
    outcome         VARCHAR(16)              NOT NULL,
    result          VARCHAR(4096)            NOT NULL,
    duration_ms     BIGINT                   NOT NULL,
    conversation_id UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tool_call_audit_pkey PRIMARY KEY (id),
    CONSTRAINT tool_call_audit_source_check CHECK (source IN ('turn', 'mcp_http', 'mcp_stdio')),
    CONSTRAINT tool_call_audit_outcome_check CHECK (outcome IN ('ok', 'error'))
);

CREATE INDEX tool_call_audit_owner_idx ON tool_call_audit (owner, created_at DESC, id DESC);
