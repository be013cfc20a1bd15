-- A conversation started for something still in draft (a consultation's question of the kind "conversation") is
-- withheld: only those who run it see it, it is not listed or searchable, until what it belongs to is published.
ALTER TABLE conversations ADD COLUMN withheld BOOLEAN NOT NULL DEFAULT false;
