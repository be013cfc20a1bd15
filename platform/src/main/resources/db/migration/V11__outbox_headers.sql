-- Extra header fields on a queued mail, as a JSON object of name -> value (notification mails carry List-Unsubscribe
-- and List-Unsubscribe-Post, RFC 2369 and RFC 8058). A CR or LF in a value would start a header of the attacker's
-- choosing (header injection), so the table refuses one whichever code path queued the mail.
ALTER TABLE mail_outbox ADD COLUMN headers JSONB NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_headers_one_line CHECK (
    jsonb_typeof(headers) = 'object'
    AND NOT jsonb_path_exists(headers, '$.* ? (@.type() != "string" || @ like_regex "[\r\n]")'));
