-- Evidence integrity: the copies of calls carry where the call came from (the PBX, or an operator's log the PBX has not
-- joined), when it ended, and the thresholds in force for it on its day (its campaign's, else the centre's), so a
-- threshold change never rewrites the past; the copies of leads carry when they were entered, the numbers their contact
-- had then, and whether PBX evidence backs them (DOMAIN.md, "backed lead"), decided here and shown on every lead.
ALTER TABLE reporting_call ADD COLUMN source VARCHAR(10) DEFAULT 'PBX' NOT NULL;
ALTER TABLE reporting_call ADD COLUMN ended_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE reporting_call ADD COLUMN min_talk INTEGER DEFAULT 20 NOT NULL;
ALTER TABLE reporting_call ADD COLUMN long_call INTEGER DEFAULT 1200 NOT NULL;

ALTER TABLE reporting_lead ADD COLUMN entered_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE reporting_lead ADD COLUMN entry VARCHAR(10) DEFAULT 'LEGACY' NOT NULL;
ALTER TABLE reporting_lead ADD COLUMN numbers VARCHAR(2000);
ALTER TABLE reporting_lead ADD COLUMN created_day DATE;
ALTER TABLE reporting_lead ADD COLUMN backed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE reporting_lead ADD COLUMN unbacked_reason VARCHAR(20);
ALTER TABLE reporting_lead ADD COLUMN resolved_call_id BIGINT;
ALTER TABLE reporting_lead ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX reporting_lead_resolved_call_ix ON reporting_lead (resolved_call_id);

-- the copies made before lack these facts: the application copies every call and lead again at its next start and
-- recounts every day with the code a threshold change runs (ReadModel.rebuild), then clears the flag
ALTER TABLE reporting_guard ADD COLUMN rebuild_needed BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE reporting_guard SET rebuild_needed = TRUE WHERE id = 1;
