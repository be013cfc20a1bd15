-- Running totals while voting is open are gone: seen before and after a known person votes, they revealed the ballot.
ALTER TABLE budget_pots DROP COLUMN show_totals;
