package org.switchboard.calls.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.settings.control.CallCentre;

/**
 * Stores Asterisk call-detail records in bulk: read line by line (a bad line is reported and the rest go on),
 * in chunks of {@value #CHUNK} stored with plain JDBC batches in one transaction each. A record whose identity
 * is stored already is a duplicate, so the same file posted twice changes nothing. An inbound record meets the
 * call its operator logged live (same operator and number, start within {@link #JOIN_WINDOW}) and completes it
 * instead of doubling it.
 */
@ApplicationScoped
public class CallRecords {

    static final int CHUNK = 1000;
    public static final Duration JOIN_WINDOW = Duration.ofMinutes(10);
    private static final CSVFormat MASTER_CSV = CSVFormat.DEFAULT.builder().setTrim(false).get();
    private static final String INSERT = "INSERT INTO calls_call (direction, operator, extension, customer_number,"
            + " contact_id, campaign_code, client_id, started_at, answered_at, ended_at, duration_seconds, talk_seconds,"
            + " disposition, source, identity, uniqueid, sequence, linkedid, accountcode, src, dst, clid, channel,"
            + " dstchannel, lead_requested, created_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PBX', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, 0)"
            // a record whose identity is stored already is a duplicate: the unique index decides, in the same statement
            + " ON CONFLICT DO NOTHING";
    private static final String JOIN = "UPDATE calls_call SET source = 'JOINED', identity = ?, uniqueid = ?, sequence = ?,"
            + " linkedid = ?, accountcode = ?, src = ?, dst = ?, clid = ?, channel = ?, dstchannel = ?, started_at = ?,"
            + " answered_at = ?, ended_at = ?, duration_seconds = ?, talk_seconds = ?, disposition = ?,"
            + " campaign_code = COALESCE(campaign_code, ?), client_id = COALESCE(client_id, ?),"
            + " contact_id = COALESCE(contact_id, ?), version = version + 1 WHERE id = ?";

    @Resource
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    @Inject
    CallCentre callCentre;

    @Inject
    CallFacts facts;

    /** A record with the line it came from. */
    public record Numbered(int line, Cdr cdr) {
    }

    /** A bad line: its number and why. */
    public record BadLine(int line, String reason) {
    }

    /** The outcome: {@code received = imported + duplicates + rejected}; unassigned and joined are among the imported. */
    public record Report(long received, long imported, long duplicates, long unassigned, long joined,
            List<BadLine> rejected) {
    }

    /** Running totals. */
    public static final class Totals {
        long received;
        long imported;
        long duplicates;
        long unassigned;
        long joined;
        final List<BadLine> rejected = new ArrayList<>();

        public Report report() {
            return new Report(received, imported, duplicates, unassigned, joined, List.copyOf(rejected));
        }
    }

    /** What every chunk needs to know, read once per import. */
    public record Lookup(Map<String, String> operatorByExtension, Map<String, CampaignRef> campaigns, ZoneId pbxZone) {
    }

    public record CampaignRef(String code, long clientId) {
    }

