package org.switchboard.core.people.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.switchboard.core.people.entity.ExtensionMapping;

/**
 * One period in which a user held an extension: call-centre days from {@code validFrom} (inclusive, 1970-01-01 when it
 * was held before the history began) to {@code validTo} (exclusive; null while still held).
 */
public record ExtensionPeriodView(String extension, String username, LocalDate validFrom, LocalDate validTo,
        String setBy, Instant setAt, String reason) {

    public static ExtensionPeriodView of(ExtensionMapping m) {
        return new ExtensionPeriodView(m.getExtension(), m.getUsername(), m.getValidFrom(), m.getValidTo(), m.getSetBy(),
                m.getSetAt(), m.getReason());
    }
}
