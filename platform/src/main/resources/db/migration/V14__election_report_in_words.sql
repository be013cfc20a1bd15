-- A published count is rendered in words from its JSON report (kept as published); the engine-made HTML is no longer kept.
ALTER TABLE elections DROP COLUMN report_html;
