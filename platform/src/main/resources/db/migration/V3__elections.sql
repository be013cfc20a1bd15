-- Elections: uploaded constituency results for the seat modeller, and organisations' own STV elections.

-- A results file as uploaded (any layout the engine's ResultsCsv reads); parsed again on each use.
CREATE TABLE election_results_sets (
    id             BIGSERIAL PRIMARY KEY,
    owner_id       BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    file_name      TEXT NOT NULL,
    csv            TEXT NOT NULL,
    constituencies INT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE elections (
    id          BIGSERIAL PRIMARY KEY,
    owner_id    BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    seats       INT NOT NULL CHECK (seats >= 1),
    rule        TEXT NOT NULL CHECK (rule IN ('scottish', 'meek', 'wigm')),
    opens_at    TIMESTAMPTZ NOT NULL,
    closes_at   TIMESTAMPTZ NOT NULL CHECK (closes_at > opens_at),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'published')),
    report_html TEXT,
    report_json TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE election_candidates (
    election_id BIGINT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    position    INT NOT NULL CHECK (position >= 0),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    statement   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (election_id, position),
    UNIQUE (election_id, name)
);

-- Who may vote: members with accounts, and one-time codes (only their SHA-256) for members without.
CREATE TABLE election_electors (
    election_id BIGINT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (election_id, account_id)
);

CREATE TABLE election_codes (
    election_id BIGINT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    code_hash   TEXT NOT NULL,
    PRIMARY KEY (election_id, code_hash)
);

-- Who has voted, and nothing else: no time, no sequence, so no row can be matched to a ballot.
-- voter_key is 'account:<id>' or 'code:<hash>'; the primary key is what makes a second ballot impossible.
CREATE TABLE election_voted (
    election_id BIGINT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    voter_key   TEXT NOT NULL,
    PRIMARY KEY (election_id, voter_key)
);

-- The secret ballots: no voter column, no time, and a random id rather than a sequence.
-- ranking holds candidate positions, first preference first.
CREATE TABLE election_ballots (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    election_id BIGINT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    ranking     INT[] NOT NULL CHECK (cardinality(ranking) >= 1)
);
CREATE INDEX election_ballots_election ON election_ballots (election_id);
