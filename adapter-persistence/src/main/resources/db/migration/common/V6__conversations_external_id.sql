-- The caller's own name for a conversation (SPEC §15: POST /api/v1/chat/conversations with
-- external_id; the AI SDK's chat id). Unique per owner, so two concurrent creates with one name
-- store one conversation; NULLs (no name, and deleted conversations, which release theirs) never
-- collide. The index also serves the lookup by (owner, external_id).
ALTER TABLE conversations ADD COLUMN external_id VARCHAR(255);

ALTER TABLE conversations ADD CONSTRAINT conversations_external_id_key UNIQUE (owner, external_id);