    public Report importMasterCsv(Path file) {
        Lookup lookup = lookup();
        Totals totals = new Totals();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, totals, chunk -> store(chunk, lookup, totals));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the upload: " + e.getMessage(), e);
        }
        return totals.report();
    }

    /** Reads Master.csv lines, handing chunks of parsed records to {@code sink}; bad lines go to the totals. */
    public static void read(BufferedReader reader, Totals totals, Consumer<List<Numbered>> sink) throws IOException {
        List<Numbered> chunk = new ArrayList<>(CHUNK);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            totals.received++;
            try {
                chunk.add(new Numbered(number, Cdr.parse(fields(line))));
            } catch (Cdr.BadRecord e) {
                totals.rejected.add(new BadLine(number, e.getMessage()));
            }
            if (chunk.size() == CHUNK) {
                sink.accept(List.copyOf(chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            sink.accept(List.copyOf(chunk));
        }
    }

    /** Records already parsed (from JSON events), with those that could not be. */
    public Report importRecords(CdrEvents.Batch batch) {
        Lookup lookup = lookup();
        Totals totals = new Totals();
        totals.received += batch.rejected().size();
        totals.rejected.addAll(batch.rejected());
        List<Numbered> chunk = new ArrayList<>();
        for (Numbered numbered : batch.records()) {
            totals.received++;
            chunk.add(numbered);
            if (chunk.size() == CHUNK) {
                store(chunk, lookup, totals);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            store(chunk, lookup, totals);
        }
        return totals.report();
    }

    private static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.parse(line, MASTER_CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new Cdr.BadRecord("the line is empty");
            }
            CSVRecord record = records.next();
            List<String> fields = new ArrayList<>(record.size());
            record.forEach(fields::add);
            return fields;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new Cdr.BadRecord("the line is not valid CSV: " + e.getMessage());
        }
    }

    Lookup lookup() {
        try (Connection c = dataSource.getConnection()) {
            return lookup(c, callCentre.settings().pbxZone());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Operators by extension and campaigns by code, read once per import. */
    public static Lookup lookup(Connection c, ZoneId pbxZone) throws SQLException {
        Map<String, String> operators = new HashMap<>();
        Map<String, CampaignRef> campaigns = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT u.extension, u.username FROM core_user u"
                + " JOIN core_user_role r ON r.user_id = u.id WHERE r.role = 'OPERATOR' AND u.extension IS NOT NULL");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                operators.put(rs.getString(1), rs.getString(2));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT code, client_id FROM core_campaign");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                campaigns.put(rs.getString(1), new CampaignRef(rs.getString(1), rs.getLong(2)));
            }
        }
        return new Lookup(operators, campaigns, pbxZone);
    }

    /** Where a record belongs: who talked, in which direction, with which number. */
    record Placed(Numbered record, String identity, Cdr.Direction direction, String operator, String extension,
            String number, CampaignRef campaign) {
    }

    private void store(List<Numbered> chunk, Lookup lookup, Totals totals) {
        try {
            tx.begin();
            try (Connection c = dataSource.getConnection()) {
                facts.announceIdentities(c, storeChunk(c, chunk, lookup, totals));
            }
            tx.commit();
        } catch (Exception e) {
            rollback();
            throw new IllegalStateException("Storing call records failed at line " + chunk.get(0).line() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Stores one chunk on a connection whose transaction the caller owns.
     *
     * @return the identities of the records stored or joined (not the duplicates)
     */
    public static List<String> storeChunk(Connection c, List<Numbered> chunk, Lookup lookup, Totals totals) throws SQLException {
        Map<String, Numbered> byIdentity = new java.util.LinkedHashMap<>();
        for (Numbered n : chunk) {
            if (byIdentity.putIfAbsent(n.cdr().identity(), n) != null) {
                totals.duplicates++;
            }
        }
        List<Placed> fresh = new ArrayList<>();
        for (Map.Entry<String, Numbered> e : byIdentity.entrySet()) {
            fresh.add(place(e.getKey(), e.getValue(), lookup));
        }
        Map<String, Long> contacts = contacts(c, fresh);
        Map<Placed, Long> joins = joins(c, fresh, lookup.pbxZone());
        if (!joins.isEmpty()) {
            // a record joins a logged call only once: one stored already (an earlier import) is a duplicate
            Set<String> stored = existing(c, joins.keySet().stream().map(Placed::identity).toList());
            joins.keySet().removeIf(p -> stored.contains(p.identity()));
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT); PreparedStatement join = c.prepareStatement(JOIN)) {
            Timestamp now = Timestamp.from(Instant.now());
            List<Placed> inserted = new ArrayList<>();
            List<String> touched = new ArrayList<>();
            for (Placed p : fresh) {
                Cdr cdr = p.record().cdr();
                Long contact = p.number() == null ? null : contacts.get(p.number());
                Long joinWith = joins.get(p);
                if (joinWith != null) {
                    bindJoin(join, p, cdr, contact, lookup.pbxZone(), joinWith);
                    join.addBatch();
                    touched.add(cut(p.identity(), 120));
                    totals.joined++;
                    totals.imported++;
                    if (p.operator() == null) {
                        totals.unassigned++;
                    }
                } else {
                    bindInsert(insert, p, cdr, contact, lookup.pbxZone(), now);
                    insert.addBatch();
                    inserted.add(p);
                }
            }
            int[] counts = inserted.isEmpty() ? new int[0] : insert.executeBatch();
            for (int i = 0; i < inserted.size(); i++) {
                if (counts[i] == 0) {
                    totals.duplicates++;
                } else {
                    touched.add(cut(inserted.get(i).identity(), 120));
                    totals.imported++;
                    if (inserted.get(i).operator() == null) {
                        totals.unassigned++;
                    }
                }
            }
            join.executeBatch();
            return touched;
        }
    }

    static Placed place(String identity, Numbered n, Lookup lookup) {
        Cdr cdr = n.cdr();
        String outExtension = Cdr.endpoint(cdr.channel());
        String inExtension = Cdr.endpoint(cdr.dstchannel());
        CampaignRef campaign = cdr.accountcode() == null ? null
                : lookup.campaigns().get(cdr.accountcode().trim().toUpperCase(java.util.Locale.ROOT));
        if (outExtension != null && lookup.operatorByExtension().containsKey(outExtension)) {
            return new Placed(n, identity, Cdr.Direction.OUT, lookup.operatorByExtension().get(outExtension), outExtension,
                    number(cdr.dst()), campaign);
        }
        if (inExtension != null && lookup.operatorByExtension().containsKey(inExtension)) {
            return new Placed(n, identity, Cdr.Direction.IN, lookup.operatorByExtension().get(inExtension), inExtension,
                    number(cdr.src()), campaign);
        }
        return new Placed(n, identity, null, null, null, number(cdr.src()), campaign);
    }

    /** E.164 when the text is a number; otherwise what the PBX wrote (e.g. {@code anonymous}). */
    static String number(String written) {
        if (written == null) {
            return null;
        }
        String trimmed = written.length() > 40 ? written.substring(0, 40) : written;
        return PhoneNumbers.tryE164(written).orElse(trimmed);
    }

    private static Set<String> existing(Connection c, Collection<String> identities) throws SQLException {
        Set<String> found = new HashSet<>();
        forIn(c, "SELECT identity FROM calls_call WHERE identity IN ", identities, rs -> found.add(rs.getString(1)));
        return found;
    }

    private static Map<String, Long> contacts(Connection c, List<Placed> placed) throws SQLException {
        Set<String> numbers = new HashSet<>();
        placed.forEach(p -> {
            if (p.number() != null && p.number().startsWith("+")) {
                numbers.add(p.number());
            }
        });
        Map<String, Long> contacts = new HashMap<>();
        forIn(c, "SELECT p.number, p.contact_id FROM leads_contact_phone p JOIN leads_contact k ON k.id = p.contact_id"
                + " WHERE k.deleted_at IS NULL AND k.erased_at IS NULL AND p.number IN ", numbers,
                rs -> contacts.merge(rs.getString(1), rs.getLong(2), Math::min));
        return contacts;
    }

    /** Operator-logged calls (inbound, or outbound with their outcome) that these records complete. */
    private static Map<Placed, Long> joins(Connection c, List<Placed> placed, ZoneId zone) throws SQLException {
        List<Placed> inbound = placed.stream().filter(p -> p.direction() != null && p.operator() != null).toList();
        Map<Placed, Long> joins = new HashMap<>();
        if (inbound.isEmpty()) {
            return joins;
        }
        Instant from = inbound.stream().map(p -> start(p, zone)).min(Instant::compareTo).orElseThrow().minus(JOIN_WINDOW);
        Instant to = inbound.stream().map(p -> start(p, zone)).max(Instant::compareTo).orElseThrow().plus(JOIN_WINDOW);
        record Logged(long id, String operator, String number, Instant startedAt, String direction) {
        }
        List<Logged> logged = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, operator, customer_number, started_at, direction FROM calls_call"
                + " WHERE source = 'OPERATOR' AND identity IS NULL AND started_at BETWEEN ? AND ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    logged.add(new Logged(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getString(5)));
                }
            }
        }
        for (Placed p : inbound) {
            Instant start = start(p, zone);
            Logged best = null;
            for (Logged l : logged) {
                if (l.operator().equals(p.operator()) && l.number() != null && l.number().equals(p.number())
                        && p.direction().name().equals(l.direction())
                        && Duration.between(l.startedAt(), start).abs().compareTo(JOIN_WINDOW) <= 0
                        && (best == null || Duration.between(l.startedAt(), start).abs()
                                .compareTo(Duration.between(best.startedAt(), start).abs()) < 0)) {
                    best = l;
                }
            }
            if (best != null) {
                joins.put(p, best.id());
                logged.remove(best);
            }
        }
        return joins;
    }

    private static Instant start(Placed p, ZoneId zone) {
        return p.record().cdr().start().atZone(zone).toInstant();
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql (?, ?, …)} over the values, 500 at a time. */
    private static void forIn(Connection c, String sql, Collection<String> values, RowReader reader) throws SQLException {
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement s = c.prepareStatement(sql + "(" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static void bindInsert(PreparedStatement s, Placed p, Cdr cdr, Long contact, ZoneId zone, Timestamp now)
            throws SQLException {
        int i = 1;
        s.setString(i++, p.direction() == null ? null : p.direction().name());
        s.setString(i++, p.operator());
        s.setString(i++, p.extension());
        s.setString(i++, p.number());
        setLong(s, i++, contact);
        s.setString(i++, p.campaign() == null ? null : p.campaign().code());
        setLong(s, i++, p.campaign() == null ? null : p.campaign().clientId());
        i = bindTimes(s, i, cdr, zone);
        i = bindIdentity(s, i, p, cdr);
        s.setTimestamp(i, now);
    }

    private static void bindJoin(PreparedStatement s, Placed p, Cdr cdr, Long contact, ZoneId zone, long id)
            throws SQLException {
        int i = bindIdentity(s, 1, p, cdr);
        i = bindTimes(s, i, cdr, zone);
        s.setString(i++, p.campaign() == null ? null : p.campaign().code());
        setLong(s, i++, p.campaign() == null ? null : p.campaign().clientId());
        setLong(s, i++, contact);
        s.setLong(i, id);
    }

    /** started_at, answered_at, ended_at, duration, talk seconds, disposition; returns the next index. */
    private static int bindTimes(PreparedStatement s, int i, Cdr cdr, ZoneId zone) throws SQLException {
        s.setTimestamp(i++, Timestamp.from(cdr.start().atZone(zone).toInstant()));
        s.setTimestamp(i++, cdr.answer() == null ? null : Timestamp.from(cdr.answer().atZone(zone).toInstant()));
        s.setTimestamp(i++, Timestamp.from(cdr.end().atZone(zone).toInstant()));
        s.setInt(i++, cdr.duration());
        s.setInt(i++, cdr.billsec());
        s.setString(i++, cdr.disposition().name());
        return i;
    }

    /** identity, uniqueid, sequence, linkedid and the raw Asterisk fields; returns the next index. */
    private static int bindIdentity(PreparedStatement s, int i, Placed p, Cdr cdr) throws SQLException {
        s.setString(i++, cut(p.identity(), 120));
        s.setString(i++, cut(cdr.uniqueid(), 64));
        if (cdr.sequence() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, cdr.sequence());
        }
        s.setString(i++, cut(cdr.linkedid(), 64));
        s.setString(i++, cut(cdr.accountcode(), 40));
        s.setString(i++, cut(cdr.src(), 80));
        s.setString(i++, cut(cdr.dst(), 80));
        s.setString(i++, cut(cdr.clid(), 200));
        s.setString(i++, cut(cdr.channel(), 120));
        s.setString(i++, cut(cdr.dstchannel(), 120));
        return i;
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private void rollback() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception ignored) {
            // the original failure is what matters
        }
    }
}
