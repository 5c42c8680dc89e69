-- The lease of each running turn on its conversation (SPEC §12): at most one row per conversation,
-- so one turn runs per conversation across instances. An instance renews its turns' rows; a row
-- whose expires_at passed belongs to a dead instance and is taken over to end its turn as lost.
CREATE TABLE turn_leases (
    conversation_id   UUID                     NOT NULL,
    turn_id           UUID                     NOT NULL,
    owner             VARCHAR(255)             NOT NULL,
    user_message_id   UUID                     NOT NULL,
    client_message_id VARCHAR(200),
    instance          VARCHAR(200)             NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT turn_leases_pkey PRIMARY KEY (conversation_id),
    CONSTRAINT turn_leases_turn_key UNIQUE (turn_id)
);

CREATE INDEX turn_leases_expires_idx ON turn_leases (expires_at);
CREATE INDEX turn_leases_instance_idx ON turn_leases (instance);
