-- The conversation list: one user's conversations, most recently updated first.
-- H2 has no partial indexes, so deleted rows stay in the index and are filtered out.
CREATE INDEX conversations_live_idx ON conversations (owner, updated_at DESC, id DESC);
