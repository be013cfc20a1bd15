-- Conversations for verified residents only: participants must be signed in with a home place that core's residence
-- checks have verified (by a letter's code or at a council desk). The check happens inside each vote's and statement's
-- transaction; the table only learns the new setting.
ALTER TABLE conversations DROP CONSTRAINT conversations_participation_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_participation_check
    CHECK (participation IN ('signed_in', 'verified', 'anonymous'));
