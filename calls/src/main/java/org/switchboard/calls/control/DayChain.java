package org.switchboard.calls.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.switchboard.core.integrity.DaySeals;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;

/**
 * The tamper-evident chain of the PBX's records (the canonical form is {@link Evidence}'s). A legitimate change of a
 * day's records (an import, a join, an erasure) is noted in the changing transaction as pending; sealing takes the
 * pending days, hashes their records again, and chains every later sealed day anew, keeping each earlier seal with
 * why it changed. Verification hashes the stored records again and compares them with the seals: anything changed
 * outside the application shows as the day it belongs to.
 */
@ApplicationScoped
public class DayChain implements DaySeals {

    static final String IMPORTED = "imported";
    static final String JOINED = "joined";
    static final String ERASED = "erased";
    private static final String PBX_RECORDS = " FROM calls_call WHERE source IN ('PBX', 'JOINED')";

    @Resource
    DataSource dataSource;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    /** The call-centre zone: it decides which day a record belongs to. */
    ZoneId zone() {
        return callCentre.zone();
    }

    /** The server's clock, which stamps the seals. */
    Instant now() {
        return clock.now();
    }

    /** A day's status in a verification. */
    public enum Status {
        OK, CHANGED, UNSEALED
    }

    /** A stored seal. */
    public record Stored(LocalDate day, long records, String recordsHash, String chainHash, LocalDate previousDay,
            int revision, Instant sealedAt, String reason) {
    }

    /** One day as verified: the hashes of the records as they are now, beside the stored seal. */
    public record Verified(LocalDate date, long records, String recordsHash, String chainHash, Long storedRecords,
            String storedRecordsHash, String storedChainHash, Status status) {
    }

    /** A day's records as they are now. */
    record Hashed(long records, String recordsHash) {
    }

