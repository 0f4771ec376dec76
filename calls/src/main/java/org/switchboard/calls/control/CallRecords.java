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
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.limits.Limits;
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
            + " dstchannel, record_hash, lead_requested, created_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PBX', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, 0)"
            // a record whose identity is stored already is a duplicate: the unique index decides, in the same statement
            + " ON CONFLICT DO NOTHING";
    private static final String JOIN = "UPDATE calls_call SET source = 'JOINED', identity = ?, uniqueid = ?, sequence = ?,"
            + " linkedid = ?, accountcode = ?, src = ?, dst = ?, clid = ?, channel = ?, dstchannel = ?, record_hash = ?,"
            + " started_at = ?,"
            + " answered_at = ?, ended_at = ?, duration_seconds = ?, talk_seconds = ?, disposition = ?,"
            + " campaign_code = COALESCE(campaign_code, ?), client_id = COALESCE(client_id, ?),"
            + " contact_id = COALESCE(contact_id, ?), version = version + 1 WHERE id = ?";
    private static final String DAY_CHANGE = "INSERT INTO calls_day_change (call_day, records, reason, at) VALUES (?, ?, ?, ?)";

    @Resource
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    @Inject
    CallCentre callCentre;

    @Inject
    CallFacts facts;

    @Inject
    DayChain chain;

    @Inject
    org.switchboard.core.integrity.control.TamperTrail trail;

    /** A record with the line it came from. */
    public record Numbered(int line, Cdr cdr) {
    }

    /** A bad line: its number and why. */
    public record BadLine(int line, String reason) {
    }

    /**
     * The outcome: {@code received = imported + duplicates + rejected}; unassigned and joined are among the imported;
     * conflicts (an identity stored already with other content: the stored record is kept) among the duplicates.
     */
    public record Report(long received, long imported, long duplicates, long conflicts, long unassigned, long joined,
            List<BadLine> rejected) {
    }

    /** A re-imported record whose identity is stored with other content: the first field that differs. */
    public record Conflict(long callId, String identity, String field, String stored, String received, String campaign,
            Long clientId, String operator) {
    }

    /** What a chunk did: the identities stored or joined (not the duplicates), and the conflicts among the duplicates. */
    public record Stored(List<String> touched, List<Conflict> conflicts) {
    }

    /** Running totals. */
    public static final class Totals {
        long received;
        long imported;
        long duplicates;
        long conflicts;
        long unassigned;
        long joined;
        final List<BadLine> rejected = new ArrayList<>();

        public Report report() {
            return new Report(received, imported, duplicates, conflicts, unassigned, joined, List.copyOf(rejected));
        }

        /** The counts now (bad lines are not copied: a rolled-back chunk keeps them reported). */
        Totals copy() {
            Totals copy = new Totals();
            copy.restore(this);
            return copy;
        }

        /** The counts as they were (a chunk that rolled back counts for nothing); bad lines stay reported. */
        void restore(Totals earlier) {
            received = earlier.received;
            imported = earlier.imported;
            duplicates = earlier.duplicates;
            conflicts = earlier.conflicts;
            unassigned = earlier.unassigned;
            joined = earlier.joined;
        }
    }

    /**
     * What every chunk needs to know, read once per import; {@code centreZone} decides a record's call-centre day (the
     * day whose seal it changes, and the day whose extension holder it belongs to).
     */
    public record Lookup(ExtensionHolders holders, Map<String, CampaignRef> campaigns, ZoneId pbxZone,
            ZoneId centreZone) {
    }

    public record CampaignRef(String code, long clientId) {
    }

    @Inject
    org.switchboard.core.health.DatabaseProbe probe;

    public Report importMasterCsv(Path file) {
        Lookup lookup = lookup();
        Totals totals = new Totals();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, totals, chunk -> store(chunk, lookup, totals));
        } catch (ChunkFailed e) {
            if (probe.unavailable(e)) {
                // the chunks before this one are committed and stay; a retry of the file skips them as duplicates
                throw org.switchboard.core.errors.Problems.unavailable("the import stopped at line " + e.line + ": "
                        + totals.imported + " records of the lines before it were stored and stay stored (" + totals.duplicates
                        + " were there already), nothing of line " + e.line + " on was. Post the same file again: the"
                        + " stored records are recognised as duplicates and the rest is imported");
            }
            throw e;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw org.switchboard.core.errors.ProblemException.badRequest("The file is not UTF-8 text: Master.csv is "
                    + "a text file of comma-separated values. Send the file the PBX wrote, unchanged. The records before "
                    + "the first unreadable line (" + totals.imported + " new) were stored");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the upload: " + e.getMessage(), e);
        } finally {
            reseal(totals);
        }
        return totals.report();
    }

    /** After the chunks committed: the days they changed, and every later day, are sealed again. */
    private void reseal(Totals totals) {
        if (totals.imported == 0) {
            return;
        }
        try {
            chain.resealPending();
        } catch (RuntimeException e) {
            // the changes stay pending and are sealed by the next import, verification or digest
            java.util.logging.Logger.getLogger(CallRecords.class.getName()).log(java.util.logging.Level.WARNING,
                    "Resealing the days of an import failed; they stay pending: " + e.getMessage(), e);
        }
    }

    /** Reads Master.csv lines, handing chunks of parsed records to {@code sink}; bad lines go to the totals. */
    public static void read(BufferedReader reader, Totals totals, Consumer<List<Numbered>> sink) throws IOException {
        List<Numbered> chunk = new ArrayList<>(CHUNK);
        StringBuilder buffer = new StringBuilder();
        int number = 0;
        for (int length = nextLine(reader, buffer); length >= 0; length = nextLine(reader, buffer)) {
            number++;
            String line = buffer.toString();
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (length > Limits.CSV_LINE_CHARS) {
                totals.received++;
                totals.rejected.add(new BadLine(number, "the line is longer than " + Limits.CSV_LINE_CHARS
                        + " characters, more than a call record has; it was skipped"));
                continue;
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

    /**
     * Reads the next line into {@code line} (without its terminator: \n, \r\n or \r) keeping at most
     * {@link Limits#CSV_LINE_CHARS} + 1 characters of it, so that a file of one endless line is never held whole.
     *
     * @return the line's full length (more than the limit when it was cut), or -1 at the end of the input
     */
    static int nextLine(BufferedReader reader, StringBuilder line) throws IOException {
        line.setLength(0);
        int length = 0;
        int c = reader.read();
        if (c < 0) {
            return -1;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (length <= Limits.CSV_LINE_CHARS) {
                line.append((char) c);
            }
            length = length == Integer.MAX_VALUE ? length : length + 1;
            c = reader.read();
        }
        if (c == '\r') {
            reader.mark(1);
            if (reader.read() != '\n') {
                reader.reset();
            }
        }
        return length;
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
                try {
                    store(chunk, lookup, totals);
                } catch (RuntimeException e) {
                    reseal(totals);
                    throw e;
                }
                chunk.clear();
            }
        }
        try {
            if (!chunk.isEmpty()) {
                store(chunk, lookup, totals);
            }
        } finally {
            reseal(totals);
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
            return lookup(c, callCentre.settings().pbxZone(), callCentre.zone());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Operators by extension and campaigns by code, read once per import; the call centre in the PBX's zone. */
    public static Lookup lookup(Connection c, ZoneId pbxZone) throws SQLException {
        return lookup(c, pbxZone, pbxZone);
    }

    /** The extension history and campaigns by code, read once per import. */
    public static Lookup lookup(Connection c, ZoneId pbxZone, ZoneId centreZone) throws SQLException {
        ExtensionHolders operators = ExtensionHolders.read(c);
        Map<String, CampaignRef> campaigns = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code, client_id FROM core_campaign");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                campaigns.put(rs.getString(1), new CampaignRef(rs.getString(1), rs.getLong(2)));
            }
        }
        return new Lookup(operators, campaigns, pbxZone, centreZone);
    }

    /** Where a record belongs: who talked, in which direction, with which number. */
    record Placed(Numbered record, String identity, Cdr.Direction direction, String operator, String extension,
            String number, CampaignRef campaign) {
    }

    /** A chunk that could not be stored; nothing of it was, and the totals are as they were before it. */
    static final class ChunkFailed extends IllegalStateException {
        final int line;

        ChunkFailed(int line, Exception cause) {
            super("Storing call records failed at line " + line + ": " + cause.getMessage(), cause);
            this.line = line;
        }
    }

    private void store(List<Numbered> chunk, Lookup lookup, Totals totals) {
        Totals before = totals.copy();
        try {
            tx.begin();
            try (Connection c = dataSource.getConnection()) {
                // the history as it stands now, and no change of it until this chunk commits
                Lookup current = new Lookup(ExtensionHolders.lockAndRead(c), lookup.campaigns(), lookup.pbxZone(),
                        lookup.centreZone());
                Stored stored = storeChunk(c, chunk, current, totals);
                facts.announceIdentities(c, stored.touched());
                for (Conflict k : stored.conflicts()) {
                    trail.record(Tamper.of(TamperKind.RECORD_REIMPORTED, "call", k.callId(), k.campaign(), k.clientId(),
                            k.operator(), k.field(), k.stored(), k.received(), "a re-import brought record " + k.identity()
                                    + " with other content; the stored record was kept"));
                }
            }
            tx.commit();
        } catch (Exception e) {
            rollback();
            totals.restore(before);
            throw new ChunkFailed(chunk.get(0).line(), e);
        }
    }

    /**
     * Stores one chunk on a connection whose transaction the caller owns.
     *
     * A record whose identity is stored already (or came earlier in the chunk) is a duplicate; its canonical hash is
     * compared with the stored record's (one query for the chunk's duplicates), and one with other content is a
     * conflict: the stored record is kept. The days of the records stored or joined are noted as changed, for the
     * chain to seal them again.
     *
     * @return the identities of the records stored or joined (not the duplicates), and the conflicts
     */
    public static Stored storeChunk(Connection c, List<Numbered> chunk, Lookup lookup, Totals totals) throws SQLException {
        Map<String, Numbered> byIdentity = new java.util.LinkedHashMap<>();
        List<Evidence.Record> skipped = new ArrayList<>();
        for (Numbered n : chunk) {
            if (byIdentity.putIfAbsent(n.cdr().identity(), n) != null) {
                totals.duplicates++;
                skipped.add(evidence(n.cdr().identity(), n.cdr(), lookup.pbxZone()));
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
            Map<java.time.LocalDate, long[]> days = new java.util.TreeMap<>();
            for (Placed p : fresh) {
                Cdr cdr = p.record().cdr();
                Long contact = p.number() == null ? null : contacts.get(p.number());
                Long joinWith = joins.get(p);
                if (joinWith != null) {
                    bindJoin(join, p, cdr, contact, lookup.pbxZone(), joinWith);
                    join.addBatch();
                    touched.add(cut(p.identity(), 120));
                    days.computeIfAbsent(day(p, lookup), d -> new long[2])[1]++;
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
                    skipped.add(evidence(inserted.get(i).identity(), inserted.get(i).record().cdr(), lookup.pbxZone()));
                } else {
                    touched.add(cut(inserted.get(i).identity(), 120));
                    days.computeIfAbsent(day(inserted.get(i), lookup), d -> new long[2])[0]++;
                    totals.imported++;
                    if (inserted.get(i).operator() == null) {
                        totals.unassigned++;
                    }
                }
            }
            join.executeBatch();
            noteDays(c, days);
            List<Conflict> conflicts = conflicts(c, skipped);
            totals.conflicts += conflicts.size();
            return new Stored(touched, conflicts);
        }
    }

    /** The call-centre day of a record: the day whose seal it changes. */
    private static java.time.LocalDate day(Placed p, Lookup lookup) {
        return start(p, lookup.pbxZone()).atZone(lookup.centreZone()).toLocalDate();
    }

    private static void noteDays(Connection c, Map<java.time.LocalDate, long[]> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement(DAY_CHANGE)) {
            for (Map.Entry<java.time.LocalDate, long[]> e : days.entrySet()) {
                for (int kind = 0; kind < 2; kind++) {
                    if (e.getValue()[kind] > 0) {
                        s.setObject(1, e.getKey());
                        s.setLong(2, e.getValue()[kind]);
                        s.setString(3, kind == 0 ? DayChain.IMPORTED : DayChain.JOINED);
                        s.setTimestamp(4, now);
                        s.addBatch();
                    }
                }
            }
            s.executeBatch();
        }
    }

    /** The duplicates whose content differs from the stored record's: one query for the chunk. */
    private static List<Conflict> conflicts(Connection c, List<Evidence.Record> skipped) throws SQLException {
        List<Conflict> conflicts = new ArrayList<>();
        if (skipped.isEmpty()) {
            return conflicts;
        }
        Map<String, List<Evidence.Record>> received = new java.util.LinkedHashMap<>();
        skipped.forEach(r -> received.computeIfAbsent(r.identity(), k -> new ArrayList<>()).add(r));
        List<String> identities = new ArrayList<>(received.keySet());
        for (int from = 0; from < identities.size(); from += CHUNK) {
            List<String> part = identities.subList(from, Math.min(identities.size(), from + CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT id, campaign_code, client_id, operator, record_hash, "
                    + Evidence.COLUMNS + " FROM calls_call WHERE identity IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Evidence.Record stored = Evidence.Record.read(rs, 6);
                        // the hash of the record as delivered; rows stored before it was kept: their fields now
                        String storedHash = rs.getString(5) != null ? rs.getString(5) : stored.hash();
                        long client = rs.getLong(3);
                        Long clientId = rs.wasNull() ? null : client;
                        for (Evidence.Record r : received.getOrDefault(stored.identity(), List.of())) {
                            if (!r.hash().equals(storedHash)) {
                                String field = r.firstDifference(stored);
                                conflicts.add(new Conflict(rs.getLong(1), stored.identity(), field == null ? "record" : field,
                                        field == null ? storedHash : stored.valueOf(field),
                                        field == null ? r.hash() : r.valueOf(field), rs.getString(2), clientId,
                                        rs.getString(4)));
                            }
                        }
                    }
                }
            }
        }
        return conflicts;
    }

    /** The canonical evidence of a record as the import stores it (same cuts, times in UTC). */
    static Evidence.Record evidence(String identity, Cdr cdr, ZoneId zone) {
        return Evidence.Record.of(cut(identity, 120), cut(cdr.uniqueid(), 64), cdr.sequence(), cut(cdr.linkedid(), 64),
                cut(cdr.accountcode(), 40), cut(cdr.src(), 80), cut(cdr.dst(), 80), cut(cdr.clid(), 200),
                cut(cdr.channel(), 120), cut(cdr.dstchannel(), 120), cdr.start().atZone(zone).toInstant(),
                cdr.answer() == null ? null : cdr.answer().atZone(zone).toInstant(), cdr.end().atZone(zone).toInstant(),
                cdr.duration(), cdr.billsec(), cdr.disposition().name());
    }

    static Placed place(String identity, Numbered n, Lookup lookup) {
        Cdr cdr = n.cdr();
        CampaignRef campaign = cdr.accountcode() == null ? null
                : lookup.campaigns().get(cdr.accountcode().trim().toUpperCase(java.util.Locale.ROOT));
        java.time.LocalDate day = cdr.start().atZone(lookup.pbxZone()).withZoneSameInstant(lookup.centreZone())
                .toLocalDate();
        Seat seat = seat(cdr.channel(), cdr.dstchannel(), cdr.src(), cdr.dst(), day, lookup.holders());
        return new Placed(n, identity, seat.direction(), seat.operator(), seat.extension(), seat.number(), campaign);
    }

    /** Who a record is: the operator, direction, extension and other party's number. */
    public record Seat(Cdr.Direction direction, String operator, String extension, String number) {
    }

    /**
     * A record belongs to the operator who held its channel's endpoint on its call-centre day (an outbound call), else to
     * the holder of its destination channel's endpoint (an inbound call), else to nobody.
     */
    public static Seat seat(String channel, String dstchannel, String src, String dst, java.time.LocalDate day,
            ExtensionHolders holders) {
        String outExtension = Cdr.endpoint(channel);
        String inExtension = Cdr.endpoint(dstchannel);
        String out = holders.on(outExtension, day);
        if (out != null) {
            return new Seat(Cdr.Direction.OUT, out, outExtension, number(dst));
        }
        String in = holders.on(inExtension, day);
        if (in != null) {
            return new Seat(Cdr.Direction.IN, in, inExtension, number(src));
        }
        return new Seat(null, null, null, number(src));
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
        return contactsOf(c, placed.stream().map(Placed::number).toList());
    }

    /** The live contact of each E.164 number among {@code written} (the lowest id when several share it). */
    static Map<String, Long> contactsOf(Connection c, Collection<String> written) throws SQLException {
        Set<String> numbers = new HashSet<>();
        written.forEach(number -> {
            if (number != null && number.startsWith("+")) {
                numbers.add(number);
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
        i = bindIdentity(s, i, p, cdr, zone);
        s.setTimestamp(i, now);
    }

    private static void bindJoin(PreparedStatement s, Placed p, Cdr cdr, Long contact, ZoneId zone, long id)
            throws SQLException {
        int i = bindIdentity(s, 1, p, cdr, zone);
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

    /** identity, uniqueid, sequence, linkedid, the raw Asterisk fields and the record's hash; returns the next index. */
    private static int bindIdentity(PreparedStatement s, int i, Placed p, Cdr cdr, ZoneId zone) throws SQLException {
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
        s.setString(i++, evidence(p.identity(), cdr, zone).hash());
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
