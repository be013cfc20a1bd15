-- Conversations: opinion mapping as Polis does it. Participants write short statements and vote agree / disagree /
-- pass on them one at a time; a background job maps opinion groups from the votes (engines/opinion) and caches the
-- analysis here. Numbers (participant and statement) count from 0 within a conversation, as Polis's pid and tid do,
-- so an export and an import keep the file's ids.

CREATE TABLE conversations (
    id              BIGSERIAL PRIMARY KEY,
    topic           TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    description     TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    -- What it is attached to, as a subject key of another feature ("problem", 12); both null when it stands alone.
    subject_kind    TEXT,
    subject_id      BIGINT,
    -- strict: only statements a moderator approved are shown; open: every statement not rejected is shown.
    moderation      TEXT NOT NULL CHECK (moderation IN ('strict', 'open')),
    -- signed_in: participants are accounts; anonymous: anyone, known by a participant cookie.
    participation   TEXT NOT NULL CHECK (participation IN ('signed_in', 'anonymous')),
    owner_id        BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    -- Started by an officer: the council's, so every officer may run it.
    for_council     BOOLEAN NOT NULL DEFAULT false,
    imported_from   TEXT CHECK (length(imported_from) <= 500),
    closed_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Raised when statements are added or moderated: the analysis job recomputes conversations changed since.
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((subject_kind IS NULL) = (subject_id IS NULL))
);
CREATE INDEX conversations_subject ON conversations (subject_kind, subject_id);

-- A participant is an account or an anonymous cookie's keyed hash (never the cookie), or an imported file's pid.
CREATE TABLE conversation_participants (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    number          INT NOT NULL CHECK (number >= 0),
    account_id      BIGINT REFERENCES accounts(id) ON DELETE CASCADE,
    anonymous_key   TEXT CHECK (length(anonymous_key) <= 100),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, number),
    UNIQUE (conversation_id, account_id),
    UNIQUE (conversation_id, anonymous_key),
    CHECK (account_id IS NULL OR anonymous_key IS NULL)
);
CREATE INDEX conversation_participants_account ON conversation_participants (account_id);

CREATE TABLE conversation_statements (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    number          INT NOT NULL CHECK (number >= 0),
    body            TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    -- The writer; a seed statement is the owner's and has none. Erasing the writer's account erases the statement.
    author_id       BIGINT REFERENCES conversation_participants(id) ON DELETE CASCADE,
    seed            BOOLEAN NOT NULL DEFAULT false,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    moderated_by    BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    moderated_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    words           tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_unaccent(body))) STORED,
    UNIQUE (conversation_id, number)
);
CREATE INDEX conversation_statements_words ON conversation_statements USING GIN (words);
CREATE INDEX conversation_statements_trgm ON conversation_statements USING GIN (search_unaccent(lower(body)) gin_trgm_ops);

-- One vote per participant and statement (a second vote replaces the first): 1 agree, -1 disagree, 0 pass, the
-- openData layout's signs.
CREATE TABLE conversation_votes (
    participant_id  BIGINT NOT NULL REFERENCES conversation_participants(id) ON DELETE CASCADE,
    statement_id    BIGINT NOT NULL REFERENCES conversation_statements(id) ON DELETE CASCADE,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    vote            SMALLINT NOT NULL CHECK (vote IN (-1, 0, 1)),
    voted_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (participant_id, statement_id)
);
CREATE INDEX conversation_votes_recent ON conversation_votes (conversation_id, voted_at);
CREATE INDEX conversation_votes_statement ON conversation_votes (statement_id);

-- The latest analysis of each conversation, as the pages draw it (JSON), the moment its votes were read, and the
-- engine's state for the next run's warm start (Polis's math depends on its history).
CREATE TABLE conversation_analyses (
    conversation_id BIGINT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    read_at         TIMESTAMPTZ NOT NULL,
    computed_at     TIMESTAMPTZ NOT NULL,
    analysis        JSONB NOT NULL,
    state           JSONB
);
