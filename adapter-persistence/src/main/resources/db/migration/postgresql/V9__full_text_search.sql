-- Full-text search of messages and conversation titles (GET /api/v1/chat/search). The 'simple'
-- configuration lower-cases words and neither stems nor drops stop words: users write in several
-- languages (often mixed in one conversation), which one language's stemmer would mangle, and code,
-- names and ids must match as written. The search query uses the same expression, so it can use
-- these indexes (JooqMessageSearch).
CREATE INDEX messages_search_idx ON messages USING GIN (to_tsvector('simple', content));
CREATE INDEX conversations_search_idx ON conversations USING GIN (to_tsvector('simple', title));
