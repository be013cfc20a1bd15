-- Celebrating: residents nominate groups for recognition in an officer's award round, once per person per round, and
-- the officer publishes the round's awards. Groups are another feature's, so group ids carry no foreign key. Awards are
-- their own rows so they outlive the nominations (a nominator's account deletion takes only their nomination).
CREATE TABLE award_rounds (
    id          BIGSERIAL PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'published')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE award_nominations (
    id            BIGSERIAL PRIMARY KEY,
    round_id      BIGINT NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
    nominator_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    group_id      BIGINT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (round_id, nominator_id)
);
CREATE INDEX award_nominations_group ON award_nominations (group_id);

CREATE TABLE awards (
    round_id    BIGINT NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
    group_id    BIGINT NOT NULL,
    citation    TEXT NOT NULL CHECK (length(citation) BETWEEN 1 AND 500),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, group_id)
);
CREATE INDEX awards_group ON awards (group_id);
