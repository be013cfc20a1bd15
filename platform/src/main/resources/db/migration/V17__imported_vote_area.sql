-- A vote imported from a pabulib file keeps the area it was held in (from the file's META) and the file's name, instead
-- of wearing the council's place and showing a file name as its description.
ALTER TABLE budget_processes ADD COLUMN area_name TEXT CHECK (length(area_name) <= 300);
ALTER TABLE budget_processes ADD COLUMN source_file TEXT CHECK (length(source_file) <= 300);
UPDATE budget_processes SET source_file = summary, summary = '' WHERE summary ~ '^[A-Za-z0-9_.-]+\.pb$' AND phase IN ('results', 'delivery');
