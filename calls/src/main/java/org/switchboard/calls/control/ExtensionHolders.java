package org.switchboard.calls.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which operator held which extension on which call-centre day, read from core's extension history: a PBX record is
 * its extension's holder's on the record's day. Only an OPERATOR's periods count (anyone else's calls are unassigned,
 * as they always were). An extension that has no history at all belongs to the operator who carries it now, since
 * always (how the import read extensions before the history was kept).
 */
public final class ExtensionHolders {

    /** Days {@code from} (inclusive) to {@code to} (exclusive, null: open). */
    public record Period(String username, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || day.isBefore(to));
        }
    }

    private static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);

    private final Map<String, List<Period>> byExtension;

    public ExtensionHolders(Map<String, List<Period>> byExtension) {
        Map<String, List<Period>> copy = new HashMap<>();
        byExtension.forEach((ext, periods) -> copy.put(ext, periods.stream()
                .sorted(Comparator.comparing(Period::from)).toList()));
        this.byExtension = Map.copyOf(copy);
    }

    /** The operator who held {@code extension} on {@code day}; null when nobody did. */
    public String on(String extension, LocalDate day) {
        if (extension == null) {
            return null;
        }
        for (Period p : byExtension.getOrDefault(extension, List.of())) {
            if (p.covers(day)) {
                return p.username();
            }
        }
        return null;
    }

    /**
     * Locks the history against changes until the caller's transaction ends (a change locks it too), then reads it: what
     * the caller stores next is placed by the history as it stands.
     */
    public static ExtensionHolders lockAndRead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM core_extension_guard WHERE id = 1 FOR UPDATE");
                ResultSet rs = s.executeQuery()) {
            rs.next();
        }
        return read(c);
    }

    public static ExtensionHolders read(Connection c) throws SQLException {
        Map<String, List<Period>> periods = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT m.extension, m.username, m.valid_from, m.valid_to"
                + " FROM core_extension_mapping m JOIN core_user u ON u.username = m.username"
                + " WHERE EXISTS (SELECT 1 FROM core_user_role r WHERE r.user_id = u.id AND r.role = 'OPERATOR')");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                periods.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Period(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
            }
        }
        // an extension a user carries with no history at all (written outside the application) is theirs since always
        try (PreparedStatement s = c.prepareStatement("SELECT u.extension, u.username FROM core_user u"
                + " JOIN core_user_role r ON r.user_id = u.id WHERE r.role = 'OPERATOR' AND u.extension IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM core_extension_mapping m WHERE m.extension = u.extension)");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                periods.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Period(rs.getString(2), ALWAYS, null));
            }
        }
        return new ExtensionHolders(periods);
    }
}
