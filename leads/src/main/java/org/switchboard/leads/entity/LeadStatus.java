package org.switchboard.leads.entity;

/** A lead's way: NEW → QUALIFIED → MEETING_SET → WON | LOST. WON and LOST are final. */
public enum LeadStatus {
    NEW, QUALIFIED, MEETING_SET, WON, LOST;

    public boolean isFinal() {
        return this == WON || this == LOST;
    }

    /** Forward only: to a later open stage, to WON, or to LOST from any open stage. */
    public boolean canMoveTo(LeadStatus next) {
        if (isFinal() || next == this) {
            return false;
        }
        return next == LOST || next.ordinal() > ordinal();
    }
}
