-- Devolved budgets: processes, pots, proposals, secret ballots, results, delivery.

-- unaccent() is only STABLE (its dictionary could change); a generated column needs an IMMUTABLE expression,
-- so we pin the dictionary by name in a wrapper we declare immutable.
CREATE FUNCTION budget_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE budget_processes (
    id          BIGSERIAL PRIMARY KEY,
    place_id    BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary     TEXT NOT NULL CHECK (length(summary) <= 5000),
    phase       TEXT NOT NULL DEFAULT 'information'
                CHECK (phase IN ('information', 'ideas', 'drafting', 'feasibility', 'voting', 'results', 'delivery')),
    -- When on, a phase also closes on its own once its planned end date has passed (or the next one's start has come).
    auto_advance BOOLEAN NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Planned dates per phase (shown to residents); the officer's button is what actually opens and closes a phase.
CREATE TABLE budget_phase_dates (
    process_id  BIGINT NOT NULL REFERENCES budget_processes(id) ON DELETE CASCADE,
    phase       TEXT NOT NULL,
    starts_on   DATE,
    ends_on     DATE,
    PRIMARY KEY (process_id, phase),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);

CREATE TABLE budget_pots (
    id            BIGSERIAL PRIMARY KEY,
    process_id    BIGINT NOT NULL REFERENCES budget_processes(id) ON DELETE CASCADE,
    place_id      BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    amount        BIGINT NOT NULL CHECK (amount > 0),
    currency      TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    ballot_type   TEXT NOT NULL CHECK (ballot_type IN ('approval', 'knapsack', 'cumulative', 'ranked')),
    min_projects  INT NOT NULL DEFAULT 0 CHECK (min_projects >= 0),
    max_projects  INT CHECK (max_projects IS NULL OR max_projects >= 1),
    max_points    INT CHECK (max_points IS NULL OR max_points >= 1),
    rule          TEXT NOT NULL,
    tie_break     TEXT NOT NULL,
    tie_seed      BIGINT NOT NULL,
    show_totals   BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (process_id, name),
    CHECK (max_projects IS NULL OR max_projects >= min_projects),
    CHECK (ballot_type <> 'cumulative' OR max_points IS NOT NULL)
);

CREATE TABLE budget_proposals (
    id               BIGSERIAL PRIMARY KEY,
    pot_id           BIGINT NOT NULL REFERENCES budget_pots(id) ON DELETE CASCADE,
    place_id         BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    author_id        BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    theme            TEXT NOT NULL,
    estimated_cost   BIGINT NOT NULL CHECK (estimated_cost > 0),
    council_cost     BIGINT CHECK (council_cost IS NULL OR council_cost > 0),
    status           TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'feasible', 'not_feasible', 'withdrawn')),
    status_reason    TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english'::regconfig, budget_unaccent(title)), 'A') ||
                         setweight(to_tsvector('english'::regconfig, budget_unaccent(description)), 'B')) STORED,
    CHECK (status <> 'not_feasible' OR status_reason IS NOT NULL)
);
CREATE INDEX budget_proposals_search ON budget_proposals USING GIN (search);
CREATE INDEX budget_proposals_pot ON budget_proposals (pot_id, status);

-- Ballot secrecy. budget_voters records THAT someone voted, under voter_key = HMAC(ballot key, pot:account),
-- and where their current ballot is, as ballot_pointer = AES-GCM(ballot key, ballot id). budget_ballots hold
-- what was voted, under a random id, with no account, no time and no sequence. Only code holding the ballot key
-- can follow a voter to a ballot, which it does solely to replace a voter's earlier ballot.
CREATE TABLE budget_voters (
    pot_id          BIGINT NOT NULL REFERENCES budget_pots(id) ON DELETE CASCADE,
    voter_key       TEXT NOT NULL,
    ballot_pointer  TEXT,
    PRIMARY KEY (pot_id, voter_key)
);

CREATE TABLE budget_ballots (
    id            UUID PRIMARY KEY,
    pot_id        BIGINT NOT NULL REFERENCES budget_pots(id) ON DELETE CASCADE,
    proposal_ids  BIGINT[] NOT NULL,
    points        INT[],
    receipt_hash  TEXT NOT NULL UNIQUE,
    counted       BOOLEAN NOT NULL DEFAULT true
);
CREATE INDEX budget_ballots_pot ON budget_ballots (pot_id) WHERE counted;

CREATE TABLE budget_results (
    pot_id            BIGINT PRIMARY KEY REFERENCES budget_pots(id) ON DELETE CASCADE,
    rule              TEXT NOT NULL,
    tie_break         TEXT NOT NULL,
    tie_seed          BIGINT NOT NULL,
    software_version  TEXT NOT NULL,
    ballots_counted   INT NOT NULL,
    total_cost        BIGINT NOT NULL,
    computed_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE budget_result_projects (
    pot_id         BIGINT NOT NULL REFERENCES budget_results(pot_id) ON DELETE CASCADE,
    proposal_id    BIGINT NOT NULL REFERENCES budget_proposals(id) ON DELETE CASCADE,
    cost           BIGINT NOT NULL,
    support        BIGINT NOT NULL,
    points         BIGINT NOT NULL,
    funded         BOOLEAN NOT NULL,
    round          INT NOT NULL,
    reason         TEXT NOT NULL,
    reason_key     TEXT NOT NULL,
    reason_args    TEXT[] NOT NULL,
    greedy_funded  BOOLEAN NOT NULL,
    PRIMARY KEY (pot_id, proposal_id)
);

-- Delivery of funded projects: every update is kept; the latest is the project's status.
CREATE TABLE budget_delivery_updates (
    id           BIGSERIAL PRIMARY KEY,
    proposal_id  BIGINT NOT NULL REFERENCES budget_proposals(id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    note         TEXT NOT NULL CHECK (length(note) <= 2000),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (status <> 'cancelled' OR length(note) > 0)
);
CREATE INDEX budget_delivery_updates_proposal ON budget_delivery_updates (proposal_id, id);

-- Single voting codes posted to residents without an account; only a hash is stored. A code is a voter:
-- its ballots go through budget_voters like an account's (voter_key derived from the code's hash).
CREATE TABLE budget_voting_codes (
    pot_id     BIGINT NOT NULL REFERENCES budget_pots(id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    PRIMARY KEY (pot_id, code_hash)
);
