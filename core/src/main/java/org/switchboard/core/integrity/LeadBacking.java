package org.switchboard.core.integrity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Whether leads are backed by PBX evidence (DOMAIN.md, "backed lead"), as the module that joins leads with calls
 * decides it (reporting). The leads module shows it on every lead. Absent when reporting is not deployed.
 */
public interface LeadBacking {

    /**
     * @param backed whether the lead is backed
     * @param reason why not, when not: {@code NO_CALL}, {@code CALL_NOT_FROM_PBX}, {@code CALL_NOT_COUNTED},
     *               {@code OTHER_OPERATOR}, {@code OTHER_NUMBER}, {@code OUTSIDE_WINDOW}, {@code SHARED_CALL}
     * @param day    the call-centre day the lead counts on: its call's day when backed
     */
    record Backing(boolean backed, String reason, LocalDate day) {
    }

    /** The backing of each of these leads that is known; a lead not yet seen is missing from the map. */
    Map<Long, Backing> of(Collection<Long> leadIds);
}
