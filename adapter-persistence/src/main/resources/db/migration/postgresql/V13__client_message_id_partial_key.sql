-- PostgreSQL only: the duplicate check on a user message's client_message_id becomes a partial
-- unique index of the user messages that carry one. As a table constraint its index also led with
-- conversation_id, and where the planner estimates a conversation at one row (a plan cached while
-- the table was small, as every prepared statement's is until something invalidates it, or a
-- conversation newer than the last ANALYZE) it ties with messages_history_idx: about a third of the
-- agent's windows then read the whole conversation through it and sorted it (docs/performance.md).
-- Same name and columns, so a duplicate is still SQLSTATE 23505 on messages_client_message_id_key.
-- Built inside the migration's transaction: writes to messages wait while it builds.
ALTER TABLE messages DROP CONSTRAINT messages_client_message_id_key;
CREATE UNIQUE INDEX messages_client_message_id_key ON messages (conversation_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
