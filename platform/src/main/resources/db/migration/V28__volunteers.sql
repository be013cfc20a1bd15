-- Volunteers: a profile per person (an account's own, or one a group imported that waits to be claimed), the groups
-- they volunteer with, dated exceptions to their weekly slots, training records, references and DBS checks.

CREATE TABLE volunteers (
    id                 BIGSERIAL PRIMARY KEY,
    -- Null while an imported record waits to be claimed by its owner's account (see claim_*).
    account_id         BIGINT UNIQUE REFERENCES accounts(id) ON DELETE CASCADE,
    display_name       TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    skills             TEXT[] NOT NULL DEFAULT '{}',
    languages          TEXT[] NOT NULL DEFAULT '{}',
    slots              TEXT[] NOT NULL DEFAULT '{}',
    interests          TEXT[] NOT NULL DEFAULT '{}',
    transport          TEXT[] NOT NULL DEFAULT '{}',
    home_place_id      BIGINT REFERENCES places(id) ON DELETE SET NULL,
    home_lat           DOUBLE PRECISION CHECK (home_lat BETWEEN -90 AND 90),
    home_lon           DOUBLE PRECISION CHECK (home_lon BETWEEN -180 AND 180),
    radius_km          INTEGER NOT NULL DEFAULT 5 CHECK (radius_km BETWEEN 0 AND 500),
    max_hours_week     INTEGER CHECK (max_hours_week BETWEEN 0 AND 168),
    capacity           INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 0 AND 50),
    gender             TEXT CHECK (length(gender) <= 60),
    -- An imported record: the group that imported it, the address its claim invitation went to, the export's ids,
    -- mobile number and its own criminal check reference (not a DBS certificate number).
    owner_group_id     BIGINT REFERENCES groups(id) ON DELETE CASCADE,
    email              TEXT,
    mobile             TEXT,
    source             TEXT,
    external_id        TEXT,
    external_check_ref TEXT,
    claim_token_hash   TEXT UNIQUE,
    claim_expires_at   TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (source, external_id),
    CHECK ((home_lat IS NULL) = (home_lon IS NULL)),
    CHECK (account_id IS NOT NULL OR owner_group_id IS NOT NULL)
);
CREATE INDEX volunteers_skills ON volunteers USING gin (skills);
CREATE INDEX volunteers_languages ON volunteers USING gin (languages);
CREATE INDEX volunteers_slots ON volunteers USING gin (slots);
CREATE INDEX volunteers_name ON volunteers USING gin (lower(display_name) gin_trgm_ops);
CREATE INDEX volunteers_place ON volunteers (home_place_id);
CREATE INDEX volunteers_owner_group ON volunteers (owner_group_id);

-- The groups a volunteer gives time to: the volunteer opts in per group (or the group imported them); only these
-- groups' admins, coordinators and safeguarding leads see the volunteer.
CREATE TABLE volunteer_groups (
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    group_id     BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    joined_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, volunteer_id)
);
CREATE INDEX volunteer_groups_volunteer ON volunteer_groups (volunteer_id);

-- Dated exceptions to the weekly slots ("away 3–17 August"), both days inclusive.
CREATE TABLE volunteer_away (
    id           BIGSERIAL PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    from_date    DATE NOT NULL,
    to_date      DATE NOT NULL,
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK (to_date >= from_date)
);
CREATE INDEX volunteer_away_volunteer ON volunteer_away (volunteer_id, to_date);

-- Training and induction records.
CREATE TABLE volunteer_training (
    id           BIGSERIAL PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('training', 'induction')),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    completed_on DATE NOT NULL,
    expires_on   DATE,
    CHECK (expires_on IS NULL OR expires_on >= completed_on)
);
CREATE INDEX volunteer_training_volunteer ON volunteer_training (volunteer_id);

-- References: the contact is shown only to the volunteer and their groups' coordinators and safeguarding leads.
CREATE TABLE volunteer_references (
    id           BIGSERIAL PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    relationship TEXT NOT NULL CHECK (length(relationship) BETWEEN 1 AND 200),
    contact      TEXT NOT NULL CHECK (length(contact) BETWEEN 1 AND 300),
    received     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX volunteer_references_volunteer ON volunteer_references (volunteer_id);

-- DBS checks: a volunteer (or a lead) enters one; it counts only once a safeguarding lead of one of the volunteer's
-- groups has verified it. rank orders the levels (basic 1 .. enhanced with both barred lists 6) for searches.
CREATE TABLE volunteer_dbs_checks (
    id                 BIGSERIAL PRIMARY KEY,
    volunteer_id       BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    level              TEXT NOT NULL CHECK (level IN ('basic', 'standard', 'enhanced', 'enhanced_adults', 'enhanced_children', 'enhanced_both')),
    certificate_number TEXT NOT NULL CHECK (certificate_number ~ '^[0-9]{12}$'),
    issued_on          DATE NOT NULL,
    update_service     BOOLEAN NOT NULL DEFAULT false,
    status             TEXT CHECK (status IN ('NO_MATCH_FOUND', 'BLANK_NO_NEW_INFO', 'NON_BLANK_NO_NEW_INFO', 'NEW_INFO')),
    status_checked_on  DATE,
    recheck_due        DATE NOT NULL,
    entered_by         BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    entered_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    verified_by        BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    verified_group_id  BIGINT REFERENCES groups(id) ON DELETE SET NULL,
    verified_at        TIMESTAMPTZ,
    reminded_for       DATE
);
CREATE INDEX volunteer_dbs_valid ON volunteer_dbs_checks (volunteer_id, recheck_due) WHERE verified_at IS NOT NULL;
CREATE INDEX volunteer_dbs_due ON volunteer_dbs_checks (recheck_due) WHERE verified_at IS NOT NULL;
