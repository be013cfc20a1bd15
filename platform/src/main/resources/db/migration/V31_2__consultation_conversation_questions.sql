-- A consultation question of the kind "conversation" embeds a conversation (the conversations feature's, started with
-- the question): conversation_id names it. No foreign key: the conversations table is another feature's, reached only
-- through its published service.
ALTER TABLE consultation_questions DROP CONSTRAINT consultation_questions_kind_check;
ALTER TABLE consultation_questions ADD CONSTRAINT consultation_questions_kind_check
    CHECK (kind IN ('text', 'single', 'multiple', 'rating', 'ranking', 'conversation'));
ALTER TABLE consultation_questions ADD COLUMN conversation_id BIGINT;
ALTER TABLE consultation_questions ADD CONSTRAINT consultation_questions_conversation
    CHECK ((kind = 'conversation') = (conversation_id IS NOT NULL));