    /** Notes, in the changing transaction, that records of these days changed legitimately (counts per day). */
    public void note(Connection c, Map<LocalDate, Long> days, String reason) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO calls_day_change (call_day, records, reason, at)"
                + " VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<LocalDate, Long> e : days.entrySet()) {
                s.setObject(1, e.getKey());
                s.setLong(2, e.getValue());
                s.setString(3, reason);
                s.setTimestamp(4, Timestamp.from(now()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Notes the days of these calls' PBX records as changed (e.g. before erasing personal data from them). */
    @Transactional
    public void noteCalls(Collection<Long> callIds, String reason) {
        if (callIds.isEmpty()) {
            return;
        }
        ZoneId zone = zone();
        Map<LocalDate, Long> days = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>(callIds);
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement s = c.prepareStatement("SELECT started_at" + PBX_RECORDS + " AND id IN ("
                        + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        s.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            days.merge(rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), 1L, Long::sum);
                        }
                    }
                }
            }
            note(c, days, reason);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot note the changed days: " + e.getMessage(), e);
        }
    }

    @Override
    @Transactional
    public Optional<Seal> seal(LocalDate day) {
        resealPending();
        try (Connection c = dataSource.getConnection()) {
            return stored(c, day, day).stream().findFirst()
                    .map(s -> new Seal(s.day(), s.records(), s.recordsHash(), s.chainHash()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the seal of " + day + ": " + e.getMessage(), e);
        }
    }

    /**
     * Seals the days whose records changed legitimately since they were last sealed, and chains every later sealed
     * day to them again. Serialised through a locked row, so two imports never chain from the same stale seal.
     */
    @Transactional
    public void resealPending() {
        ZoneId zone = zone();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM calls_day_seal_lock WHERE id = 1 FOR UPDATE");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
            }
            long lastChange = Long.MIN_VALUE;
            boolean everyDay = false;
            Map<LocalDate, Map<String, Long>> changes = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, call_day, records, reason FROM calls_day_change");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lastChange = Math.max(lastChange, rs.getLong(1));
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (day == null) {
                        everyDay = true;
                    } else {
                        changes.computeIfAbsent(day, d -> new TreeMap<>()).merge(rs.getString(4), rs.getLong(3), Long::sum);
                    }
                }
            }
            if (lastChange == Long.MIN_VALUE) {
                return;
            }
            TreeSet<LocalDate> recompute = new TreeSet<>(changes.keySet());
            if (everyDay) {
                recompute.addAll(recordDays(c, zone));
            }
            if (!recompute.isEmpty()) {
                chain(c, zone, recompute, changes, everyDay);
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM calls_day_change WHERE id <= ?")) {
                s.setLong(1, lastChange);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the call records: " + e.getMessage(), e);
        }
    }

    private void chain(Connection c, ZoneId zone, TreeSet<LocalDate> recompute, Map<LocalDate, Map<String, Long>> changes,
            boolean everyDay) throws SQLException {
        LocalDate earliest = recompute.first();
        Stored before = previous(c, earliest);
        String previousChain = before == null ? Evidence.GENESIS : before.chainHash();
        LocalDate previousDay = before == null ? null : before.day();
        Map<LocalDate, Stored> seals = new TreeMap<>();
        for (Stored s : stored(c, earliest, LocalDate.of(9999, 12, 31))) {
            seals.put(s.day(), s);
        }
        TreeSet<LocalDate> days = new TreeSet<>(recompute);
        days.addAll(seals.keySet());
        Instant now = now();
        for (LocalDate day : days) {
            Stored seal = seals.get(day);
            Hashed hashed;
            String reason;
            if (recompute.contains(day)) {
                hashed = hash(c, day, zone);
                if (hashed.records() == 0 && seal == null) {
                    continue;
                }
                reason = reason(changes.getOrDefault(day, Map.of()), everyDay);
            } else {
                hashed = new Hashed(seal.records(), seal.recordsHash());
                reason = "chained again: an earlier day (" + earliest + ") was sealed again";
            }
            String chain = Evidence.chainHash(previousChain, hashed.recordsHash());
            if (seal == null || seal.records() != hashed.records() || !seal.recordsHash().equals(hashed.recordsHash())
                    || !seal.chainHash().equals(chain) || !java.util.Objects.equals(seal.previousDay(), previousDay)) {
                write(c, new Stored(day, hashed.records(), hashed.recordsHash(), chain, previousDay,
                        seal == null ? 1 : seal.revision() + 1, now, reason), seal == null);
            }
            previousChain = chain;
            previousDay = day;
        }
    }

    private static String reason(Map<String, Long> changes, boolean everyDay) {
        List<String> parts = new ArrayList<>();
        if (everyDay) {
            parts.add("records stored before the chain existed");
        }
        changes.forEach((kind, n) -> parts.add(switch (kind) {
            case IMPORTED -> n + (n == 1 ? " record imported" : " records imported");
            case JOINED -> n + (n == 1 ? " record joined an operator's log" : " records joined operators' logs");
            case ERASED -> "personal data erased from " + n + (n == 1 ? " record" : " records");
            default -> n + " " + kind;
        }));
        return parts.isEmpty() ? "sealed again" : String.join(", ", parts);
    }

    private void write(Connection c, Stored s, boolean fresh) throws SQLException {
        String sql = fresh
                ? "INSERT INTO calls_day_seal (records, records_hash, chain_hash, previous_day, revision, sealed_at, reason,"
                        + " call_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE calls_day_seal SET records = ?, records_hash = ?, chain_hash = ?, previous_day = ?, revision = ?,"
                        + " sealed_at = ?, reason = ? WHERE call_day = ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, s);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO calls_day_seal_version (records, records_hash,"
                + " chain_hash, previous_day, revision, sealed_at, reason, call_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(p, s);
            p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, Stored s) throws SQLException {
        p.setLong(1, s.records());
        p.setString(2, s.recordsHash());
        p.setString(3, s.chainHash());
        p.setObject(4, s.previousDay());
        p.setInt(5, s.revision());
        p.setTimestamp(6, Timestamp.from(s.sealedAt()));
        p.setString(7, s.reason().length() > 1000 ? s.reason().substring(0, 1000) : s.reason());
        p.setObject(8, s.day());
    }

    /** Every call-centre day that has PBX records (for the first seal of what was stored before the chain). */
    private static TreeSet<LocalDate> recordDays(Connection c, ZoneId zone) throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>();
        Instant first;
        Instant last;
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(started_at), MAX(started_at)" + PBX_RECORDS);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next() || rs.getTimestamp(1) == null) {
                return days;
            }
            first = rs.getTimestamp(1).toInstant();
            last = rs.getTimestamp(2).toInstant();
        }
        for (LocalDate d = first.atZone(zone).toLocalDate(); !d.isAfter(last.atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** A day's PBX records hashed as they are stored now. */
    Hashed hash(Connection c, LocalDate day, ZoneId zone) throws SQLException {
        List<String[]> records = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + Evidence.COLUMNS + PBX_RECORDS
                + " AND started_at >= ? AND started_at < ?")) {
            s.setTimestamp(1, Timestamp.from(day.atStartOfDay(zone).toInstant()));
            s.setTimestamp(2, Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Evidence.Record r = Evidence.Record.read(rs, 1);
                    records.add(new String[] {r.identity(), r.hash()});
                }
            }
        }
        return new Hashed(records.size(), Evidence.recordsHash(records));
    }

    /** The closest seal before a day, or null. */
    private static Stored previous(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SEAL_COLUMNS + " WHERE call_day < ? ORDER BY call_day DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setObject(1, day);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? seal(rs) : null;
            }
        }
    }

    private static final String SEAL_COLUMNS = "SELECT call_day, records, records_hash, chain_hash, previous_day, revision,"
            + " sealed_at, reason FROM calls_day_seal";

    static List<Stored> stored(Connection c, LocalDate from, LocalDate to) throws SQLException {
        List<Stored> seals = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SEAL_COLUMNS + " WHERE call_day >= ? AND call_day <= ? ORDER BY call_day")) {
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seals.add(seal(rs));
                }
            }
        }
        return seals;
    }

    private static Stored seal(ResultSet rs) throws SQLException {
        return new Stored(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
    }

    /**
     * Hashes each day's records as they are stored now and compares them with the seals (legitimate pending changes
     * sealed first). A day is checked against the stored seal of the day before it, so a change outside the
     * application shows on its own day only.
     */
    @Transactional
    public List<Verified> verify(LocalDate from, LocalDate to) {
        resealPending();
        ZoneId zone = zone();
        List<Verified> days = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Map<LocalDate, Stored> seals = new TreeMap<>();
            stored(c, from, to).forEach(s -> seals.put(s.day(), s));
            Stored before = previous(c, from);
            String previousChain = before == null ? Evidence.GENESIS : before.chainHash();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Stored seal = seals.get(day);
                Hashed now = hash(c, day, zone);
                if (seal == null) {
                    if (now.records() > 0) {
                        days.add(new Verified(day, now.records(), now.recordsHash(), null, null, null, null,
                                Status.UNSEALED));
                    }
                    continue;
                }
                String chain = Evidence.chainHash(previousChain, now.recordsHash());
                boolean same = now.recordsHash().equals(seal.recordsHash()) && chain.equals(seal.chainHash());
                days.add(new Verified(day, now.records(), now.recordsHash(), chain, seal.records(), seal.recordsHash(),
                        seal.chainHash(), same ? Status.OK : Status.CHANGED));
                previousChain = seal.chainHash();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the call records: " + e.getMessage(), e);
        }
        return days;
    }

    /** The stored seals of these days with every earlier seal of each, oldest first. */
    @Transactional
    public Map<Stored, List<Stored>> history(LocalDate from, LocalDate to) {
        Map<Stored, List<Stored>> days = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            Map<LocalDate, List<Stored>> versions = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT call_day, records, records_hash, chain_hash, previous_day,"
                    + " revision, sealed_at, reason FROM calls_day_seal_version WHERE call_day >= ? AND call_day <= ?"
                    + " ORDER BY call_day, revision")) {
                s.setObject(1, from);
                s.setObject(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Stored v = seal(rs);
                        versions.computeIfAbsent(v.day(), d -> new ArrayList<>()).add(v);
                    }
                }
            }
            for (Stored seal : stored(c, from, to)) {
                days.put(seal, versions.getOrDefault(seal.day(), List.of()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the seals: " + e.getMessage(), e);
        }
        return days;
    }
}
