-- Volunteering opportunities groups post, their sessions (shifts) with sign-ups and a waiting list, check-in, and the
-- hours volunteers log for their group's coordinators to approve. A group's id is kept here; the groups feature owns
-- the group. Imported rows keep where they came from (source and external id), so importing again updates nothing twice.

CREATE TABLE opportunities (
    id              BIGSERIAL PRIMARY KEY,
    group_id        BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    created_by      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    place_ids       BIGINT[] NOT NULL DEFAULT '{}',
    themes          TEXT[] NOT NULL DEFAULT '{}',
    roles           TEXT[] NOT NULL CHECK (cardinality(roles) BETWEEN 1 AND 10),
    skills          TEXT[] NOT NULL DEFAULT '{}',
    -- The lowest DBS check a volunteer needs (codes as engines/matching's Dbs); 'none' asks for none.
    min_dbs         TEXT NOT NULL DEFAULT 'none' CHECK (min_dbs IN ('none', 'basic', 'standard', 'enhanced', 'enhanced-barred')),
    min_age         INT CHECK (min_age IN (16, 18)),
    schedule        TEXT NOT NULL CHECK (schedule IN ('regular', 'one_off')),
    closed_at       TIMESTAMPTZ,
    source          TEXT CHECK (length(source) <= 40),
    external_id     TEXT CHECK (length(external_id) <= 100),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((source IS NULL) = (external_id IS NULL)),
    UNIQUE (source, external_id)
);
CREATE INDEX opportunities_group ON opportunities (group_id);
CREATE INDEX opportunities_places ON opportunities USING GIN (place_ids);

CREATE TABLE opportunity_sessions (
    id              BIGSERIAL PRIMARY KEY,
    opportunity_id  BIGINT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 100),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    place_id        BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    venue           TEXT CHECK (length(venue) <= 500),
    capacity        INT NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    external_id     TEXT CHECK (length(external_id) <= 100),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    UNIQUE (opportunity_id, external_id)
);
CREATE INDEX opportunity_sessions_starts ON opportunity_sessions (starts_at, id);
CREATE INDEX opportunity_sessions_opportunity ON opportunity_sessions (opportunity_id, starts_at);

-- One row per volunteer and session: signed up (has a place) or waiting (in id order, first in first promoted). The
-- session row is locked while places are counted, so capacity is never exceeded. attended is the coordinator's
-- check-in: null until checked, then true (came) or false (did not come).
CREATE TABLE opportunity_signups (
    id              BIGSERIAL PRIMARY KEY,
    session_id      BIGINT NOT NULL REFERENCES opportunity_sessions(id) ON DELETE CASCADE,
    account_id      BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('signed_up', 'waiting')),
    attended        BOOLEAN,
    checked_at      TIMESTAMPTZ,
    reminded_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (session_id, account_id),
    CHECK (attended IS NULL OR status = 'signed_up')
);
CREATE INDEX opportunity_signups_queue ON opportunity_signups (session_id, status, id);
CREATE INDEX opportunity_signups_account ON opportunity_signups (account_id);

-- Hours a volunteer logs, against a session they attended or ad hoc against an opportunity; only approved ones count.
CREATE TABLE volunteer_hours (
    id              BIGSERIAL PRIMARY KEY,
    opportunity_id  BIGINT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    session_id      BIGINT REFERENCES opportunity_sessions(id) ON DELETE SET NULL,
    account_id      BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 100),
    worked_on       DATE NOT NULL,
    -- Quarter hours, so sums are exact: 6 is an hour and a half.
    quarters        INT NOT NULL CHECK (quarters BETWEEN 1 AND 96),
    note            TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reason          TEXT CHECK (length(reason) <= 1000),
    decided_by      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'rejected') = (reason IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX volunteer_hours_account ON volunteer_hours (account_id, worked_on);
CREATE INDEX volunteer_hours_opportunity ON volunteer_hours (opportunity_id, status);
CREATE UNIQUE INDEX volunteer_hours_one_per_session ON volunteer_hours (session_id, account_id) WHERE session_id IS NOT NULL;
