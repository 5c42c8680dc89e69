-- H2 only: the agent's window and history pages read a conversation's messages newest first.
-- H2's planner otherwise reads the whole conversation through the index its foreign key created
-- on conversation_id and sorts it; the repository names this index in the query (USE INDEX),
-- ordered like it, so H2 reads only the rows it returns. PostgreSQL scans messages_history_idx
-- backwards and needs no such index.
CREATE INDEX messages_window_idx ON messages (conversation_id, created_at DESC, id DESC);
