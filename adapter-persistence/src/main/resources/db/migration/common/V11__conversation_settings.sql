-- What one conversation sets for itself instead of the server's defaults (SPEC §16: PATCH
-- /api/v1/chat/conversations/{id}): its system prompt, its model (one the server allows) and how
-- many days its messages are kept. NULL means the server's.
ALTER TABLE conversations ADD COLUMN system_prompt VARCHAR(10000);
ALTER TABLE conversations ADD COLUMN model VARCHAR(100);
ALTER TABLE conversations ADD COLUMN retention_days INTEGER;
