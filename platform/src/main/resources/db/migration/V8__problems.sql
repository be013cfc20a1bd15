-- Residents' local problems, who supports them ("this affects me too"), and the solutions linked to them.
-- problems.supporters is kept equal to the number of problem_supports rows (changed in the same transaction) so
-- lists sort by support without counting; support rows keep their time so the agenda can rank by support gained lately.
CREATE TABLE problems (
    id             BIGSERIAL PRIMARY KEY,
    author_id      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    place_id       BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description    TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    theme          TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'under_review', 'being_solved', 'solved', 'closed', 'withdrawn')),
    status_reason  TEXT CHECK (status_reason IS NULL OR length(status_reason) BETWEEN 1 AND 2000),
    supporters     INT NOT NULL DEFAULT 0 CHECK (supporters >= 0),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (status <> 'closed' OR status_reason IS NOT NULL)
);
CREATE INDEX problems_place ON problems (place_id, status);
CREATE INDEX problems_support ON problems (supporters DESC, id DESC);
CREATE INDEX problems_author ON problems (author_id);

-- The photo lives beside its problem in the database: it is backed up, replicated and deleted with it, every
-- instance serves it, and 5 MB at most keeps the table reasonable. Lists never read this table.
CREATE TABLE problem_photos (
    problem_id    BIGINT PRIMARY KEY REFERENCES problems(id) ON DELETE CASCADE,
    content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    alt_text      TEXT NOT NULL CHECK (length(alt_text) BETWEEN 1 AND 500),
    bytes         BYTEA NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880)
);

-- home_place_id is the supporter's home place when they supported: the problem page counts supporters per place
-- without reading accounts, and a later move does not rewrite who was affected where.
CREATE TABLE problem_supports (
    problem_id     BIGINT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    account_id     BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    home_place_id  BIGINT REFERENCES places(id) ON DELETE SET NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (problem_id, account_id)
);
-- The agenda counts supports since a date per problem: an index-only scan over the period.
CREATE INDEX problem_supports_recent ON problem_supports (created_at, problem_id);

CREATE TABLE problem_solutions (
    id             BIGSERIAL PRIMARY KEY,
    problem_id     BIGINT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    author_id      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description    TEXT NOT NULL CHECK (length(description) <= 5000),
    proposal_key   TEXT CHECK (proposal_key IS NULL OR proposal_key ~ '^proposal:[1-9][0-9]*$'),
    status         TEXT NOT NULL DEFAULT 'proposed'
                   CHECK (status IN ('proposed', 'adopted', 'in_budget', 'done', 'rejected', 'withdrawn')),
    status_reason  TEXT CHECK (status_reason IS NULL OR length(status_reason) BETWEEN 1 AND 2000),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX problem_solutions_problem ON problem_solutions (problem_id) WHERE status <> 'withdrawn';
