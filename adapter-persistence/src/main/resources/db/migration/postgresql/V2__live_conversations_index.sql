-- The conversation list: one user's live conversations, most recently updated first.
CREATE INDEX conversations_live_idx ON conversations (owner, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
