package org.switchboard.core.integrity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The tamper-evident chain of the PBX's call records: one hash per call-centre day over that day's records in a
 * canonical order, chained to the previous day's. Implemented by the calls module; the daily digest quotes it.
 */
public interface DaySeals {

    /** A day's seal: the number of PBX records, the hash over them, and the chained hash (what a digest carries). */
    record Seal(LocalDate day, long records, String recordsHash, String chainHash) {
    }

    /** The seal of a day, computed now if the day's records changed since it was last sealed. */
    Optional<Seal> seal(LocalDate day);
}
