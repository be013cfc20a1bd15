-- Residence verification (core accounts): how an account's home place is known to be true, beyond the resident saying so.
-- A verification holds for the place it was made for only; changing the home place deletes it (AccountService).
CREATE TABLE residence_verifications (
    account_id  BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    place_id    BIGINT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    method      TEXT NOT NULL CHECK (method IN ('letter', 'desk')),
    -- The kind of proof an officer saw at a desk (no copy of any document is kept); none for a letter.
    evidence    TEXT CHECK ((method = 'desk') = (evidence IS NOT NULL)),
    verified_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    verified_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One letter per account at a time: a new request replaces the old. The postal address is kept only until the code is
-- used or the letter expires (a job deletes expired rows); the code only as a keyed hash.
CREATE TABLE residence_letters (
    account_id   BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    place_id     BIGINT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    address      TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 400),
    postcode     TEXT NOT NULL CHECK (length(postcode) BETWEEN 5 AND 8),
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    code_hash    TEXT,
    printed_at   TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ NOT NULL,
    CHECK ((code_hash IS NULL) = (printed_at IS NULL))
);
CREATE INDEX residence_letters_unprinted ON residence_letters (requested_at) WHERE printed_at IS NULL;
CREATE INDEX residence_letters_expiry ON residence_letters (expires_at);
