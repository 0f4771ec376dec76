-- Evidence integrity: every lead says when and by whom it was entered (the server's clock and the person), and how:
-- LIVE (its time is the server's time of entry), IMPORTED (a historical time brought by an import or a supervisor),
-- LEGACY (entered before these rules; its time kept as it was). The numbers its contact had when the lead was
-- entered are kept with it: a lead is backed only by a call with one of them, and adding a number to the contact
-- afterwards does not change that.
ALTER TABLE leads_lead ADD COLUMN entered_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE leads_lead ADD COLUMN entered_by VARCHAR(64);
ALTER TABLE leads_lead ADD COLUMN entry VARCHAR(10);
UPDATE leads_lead SET entered_at = created_at, entry = 'LEGACY',
    entered_by = COALESCE((SELECT MIN(c.changed_by) FROM leads_lead_status_change c
                           WHERE c.lead_id = leads_lead.id AND c.from_status IS NULL), operator);
ALTER TABLE leads_lead ALTER COLUMN entered_at SET NOT NULL;
ALTER TABLE leads_lead ALTER COLUMN entered_by SET NOT NULL;
ALTER TABLE leads_lead ALTER COLUMN entry SET NOT NULL;

ALTER TABLE leads_lead_aud ADD COLUMN entered_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE leads_lead_aud ADD COLUMN entered_by VARCHAR(64);
ALTER TABLE leads_lead_aud ADD COLUMN entry VARCHAR(10);

CREATE TABLE leads_lead_number (
    lead_id BIGINT      NOT NULL REFERENCES leads_lead (id),
    number  VARCHAR(20) NOT NULL,
    PRIMARY KEY (lead_id, number)
);
INSERT INTO leads_lead_number (lead_id, number)
SELECT DISTINCT l.id, p.number FROM leads_lead l JOIN leads_contact_phone p ON p.contact_id = l.contact_id;
