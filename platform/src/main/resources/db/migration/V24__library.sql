-- The library of what worked: case stories residents and organisers write and officers publish, modelled on
-- Participedia's case (purposes, approach, participants, outcomes and evidence). A story links to what it came
-- from (a budget project, a problem, a consultation) by subject kind and id, never by another feature's table, and to
-- a group by id (groups are another feature's). Money is in minor units.
CREATE TABLE library_stories (
    id             BIGSERIAL PRIMARY KEY,
    author_id      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    place_id       BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    group_id       BIGINT,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary        TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
    problem        TEXT NOT NULL CHECK (length(problem) BETWEEN 1 AND 5000),
    approach       TEXT NOT NULL CHECK (length(approach) BETWEEN 1 AND 5000),
    theme          TEXT NOT NULL,
    purpose        TEXT NOT NULL,
    participants   INT CHECK (participants IS NULL OR participants BETWEEN 0 AND 10000000),
    started_on     DATE,
    ended_on       DATE,
    outcomes       TEXT NOT NULL CHECK (length(outcomes) BETWEEN 1 AND 5000),
    evidence       TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 5000),
    cost_minor     BIGINT CHECK (cost_minor IS NULL OR cost_minor >= 0),
    lessons        TEXT NOT NULL DEFAULT '' CHECK (length(lessons) <= 5000),
    source_kind    TEXT CHECK (source_kind IS NULL OR source_kind IN ('proposal', 'problem', 'consultation')),
    source_id      BIGINT,
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ,
    -- The library's own word search (its filters combine with words, which the site-wide search does not know).
    document       tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig,
                       title || ' ' || summary || ' ' || approach || ' ' || outcomes)) STORED,
    CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on),
    CHECK ((source_kind IS NULL) = (source_id IS NULL))
);
CREATE INDEX library_stories_status ON library_stories (status, published_at DESC);
CREATE INDEX library_stories_author ON library_stories (author_id);
CREATE INDEX library_stories_group ON library_stories (group_id) WHERE status = 'published';
CREATE INDEX library_stories_theme_place ON library_stories (theme, place_id) WHERE status = 'published';
CREATE INDEX library_stories_document ON library_stories USING gin (document) WHERE status = 'published';
