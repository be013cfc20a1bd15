-- An uploaded volunteer-management export waiting for its column mapping to be confirmed; deleted once imported, or
-- a day after upload by the hourly sweep. It holds other people's data, so it is kept no longer than the import takes.
CREATE TABLE volunteer_imports (
    id          BIGSERIAL PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    uploaded_by BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    content     TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What an imported export said of a criminal records check: kept as the export's reference, never as a verified certificate.
ALTER TABLE volunteers ADD COLUMN external_check_level TEXT CHECK (external_check_level IN ('standard', 'enhanced'));
ALTER TABLE volunteers ADD COLUMN external_check_expires DATE;
-- An export may say someone was inducted without saying when.
ALTER TABLE volunteer_training ALTER COLUMN completed_on DROP NOT NULL;

-- The directory lists a group's volunteers by name a page at a time: walking this index stops after a page instead of
-- sorting every match.
CREATE INDEX volunteers_by_name ON volunteers (lower(display_name), id);
