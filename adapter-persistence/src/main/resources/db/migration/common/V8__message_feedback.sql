-- The owner's rating of a message (SPEC §16: PUT …/messages/{id}/feedback, ChatKit's items.feedback):
-- one per message, replaced when given again, erased with the message.
ALTER TABLE messages ADD COLUMN feedback_rating VARCHAR(8);
ALTER TABLE messages ADD COLUMN feedback_comment VARCHAR(2000);
ALTER TABLE messages ADD CONSTRAINT messages_feedback_rating_check CHECK (feedback_rating IN ('up', 'down'));
