-- Full-text search of messages (GET /api/v1/chat/search). The 'simple' configuration lower-cases
-- words and neither stems nor drops stop words: users write in several languages (often mixed in
-- one conversation), which one language's stemmer would mangle, and code, names and ids must match
-- as written. The vector is stored (a generated column), not only indexed: ranking reads it for
-- every match of the owner, and re-parsing the text there cost 2.1 s instead of 0.12 s for a word
-- in all of one user's 100,000 messages (docs/persistence.md). Adding it rewrites the table.
-- Titles need no index of their own: the search reads the owner's live conversations through
-- conversations_live_idx and matches their titles there (JooqMessageSearch).
ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED;
CREATE INDEX messages_search_idx ON messages USING GIN (search_vector);
