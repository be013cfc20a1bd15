-- Help requests: care tailored to a person, matched to volunteers by a group's volunteer coordinator.
-- The person's health or care needs are special category data: only needs_sealed holds them, encrypted with AES-GCM
-- under a key that is never in the database (see docs/features/care.md); the database alone cannot read them.
-- Groups and volunteers are other features': rows keep their ids and ask those services (no foreign keys).

CREATE TABLE care_requests (
    id                   BIGSERIAL PRIMARY KEY,
    -- The person helped, when they have an account; the request is theirs and goes with their account.
    person_id            BIGINT REFERENCES accounts(id) ON DELETE CASCADE,
    person_name          TEXT NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200),
    -- Who asked: the person, or someone acting for them with their consent.
    asker_id             BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    relationship         TEXT NOT NULL CHECK (relationship IN ('self', 'care_coordinator', 'social_prescriber', 'family', 'friend', 'other')),
    -- How consent was given: it is the person's own request, they confirm in their account, or the asker records it
    -- (in person or by phone, on a date).
    consent              TEXT NOT NULL CHECK (consent IN ('self', 'in_account', 'in_person', 'by_phone')),
    consent_given_on     DATE,
    consent_confirmed_at TIMESTAMPTZ,
    kind                 TEXT NOT NULL CHECK (kind IN ('befriending', 'shopping', 'transport', 'gardening', 'digital', 'forms', 'meals', 'other')),
    skills               TEXT[] NOT NULL DEFAULT '{}',
    one_off_on           DATE,
    slots                TEXT[] NOT NULL DEFAULT '{}',
    place_id             BIGINT NOT NULL REFERENCES places(id),
    lat                  DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                  DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    languages            TEXT[] NOT NULL CHECK (cardinality(languages) >= 1),
    gender_preference    TEXT CHECK (gender_preference IN ('woman', 'man')),
    continuity           BOOLEAN NOT NULL DEFAULT false,
    safeguarding         TEXT NOT NULL CHECK (safeguarding IN ('none', 'vulnerable_adult', 'child')),
    needs_sealed         BYTEA,
    status               TEXT NOT NULL CHECK (status IN ('awaiting_consent', 'open', 'matched', 'closed')),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((one_off_on IS NULL) <> (cardinality(slots) = 0)),
    CHECK (consent NOT IN ('in_person', 'by_phone') OR consent_given_on IS NOT NULL),
    CHECK (consent <> 'in_account' OR person_id IS NOT NULL)
);
CREATE INDEX care_requests_person ON care_requests (person_id);
CREATE INDEX care_requests_asker ON care_requests (asker_id);
CREATE INDEX care_requests_open ON care_requests (place_id) WHERE status = 'open';

-- One run of the matcher for a group's open requests: the figures that compare it with the greedy baseline.
CREATE TABLE care_match_runs (
    id              BIGSERIAL PRIMARY KEY,
    group_id        BIGINT NOT NULL,
    run_by          BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    run_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    requests        INT NOT NULL,
    volunteers      INT NOT NULL,
    matched         INT NOT NULL,
    total_metres    BIGINT NOT NULL,
    greedy_matched  INT NOT NULL,
    greedy_metres   BIGINT NOT NULL
);
CREATE INDEX care_match_runs_group ON care_match_runs (group_id, id);

-- Why a request of a run got nobody, in the engine's words.
CREATE TABLE care_unmatched (
    run_id      BIGINT NOT NULL REFERENCES care_match_runs(id) ON DELETE CASCADE,
    request_id  BIGINT NOT NULL REFERENCES care_requests(id) ON DELETE CASCADE,
    reasons     TEXT[] NOT NULL,
    PRIMARY KEY (run_id, request_id)
);

-- A volunteer for a request: a draft the coordinator reviews, a proposal the volunteer answers, then ongoing (accepted)
-- until it ends. A declined one is kept so a re-match leaves that volunteer out.
CREATE TABLE care_matches (
    id            BIGSERIAL PRIMARY KEY,
    request_id    BIGINT NOT NULL REFERENCES care_requests(id) ON DELETE CASCADE,
    volunteer_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    group_id      BIGINT NOT NULL,
    run_id        BIGINT REFERENCES care_match_runs(id) ON DELETE SET NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'accepted', 'declined', 'ended')),
    cost_metres   BIGINT NOT NULL CHECK (cost_metres >= 0),
    reasons       TEXT[] NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX care_matches_live ON care_matches (request_id) WHERE status IN ('draft', 'proposed', 'accepted');
CREATE INDEX care_matches_volunteer ON care_matches (volunteer_id);
CREATE INDEX care_matches_group ON care_matches (group_id, status);

-- Visits of an ongoing match, logged by the volunteer and approved by the coordinator, as hours are.
CREATE TABLE care_visits (
    id           BIGSERIAL PRIMARY KEY,
    match_id     BIGINT NOT NULL REFERENCES care_matches(id) ON DELETE CASCADE,
    visited_on   DATE NOT NULL,
    minutes      INT NOT NULL CHECK (minutes BETWEEN 5 AND 720),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    status       TEXT NOT NULL CHECK (status IN ('logged', 'approved')),
    logged_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_by  BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    approved_at  TIMESTAMPTZ,
    UNIQUE (match_id, visited_on)
);

-- Who looked at a request's care needs is read back from the audit log for the person's page.
CREATE INDEX audit_log_care_needs_viewed ON audit_log (subject) WHERE action = 'care.needs_viewed';
