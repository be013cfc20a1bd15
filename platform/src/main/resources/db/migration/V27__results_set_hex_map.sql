-- The seat modeller's map: an optional HexJSON layout of the constituencies, uploaded with the results
-- (the platform ships no map of its own), as sent; read again on each use.
ALTER TABLE election_results_sets ADD COLUMN hexjson TEXT;
