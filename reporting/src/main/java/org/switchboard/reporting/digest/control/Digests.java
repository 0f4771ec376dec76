package org.switchboard.reporting.digest.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.mail.Mail;
import org.switchboard.core.mail.Outbox;
import org.switchboard.core.integrity.DaySeals;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.reporting.boundary.OperatorDayView;
import org.switchboard.reporting.boundary.ReportTables;
import org.switchboard.reporting.control.Anomalies;
import org.switchboard.reporting.control.Anomaly;
import org.switchboard.reporting.control.OperatorDays;
import org.switchboard.reporting.control.ReportQuery;
import org.switchboard.reporting.control.ReportingSettings;
import org.switchboard.reporting.control.Totals;
import org.switchboard.reporting.qa.control.QaFigures;

/**
 * Writes and queues one client's digest of one day. A client gets a day's digest once: the first writer records
 * it in {@code reporting_digest} (a primary key per client and day), so a second timer run, a restart or a second
 * server finds it there and does nothing — unless a person asks for it again.
 */
@ApplicationScoped
public class Digests {

    public static final String CATEGORY = "digest";

    @Resource
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ReportingSettings settings;

    @Inject
    QaFigures qa;

    @Inject
    CallCentre callCentre;

    @Inject
    ReportTables tables;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<DaySeals> seals;

    /** What happened to one client's digest. */
    public record Outcome(long clientId, String client, List<String> recipients, Long mailId, boolean alreadySent) {
    }

    /** The clients that have digest recipients, in id order. */
    public List<Long> clientsWithRecipients() {
        return List.copyOf(settings.current().recipients().keySet());
    }

    /**
     * Queues the digest of {@code day} for one client, in a transaction of its own so one client's failure spoils
     * no other's; {@code again} sends it even when it went out already.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome send(long clientId, LocalDate day, boolean again) {
        Client client = em.find(Client.class, clientId);
        List<String> recipients = settings.current().recipientsOf(clientId);
        if (client == null || recipients.isEmpty()) {
            return new Outcome(clientId, client == null ? null : client.getName(), recipients, null, false);
        }
        try (Connection c = dataSource.getConnection()) {
            if (!claim(c, clientId, day) && !again) {
                return new Outcome(clientId, client.getName(), recipients, null, true);
            }
            ReportQuery q = new ReportQuery(day, day, null, null, null, clientId, null, null);
            Settings centre = callCentre.settings();
            List<OperatorDays.Figures> rows = OperatorDays.rows(c, q);
            List<Anomaly> anomalies = Anomalies.find(c, q, centre.thresholds(), LocalDate.now(centre.zone()));
            List<QaFigures.Tally> reviews = qa.perOperator(new QaFigures.Filter(day, day, null, null, clientId));
            DaySeals.Seal seal = null;
            for (DaySeals source : seals) {
                seal = source.seal(day).orElse(null);
            }
            DigestText text = new DigestText(client.getName(), day, rows, Totals.of(rows).centre(), anomalies, reviews,
                    seal);
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            tables.operatorDays(TabularFormat.XLSX, xlsx, rows.stream().map(OperatorDayView::of).toList(),
                    OperatorDayView.TotalView.of(Totals.of(rows).centre()));
            long mailId = outbox.queue(new Mail(recipients, text.subject(), text.plain(), text.html(),
                    List.of(new Mail.Attachment("operator-days-" + day + ".xlsx", TabularFormat.XLSX.mediaType(),
                            xlsx.toByteArray())), CATEGORY));
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE reporting_digest SET mail_id = ?, queued_at = ? WHERE client_id = ? AND work_day = ?")) {
                s.setLong(1, mailId);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setLong(3, clientId);
                s.setDate(4, Date.valueOf(day));
                s.executeUpdate();
            }
            return new Outcome(clientId, client.getName(), recipients, mailId, false);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The digest of client " + clientId + " for " + day + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Records that this client's digest of this day is being sent; false when it was already. */
    private static boolean claim(Connection c, long clientId, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_digest (client_id, work_day, queued_at)"
                + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM reporting_digest WHERE client_id = ? AND work_day = ?)")) {
            s.setLong(1, clientId);
            s.setDate(2, Date.valueOf(day));
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setLong(4, clientId);
            s.setDate(5, Date.valueOf(day));
            return s.executeUpdate() == 1;
        }
    }
}
