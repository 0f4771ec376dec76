-- Info e-mails are limited per operator: the outbox keeps who asked for each message, and the settings how many
-- info e-mails one operator may send in an hour. Counted from the table, the limit holds across restarts and nodes.
ALTER TABLE core_mail ADD COLUMN requested_by VARCHAR(64);
CREATE INDEX core_mail_requested_ix ON core_mail (requested_by, category, created_at);

ALTER TABLE core_settings ADD COLUMN info_mails_per_hour INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE core_settings_aud ADD COLUMN info_mails_per_hour INTEGER;
