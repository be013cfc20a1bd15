-- An invitation can end before it is used: the group's admins withdraw it, or the person invited declines it. Each
-- is recorded (rather than the row deleted) so the link can say, in words, why it no longer works.
ALTER TABLE group_invites
    ADD COLUMN withdrawn_at TIMESTAMPTZ,
    ADD COLUMN declined_at  TIMESTAMPTZ,
    ADD CONSTRAINT group_invites_one_end CHECK (num_nonnulls(used_at, withdrawn_at, declined_at) <= 1);
