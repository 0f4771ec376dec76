package org.switchboard.calls.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.switchboard.core.calling.ExtensionCalls;
import org.switchboard.core.settings.control.CallCentre;

/**
 * Moves PBX records when an extension changes hands: each record carrying the extension is placed again by the
 * history as it stands, the same way the import places a new one, so a record imported before the change and one
 * imported after it end up with the same operator. Records an operator logged live (joined with their PBX record)
 * stay with that operator.
 */
@ApplicationScoped
public class ExtensionCallMoves implements ExtensionCalls {

    @Resource
    DataSource dataSource;

    @Inject
    CallCentre callCentre;

    @Inject
    CallFacts facts;

    /** A record whose placement changed (its operator, or only its direction and extension). */
    record Change(long id, String before, String after, LocalDate day) {
    }

    @Override
    public List<Moved> replace(String extension, Instant from) {
        try (Connection c = dataSource.getConnection()) {
            List<Change> changes = replace(c, extension, from, callCentre.zone());
            facts.announce(changes.stream().map(Change::id).toList());
            return summary(changes);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move the calls of extension " + extension + ": " + e.getMessage(), e);
        }
    }

    /** Places again the records carrying {@code extension} from {@code from} on, on {@code c}; the caller commits. */
    static List<Change> replace(Connection c, String extension, Instant from, ZoneId centreZone) throws SQLException {
        ExtensionHolders holders = ExtensionHolders.read(c);
        record Row(long id, String operator, String extension, String direction, String number, Long contact,
                CallRecords.Seat seat, LocalDate day) {
        }
        List<Row> rows = new ArrayList<>();
        String like = "%" + extension + "%";
        try (PreparedStatement s = c.prepareStatement("SELECT id, operator, extension, direction, customer_number,"
                + " contact_id, channel, dstchannel, src, dst, started_at FROM calls_call WHERE source = 'PBX'"
                + " AND started_at >= ? AND (extension = ? OR channel LIKE ? OR dstchannel LIKE ?) ORDER BY id")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setString(2, extension);
            s.setString(3, like);
            s.setString(4, like);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(7);
                    String dstchannel = rs.getString(8);
                    if (!extension.equals(rs.getString(3)) && !extension.equals(Cdr.endpoint(channel))
                            && !extension.equals(Cdr.endpoint(dstchannel))) {
                        continue;
                    }
                    LocalDate day = rs.getTimestamp(11).toInstant().atZone(centreZone).toLocalDate();
                    long contact = rs.getLong(6);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.wasNull() ? null : contact,
                            CallRecords.seat(channel, dstchannel, rs.getString(9), rs.getString(10), day, holders), day));
                }
            }
        }
        List<Row> moved = rows.stream().filter(r -> !Objects.equals(r.operator(), r.seat().operator())
                || !Objects.equals(r.extension(), r.seat().extension())
                || !Objects.equals(r.direction(), r.seat().direction() == null ? null : r.seat().direction().name()))
                .toList();
        if (moved.isEmpty()) {
            return List.of();
        }
        // the other party may change with the direction: its contact is looked up again
        Map<String, Long> contacts = CallRecords.contactsOf(c, moved.stream()
                .filter(r -> !Objects.equals(r.number(), r.seat().number())).map(r -> r.seat().number()).toList());
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement u = c.prepareStatement("UPDATE calls_call SET operator = ?, extension = ?, direction = ?,"
                + " customer_number = ?, contact_id = ?, version = version + 1 WHERE id = ?")) {
            for (Row r : moved) {
                CallRecords.Seat seat = r.seat();
                Long contact = Objects.equals(r.number(), seat.number()) ? r.contact() : contacts.get(seat.number());
                u.setString(1, seat.operator());
                u.setString(2, seat.extension());
                u.setString(3, seat.direction() == null ? null : seat.direction().name());
                u.setString(4, seat.number());
                if (contact == null) {
                    u.setNull(5, Types.BIGINT);
                } else {
                    u.setLong(5, contact);
                }
                u.setLong(6, r.id());
                u.addBatch();
                changes.add(new Change(r.id(), r.operator(), seat.operator(), r.day()));
            }
            u.executeBatch();
        }
        return changes;
    }

    /** The changes per previous and new operator, with the days they span. */
    static List<Moved> summary(List<Change> changes) {
        Map<List<String>, Moved> byPair = new LinkedHashMap<>();
        for (Change ch : changes) {
            if (Objects.equals(ch.before(), ch.after())) {
                continue;
            }
            byPair.merge(java.util.Arrays.asList(ch.before(), ch.after()),
                    new Moved(ch.before(), ch.after(), 1, ch.day(), ch.day()),
                    (a, b) -> new Moved(a.previousOperator(), a.operator(), a.calls() + 1,
                            a.firstDay().isBefore(b.firstDay()) ? a.firstDay() : b.firstDay(),
                            a.lastDay().isAfter(b.lastDay()) ? a.lastDay() : b.lastDay()));
        }
        return List.copyOf(byPair.values());
    }
}
