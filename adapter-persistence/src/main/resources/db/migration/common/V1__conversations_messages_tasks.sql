-- Conversations, their messages and tool calls, and tasks.
-- One script set for PostgreSQL and H2 (MODE=PostgreSQL): statements that differ live in
-- db/migration/postgresql and db/migration/h2 (only indexes). The jOOQ classes are generated
-- from this folder.

CREATE TABLE conversations (
    id            UUID                     NOT NULL,
    owner         VARCHAR(255)             NOT NULL,
    title         VARCHAR(500)             NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    metadata      JSONB                    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    message_count INTEGER                  DEFAULT 0 NOT NULL,
    tokens_used   BIGINT                   DEFAULT 0 NOT NULL,
    CONSTRAINT conversations_pkey PRIMARY KEY (id),
    CONSTRAINT conversations_status_check CHECK (status IN ('active', 'closed', 'archived'))
);

CREATE TABLE messages (
    id                UUID                     NOT NULL,
    conversation_id   UUID                     NOT NULL,
    role              VARCHAR(16)              NOT NULL,
    content           VARCHAR                  NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    model             VARCHAR(200),
    prompt_tokens     BIGINT                   DEFAULT 0 NOT NULL,
    completion_tokens BIGINT                   DEFAULT 0 NOT NULL,
    metadata          JSONB                    NOT NULL,
    -- user messages only: a retry with the same id in the same conversation is a duplicate
    client_message_id VARCHAR(200),
    -- assistant messages only: the user message they answer
    in_reply_to       UUID,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT messages_pkey PRIMARY KEY (id),
    CONSTRAINT messages_conversation_fkey FOREIGN KEY (conversation_id) REFERENCES conversations (id),
    CONSTRAINT messages_role_check CHECK (role IN ('user', 'assistant')),
    CONSTRAINT messages_status_check CHECK (status IN ('complete', 'streaming', 'interrupted', 'failed')),
    CONSTRAINT messages_client_message_id_key UNIQUE (conversation_id, client_message_id)
);

-- history pages and the agent's window: newest first within one conversation
CREATE INDEX messages_history_idx ON messages (conversation_id, created_at, id);
CREATE INDEX messages_in_reply_to_idx ON messages (in_reply_to);

CREATE TABLE tool_calls (
    message_id  UUID         NOT NULL,
    position    INTEGER      NOT NULL,
    call_id     VARCHAR(255) NOT NULL,
    tool        VARCHAR(255) NOT NULL,
    arguments   JSONB        NOT NULL,
    result      JSONB        NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    duration_ms BIGINT       NOT NULL,
    CONSTRAINT tool_calls_pkey PRIMARY KEY (message_id, position),
    CONSTRAINT tool_calls_message_fkey FOREIGN KEY (message_id) REFERENCES messages (id),
    CONSTRAINT tool_calls_status_check CHECK (status IN ('ok', 'error'))
);

CREATE TABLE tasks (
    owner       VARCHAR(255)             NOT NULL,
    id          BIGINT                   NOT NULL,
    title       VARCHAR(500)             NOT NULL,
    description VARCHAR(2000)            NOT NULL,
    completed   BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tasks_pkey PRIMARY KEY (owner, id)
);

-- the highest task id each user ever had, so ids of deleted tasks are never handed out again
CREATE TABLE task_counters (
    owner   VARCHAR(255) NOT NULL,
    last_id BIGINT       NOT NULL,
    CONSTRAINT task_counters_pkey PRIMARY KEY (owner)
);
