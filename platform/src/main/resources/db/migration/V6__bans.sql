-- A moderator's ban stops an account posting (problems, comments, answers, proposals) until it expires or is lifted.
-- Rows are kept after expiry or lifting: they are the account's moderation history.
CREATE TABLE account_bans (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    starts_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    ends_at     TIMESTAMPTZ,
    lifted_at   TIMESTAMPTZ,
    banned_by   BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX account_bans_account ON account_bans (account_id);
