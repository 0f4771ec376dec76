package org.switchboard.core.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.switchboard.core.events.SchemaReady;

/**
 * Says at start whether a commit is durable before the server answers: H2 with {@code WRITE_DELAY} 0 writes every
 * commit to its file at once (otherwise up to that many milliseconds later, lost with a killed process); PostgreSQL
 * with {@code synchronous_commit} on (its default) flushes the commit to its WAL. Anything else is logged as a warning.
 */
@ApplicationScoped
public class CommitDurability {

    private static final Logger LOG = Logger.getLogger(CommitDurability.class.getName());

    @Resource
    DataSource dataSource;

    void onReady(@Observes SchemaReady ready) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                String delay = single(s, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'WRITE_DELAY'");
                report("0".equals(delay), "H2 WRITE_DELAY is " + delay + " ms", "add ;WRITE_DELAY=0 to the URL");
            } else if (product.contains("postgres")) {
                String sync = single(s, "SHOW synchronous_commit");
                report(!"off".equals(sync), "PostgreSQL synchronous_commit is " + sync,
                        "set synchronous_commit = on, or a crash of PostgreSQL can lose commits it acknowledged");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot read the database's commit durability: " + e.getMessage(), e);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void report(boolean durable, String setting, String remedy) {
        if (durable) {
            LOG.info(() -> "Commits are durable before the server answers: " + setting);
        } else {
            LOG.warning(() -> "Commits may be lost with the process although the server acknowledged them: " + setting
                    + "; " + remedy);
        }
    }
}
