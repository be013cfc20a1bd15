-- Devolved budgets: paper ballots keyed in twice by different officers, and optional voter registers per pot.

-- A paper ballot, named by the batch and sheet number written on it. Counted once: when two officers' entries agree,
-- or when a third action settles a disagreement. 'refused' marks a sheet whose register entry had already voted.
CREATE TABLE budget_paper_sheets (
    id          BIGSERIAL PRIMARY KEY,
    pot_id      BIGINT NOT NULL REFERENCES budget_pots(id) ON DELETE CASCADE,
    batch       TEXT NOT NULL CHECK (length(batch) BETWEEN 1 AND 100),
    sheet       INT NOT NULL CHECK (sheet BETWEEN 1 AND 1000000),
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'counted', 'refused')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX budget_paper_sheets_number ON budget_paper_sheets (pot_id, lower(batch), sheet);
CREATE INDEX budget_paper_sheets_pending ON budget_paper_sheets (pot_id) WHERE status = 'pending';

-- What each officer typed for a sheet, kept only while the sheet is pending: settling a sheet deletes its entries,
-- so a counted ballot's content never stays next to a register entry's hash or the officers who keyed it.
CREATE TABLE budget_paper_entries (
    id             BIGSERIAL PRIMARY KEY,
    sheet_id       BIGINT NOT NULL REFERENCES budget_paper_sheets(id) ON DELETE CASCADE,
    officer_id     BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    proposal_ids   BIGINT[] NOT NULL,
    points         INT[],
    register_hash  TEXT,
    UNIQUE (sheet_id, officer_id)
);

-- A pot's voter register: only HMAC-SHA256 hashes of the identifiers, under a key of the pot's own, never the
-- identifiers themselves. A register entry votes through budget_voters like an account (voter_key from its hash).
CREATE TABLE budget_registers (
    pot_id    BIGINT PRIMARY KEY REFERENCES budget_pots(id) ON DELETE CASCADE,
    hmac_key  TEXT NOT NULL
);

CREATE TABLE budget_register_entries (
    pot_id      BIGINT NOT NULL REFERENCES budget_registers(pot_id) ON DELETE CASCADE,
    entry_hash  TEXT NOT NULL,
    PRIMARY KEY (pot_id, entry_hash)
);

-- A register entry whose counted ballot is a paper one may not vote online afterwards (and the other way round).
ALTER TABLE budget_voters ADD COLUMN on_paper BOOLEAN NOT NULL DEFAULT false;
