-- Core: accounts, roles, sessions, places, mail outbox, audit log, settings.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE places (
    id          BIGSERIAL PRIMARY KEY,
    parent_id   BIGINT REFERENCES places(id) ON DELETE RESTRICT,
    kind        TEXT NOT NULL CHECK (kind IN ('council', 'ward', 'neighbourhood')),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    gss_code    TEXT CHECK (gss_code ~ '^[EWSNK][0-9]{8}$'),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (parent_id, name)
);
CREATE UNIQUE INDEX places_gss_code ON places (gss_code) WHERE gss_code IS NOT NULL;

CREATE TABLE accounts (
    id                 BIGSERIAL PRIMARY KEY,
    email              TEXT NOT NULL,
    name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash      TEXT NOT NULL,
    email_confirmed_at TIMESTAMPTZ,
    home_place_id      BIGINT REFERENCES places(id) ON DELETE SET NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));

CREATE TABLE account_roles (
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('organiser', 'officer', 'moderator', 'admin')),
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, role)
);

-- One-time tokens for email confirmation and password reset; only a hash is stored.
CREATE TABLE account_tokens (
    token_hash  TEXT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('confirm_email', 'reset_password')),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX account_tokens_account ON account_tokens (account_id, purpose);

-- Sessions live in PostgreSQL so several app instances can serve one database; only a hash of the cookie is stored.
CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE mail_outbox (
    id          BIGSERIAL PRIMARY KEY,
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INT NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (id) WHERE sent_at IS NULL;

CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id    BIGINT,
    action      TEXT NOT NULL,
    subject     TEXT,
    detail      TEXT,
    ip          TEXT,
    request_id  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- The audit log is append-only: no role, not even the application's, may rewrite history.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Instance-wide secrets shared by every app instance (e.g. the CSRF key).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
