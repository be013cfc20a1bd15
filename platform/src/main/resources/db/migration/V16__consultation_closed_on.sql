-- The day a consultation was closed, so one closed before its planned end says so instead of showing the planned period.
ALTER TABLE consultations ADD COLUMN closed_on DATE;
