-- Deliberation: comments on any subject ("kind:id", owned by another feature), reports and moderation,
-- follows, in-platform notifications and per-account email settings.
-- pgcrypto's hmac() signs each follower's unsubscribe link inside the one INSERT ... SELECT that queues their mail.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE comments (
    id            BIGSERIAL PRIMARY KEY,
    subject_kind  TEXT NOT NULL,
    subject_id    BIGINT NOT NULL,
    parent_id     BIGINT REFERENCES comments(id),
    -- A deleted account's comments stay (replies hang off them), shown as from a deleted account.
    author_id     BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    edited_at     TIMESTAMPTZ,
    hidden_at     TIMESTAMPTZ,
    hidden_reason TEXT CHECK (length(hidden_reason) BETWEEN 1 AND 500),
    hidden_by     BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
-- A subject's whole thread is one range scan of this index.
CREATE INDEX comments_subject ON comments (subject_kind, subject_id, id);
CREATE INDEX comments_author ON comments (author_id, id);
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE comment_reports (
    id           BIGSERIAL PRIMARY KEY,
    comment_id   BIGINT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    reporter_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    reason       TEXT NOT NULL CHECK (reason IN ('abuse', 'spam', 'personal', 'misinformation', 'offtopic', 'other')),
    note         TEXT CHECK (length(note) <= 1000),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at  TIMESTAMPTZ,
    resolution   TEXT CHECK (resolution IN ('hidden', 'dismissed')),
    resolved_by  BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    UNIQUE (comment_id, reporter_id)
);
CREATE INDEX comment_reports_open ON comment_reports (comment_id) WHERE resolved_at IS NULL;

-- following = false records that someone (typically the subject's author, who follows by default) stopped following.
CREATE TABLE follows (
    subject_kind TEXT NOT NULL,
    subject_id   BIGINT NOT NULL,
    account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    following    BOOLEAN NOT NULL DEFAULT true,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_kind, subject_id, account_id)
);
CREATE INDEX follows_account ON follows (account_id);

CREATE TABLE notifications (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    subject_kind TEXT NOT NULL,
    subject_id   BIGINT NOT NULL,
    event        TEXT NOT NULL CHECK (event IN ('replies', 'updates', 'phases')),
    message_key  TEXT NOT NULL,
    args         TEXT[] NOT NULL,
    title        TEXT NOT NULL,
    url          TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at      TIMESTAMPTZ
);
CREATE INDEX notifications_account ON notifications (account_id, id DESC);
CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;

-- Email is on for every kind of event unless a row here turns it off.
CREATE TABLE notification_settings (
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    event      TEXT NOT NULL CHECK (event IN ('replies', 'updates', 'phases')),
    email      BOOLEAN NOT NULL,
    PRIMARY KEY (account_id, event)
);
