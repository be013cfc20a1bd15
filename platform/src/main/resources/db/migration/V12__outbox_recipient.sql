-- A person's mails are looked up by address: for their data download, and to remove them when the account is deleted.
CREATE INDEX mail_outbox_recipient ON mail_outbox (lower(recipient));
