package org.switchboard.calls.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.switchboard.core.calling.CallFactSource;
import org.switchboard.core.events.CallFact;
import org.switchboard.core.events.CallsRecorded;

/**
 * Announces changed calls to other modules ({@link CallsRecorded}), read back from the table as stored, so the
 * announcement is the same whichever path changed the call (bulk JDBC import, an operator's log, a recording).
 * Also lends all stored calls to a module rebuilding its copy.
 */
@ApplicationScoped
public class CallFacts implements CallFactSource {

    private static final String SELECT = "SELECT id, operator, extension, direction, customer_number, contact_id,"
            + " campaign_code, client_id, started_at, disposition, talk_seconds, recording_file, outcome, uniqueid,"
            + " source, ended_at"
            + " FROM calls_call WHERE ";
    private static final int IN_LIST = 500;

    @Resource
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CallsRecorded> recorded;

    /** After a change through JPA, in the changing transaction: flushes and announces the calls as stored. */
    public void announce(Collection<Long> callIds) {
        if (callIds.isEmpty()) {
            return;
        }
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            announce(read(c, "id", new ArrayList<>(callIds)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read calls back: " + e.getMessage(), e);
        }
    }

    /** After a bulk store on {@code c}, in its transaction: announces the records with these identities. */
    public void announceIdentities(Connection c, Collection<String> identities) throws SQLException {
        if (!identities.isEmpty()) {
            announce(read(c, "identity", new ArrayList<>(identities)));
        }
    }

    private void announce(List<CallFact> facts) {
        if (!facts.isEmpty()) {
            recorded.fire(new CallsRecorded(facts));
        }
    }

    @Override
    public void forEach(java.time.Instant from, java.time.Instant to, int chunkSize, Consumer<List<CallFact>> sink) {
        long after = Long.MIN_VALUE;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + "started_at >= ? AND started_at < ? AND id > ?"
                        + " ORDER BY id FETCH FIRST " + chunkSize + " ROWS ONLY")) {
            while (true) {
                s.setTimestamp(1, Timestamp.from(from));
                s.setTimestamp(2, Timestamp.from(to));
                s.setLong(3, after);
                List<CallFact> chunk = new ArrayList<>(chunkSize);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        chunk.add(fact(rs));
                    }
                }
                if (chunk.isEmpty()) {
                    return;
                }
                sink.accept(chunk);
                if (chunk.size() < chunkSize) {
                    return;
                }
                after = chunk.get(chunk.size() - 1).callId();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read calls: " + e.getMessage(), e);
        }
    }

    private static List<CallFact> read(Connection c, String key, List<?> values) throws SQLException {
        List<CallFact> facts = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<?> part = values.subList(from, Math.min(values.size(), from + IN_LIST));
            try (PreparedStatement s = c.prepareStatement(SELECT + key + " IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setObject(i + 1, part.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        facts.add(fact(rs));
                    }
                }
            }
        }
        return facts;
    }

    private static CallFact fact(ResultSet rs) throws SQLException {
        long contact = rs.getLong(6);
        Long contactId = rs.wasNull() ? null : contact;
        long client = rs.getLong(8);
        Long clientId = rs.wasNull() ? null : client;
        return new CallFact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), contactId,
                rs.getString(7), clientId, rs.getTimestamp(9).toInstant(), "ANSWERED".equals(rs.getString(10)),
                rs.getInt(11), rs.getString(12) != null, rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant());
    }
}
