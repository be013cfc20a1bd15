-- Events and board elections may be a group's: its page lists them. Each feature keeps its own column.
ALTER TABLE events ADD COLUMN group_id BIGINT REFERENCES groups(id) ON DELETE SET NULL;
CREATE INDEX events_group ON events (group_id) WHERE group_id IS NOT NULL;
ALTER TABLE elections ADD COLUMN group_id BIGINT REFERENCES groups(id) ON DELETE SET NULL;
CREATE INDEX elections_group ON elections (group_id) WHERE group_id IS NOT NULL;
