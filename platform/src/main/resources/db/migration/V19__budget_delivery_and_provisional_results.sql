-- Counting: voting has closed and officers see a provisional result (recounting as often as paper ballots need) before
-- they publish it by opening "results". Residents see nothing of a count until then.
ALTER TABLE budget_processes DROP CONSTRAINT budget_processes_phase_check;
ALTER TABLE budget_processes ADD CONSTRAINT budget_processes_phase_check
    CHECK (phase IN ('information', 'ideas', 'drafting', 'feasibility', 'voting', 'counting', 'results', 'delivery'));

-- Each delivery update also says how far the project has got; earlier updates get what their status implies.
ALTER TABLE budget_delivery_updates ADD COLUMN progress SMALLINT NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100);
UPDATE budget_delivery_updates SET progress = 100 WHERE status = 'done';

-- Dated steps of a funded project's delivery, listed by planned date.
CREATE TABLE budget_milestones (
    id           BIGSERIAL PRIMARY KEY,
    proposal_id  BIGINT NOT NULL REFERENCES budget_proposals(id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description  TEXT NOT NULL CHECK (length(description) <= 2000),
    planned_on   DATE NOT NULL,
    done_on      DATE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX budget_milestones_proposal ON budget_milestones (proposal_id, planned_on, id);

-- Photos of a project being delivered, beside it in the database as problems' photos are (backed up and deleted with it,
-- served by every instance); the type is the one the bytes' signature says, never the file name's.
CREATE TABLE budget_delivery_photos (
    id            BIGSERIAL PRIMARY KEY,
    proposal_id   BIGINT NOT NULL REFERENCES budget_proposals(id) ON DELETE CASCADE,
    content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    alt_text      TEXT NOT NULL CHECK (length(alt_text) BETWEEN 1 AND 500),
    bytes         BYTEA NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX budget_delivery_photos_proposal ON budget_delivery_photos (proposal_id, id);
