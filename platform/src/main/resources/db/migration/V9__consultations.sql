-- Organisations (a council, party branch, group, charity or co-operative) whose members may act for them: run
-- consultations (organisers) and respond to other people's consultations as the organisation.
CREATE TABLE organisations (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (kind IN ('council', 'party_branch', 'group', 'charity', 'cooperative')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE organisation_members (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    account_id      BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('member', 'organiser')),
    added_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, account_id)
);
CREATE INDEX organisation_members_account ON organisation_members (account_id);

-- A consultation is run by the council (organisation_id NULL) or by an organisation. Dates are UK (Europe/London)
-- calendar days, both inclusive.
CREATE TABLE consultations (
    id              BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE RESTRICT,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body            TEXT NOT NULL CHECK (length(body) <= 20000),
    place_id        BIGINT REFERENCES places(id) ON DELETE SET NULL,
    opens_on        DATE NOT NULL,
    closes_on       DATE NOT NULL,
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
    answers_public  BOOLEAN NOT NULL DEFAULT false,
    outcome_published_at TIMESTAMPTZ,
    created_by      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (closes_on >= opens_on)
);
CREATE INDEX consultations_status ON consultations (status, opens_on DESC);
CREATE INDEX consultations_organisation ON consultations (organisation_id);

CREATE TABLE consultation_documents (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    file_name       TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    media_type      TEXT NOT NULL,
    size_bytes      BIGINT NOT NULL,
    content         BYTEA NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consultation_documents_consultation ON consultation_documents (consultation_id);

-- The outcome ("you said, we did") is written per workstream and shown once the consultation's outcome is published.
CREATE TABLE consultation_workstreams (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    position        INT NOT NULL,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    outcome         TEXT CHECK (length(outcome) <= 20000)
);
CREATE INDEX consultation_workstreams_consultation ON consultation_workstreams (consultation_id, position);

CREATE TABLE consultation_questions (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    workstream_id   BIGINT NOT NULL REFERENCES consultation_workstreams(id) ON DELETE CASCADE,
    position        INT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('text', 'single', 'multiple', 'rating', 'ranking')),
    prompt          TEXT NOT NULL CHECK (length(prompt) BETWEEN 1 AND 500),
    max_length      INT,
    max_choices     INT,
    scale           INT,
    low_label       TEXT,
    high_label      TEXT
);
CREATE INDEX consultation_questions_workstream ON consultation_questions (workstream_id, position);
CREATE INDEX consultation_questions_consultation ON consultation_questions (consultation_id);

CREATE TABLE consultation_options (
    id          BIGSERIAL PRIMARY KEY,
    question_id BIGINT NOT NULL REFERENCES consultation_questions(id) ON DELETE CASCADE,
    position    INT NOT NULL,
    label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200)
);
CREATE INDEX consultation_options_question ON consultation_options (question_id, position);

-- One response per respondent per consultation. respondent_key is a keyed hash of the account (or organisation):
-- it stops double answering and lets the respondent edit. account_id is kept only for named answers; an anonymous
-- response keeps no account id at all. place_id is the respondent's home place when they answered (for filters).
CREATE TABLE consultation_responses (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    respondent_key  TEXT NOT NULL,
    account_id      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    anonymous       BOOLEAN NOT NULL DEFAULT false,
    place_id        BIGINT REFERENCES places(id) ON DELETE SET NULL,
    submitted_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (consultation_id, respondent_key),
    CHECK (NOT (anonymous AND account_id IS NOT NULL))
);

-- One row per answered question: text and rating in the row, choices and rankings in consultation_answer_options.
CREATE TABLE consultation_answers (
    response_id BIGINT NOT NULL REFERENCES consultation_responses(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES consultation_questions(id) ON DELETE CASCADE,
    text_value  TEXT,
    rating      INT,
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX consultation_answers_question ON consultation_answers (question_id);

CREATE TABLE consultation_answer_options (
    response_id BIGINT NOT NULL REFERENCES consultation_responses(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES consultation_questions(id) ON DELETE CASCADE,
    option_id   BIGINT NOT NULL REFERENCES consultation_options(id) ON DELETE CASCADE,
    rank        INT,
    PRIMARY KEY (response_id, question_id, option_id)
);
CREATE INDEX consultation_answer_options_question ON consultation_answer_options (question_id, option_id);
