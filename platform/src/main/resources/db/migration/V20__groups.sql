-- Community groups: the first-class group of the platform (charities, co-operatives, tenants' associations, party
-- branches...). Consultations' organisations become groups here, keeping their ids, members and roles.
CREATE TABLE groups (
    id                BIGSERIAL PRIMARY KEY,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind              TEXT NOT NULL CHECK (kind IN ('charity', 'cio', 'charitable_company', 'cic', 'cooperative_society',
                          'community_benefit_society', 'company_limited_by_guarantee', 'community_group', 'faith_group',
                          'tenants_association', 'parish_council', 'party_branch')),
    description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    contact           TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 500),
    website           TEXT CHECK (length(website) <= 500),
    -- Whether members who chose to be shown appear on the public page (officer roles are shown unless the person hid them).
    members_public    BOOLEAN NOT NULL DEFAULT false,
    logo              BYTEA,
    logo_type         TEXT CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/webp')),
    logo_alt          TEXT CHECK (length(logo_alt) <= 300),
    verified_at       TIMESTAMPTZ,
    created_by        BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((logo IS NULL) = (logo_type IS NULL))
);
CREATE UNIQUE INDEX groups_name ON groups (lower(name));
-- The directory finds words anywhere in a name (ILIKE '%...%'): trigrams keep that an index scan at 10,000 groups.
CREATE INDEX groups_name_trgm ON groups USING gin (name gin_trgm_ops);
CREATE INDEX groups_kind ON groups (kind);

-- org-id identifiers (GB-CHC-1090095): one group per identifier.
CREATE TABLE group_identifiers (
    group_id   BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL UNIQUE CHECK (length(identifier) BETWEEN 4 AND 120),
    PRIMARY KEY (group_id, identifier)
);

CREATE TABLE group_places (
    group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    place_id BIGINT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, place_id)
);
CREATE INDEX group_places_place ON group_places (place_id);

CREATE TABLE group_themes (
    group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    theme    TEXT NOT NULL CHECK (length(theme) BETWEEN 1 AND 40),
    PRIMARY KEY (group_id, theme)
);
CREATE INDEX group_themes_theme ON group_themes (theme);

-- An officer's check of an identifier against its register: what they checked and when. The latest one stands.
CREATE TABLE group_verifications (
    id          BIGSERIAL PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    identifier  TEXT NOT NULL,
    checked     TEXT NOT NULL CHECK (length(checked) BETWEEN 1 AND 2000),
    checked_on  DATE NOT NULL,
    verified    BOOLEAN NOT NULL,
    officer_id  BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX group_verifications_group ON group_verifications (group_id, id DESC);

-- A person's membership: one row per person per group (one member, one vote), with their role, whether they run the
-- group's page (admin), and how they chose to be shown: 'default' (shown when they hold an officer role), 'public'
-- (shown also as a plain member, where the group shows members) or 'hidden'.
CREATE TABLE group_members (
    group_id   BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('member', 'trustee', 'chair', 'secretary', 'treasurer', 'volunteer_coordinator', 'safeguarding_lead')),
    admin      BOOLEAN NOT NULL DEFAULT false,
    shown      TEXT NOT NULL DEFAULT 'default' CHECK (shown IN ('default', 'public', 'hidden')),
    started_on DATE NOT NULL DEFAULT current_date,
    ended_on   DATE,
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, account_id),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX group_members_account ON group_members (account_id);

-- An invitation by email: the link's token is stored only as a hash and works once, before it expires.
CREATE TABLE group_invites (
    id          BIGSERIAL PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    email       TEXT NOT NULL CHECK (length(email) <= 320),
    role        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX group_invites_group ON group_invites (group_id);

CREATE TABLE group_join_requests (
    group_id     BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message      TEXT NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, account_id)
);

-- Trustee (and other role) vacancies a group posts; places where the work is, skills from the shared list.
CREATE TABLE group_vacancies (
    id          BIGSERIAL PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    skills      TEXT[] NOT NULL DEFAULT '{}',
    time_needed TEXT NOT NULL CHECK (length(time_needed) BETWEEN 1 AND 200),
    place_ids   BIGINT[] NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at   TIMESTAMPTZ
);
CREATE INDEX group_vacancies_group ON group_vacancies (group_id);
CREATE INDEX group_vacancies_skills ON group_vacancies USING gin (skills);

-- A resident's skills and interests (themes), and whether group admins may find them for a vacancy.
CREATE TABLE resident_skills (
    account_id  BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    skills      TEXT[] NOT NULL DEFAULT '{}',
    interests   TEXT[] NOT NULL DEFAULT '{}',
    findable    BOOLEAN NOT NULL DEFAULT false,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX resident_skills_findable ON resident_skills USING gin (skills) WHERE findable;

-- The organisations, with their ids, as groups; an organiser becomes a member who runs the group.
INSERT INTO groups (id, name, kind, created_at)
SELECT id, name, CASE kind WHEN 'council' THEN 'parish_council' WHEN 'party_branch' THEN 'party_branch'
                           WHEN 'group' THEN 'community_group' WHEN 'charity' THEN 'charity'
                           WHEN 'cooperative' THEN 'cooperative_society' END, created_at
FROM organisations;
SELECT setval(pg_get_serial_sequence('groups', 'id'), greatest((SELECT max(id) FROM groups), 1), (SELECT count(*) > 0 FROM groups));
INSERT INTO group_members (group_id, account_id, role, admin, started_on, added_at)
SELECT organisation_id, account_id, 'member', role = 'organiser', (added_at AT TIME ZONE 'Europe/London')::date, added_at
FROM organisation_members;

ALTER TABLE consultations DROP CONSTRAINT consultations_organisation_id_fkey;
ALTER TABLE consultations ADD CONSTRAINT consultations_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES groups(id) ON DELETE RESTRICT;
ALTER TABLE consultation_responses DROP CONSTRAINT consultation_responses_organisation_id_fkey;
ALTER TABLE consultation_responses ADD CONSTRAINT consultation_responses_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES groups(id) ON DELETE SET NULL;
DROP TABLE organisation_members;
DROP TABLE organisations;
