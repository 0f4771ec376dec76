package org.switchboard.core.integrity;

/** The kinds of manual change the tamper trail keeps. */
public enum TamperKind {
    /** A lead entered with a historical time (an import, or a SUPERVISOR/ADMIN giving createdAt). */
    LEAD_IMPORTED,
    /** A lead entered by hand by someone other than its operator (a SUPERVISOR or ADMIN entering it for them). */
    LEAD_ENTERED,
    /** A lead's value, notes, call or time edited. */
    LEAD_EDITED,
    /** A lead given to another operator. */
    LEAD_REATTRIBUTED,
    /** A lead deleted (or erased with its contact). */
    LEAD_DELETED,
    /** An outcome recorded by a SUPERVISOR on an entry an operator worked, or an outcome changed after the call. */
    OUTCOME_CHANGED,
    /** A call's notes changed after the call. */
    NOTES_CHANGED,
    /** A recording attached by a person to a call that had none. */
    RECORDING_ATTACHED,
    /** A recording replaced by a person; the previous file is kept as a version. */
    RECORDING_REPLACED,
    /** A call deleted. */
    CALL_DELETED,
    /** Calls merged (a contact merge moves calls to the surviving contact). */
    CALL_MERGED,
    /** A re-import brought a record whose identity is stored with other content; the stored record was kept. */
    RECORD_REIMPORTED,
    /** A counted-call or anomaly threshold changed (the centre's or a campaign's), with the day it applies from. */
    THRESHOLD_CHANGED,
    /** A daily plan set or changed. */
    PLAN_CHANGED,
    /** A user's telephony extension re-mapped: it changes whose calls are whose. */
    EXTENSION_REMAPPED,
    /** Unassigned PBX calls carrying an extension given to their operator: their figures enter the reports. */
    CALLS_ADOPTED,
    /** PBX calls moved from one operator to another (or to nobody) because their extension changed hands from a day. */
    CALLS_REATTRIBUTED,
    /** A contact's personal data erased on request: earlier entries lost the person's values, not their place. */
    PERSONAL_DATA_ERASED
}
