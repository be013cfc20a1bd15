-- A group's directory filtered by DBS level starts from the verified checks of the wanted levels.
CREATE INDEX volunteer_dbs_by_level ON volunteer_dbs_checks (level, volunteer_id) WHERE verified_at IS NOT NULL;
