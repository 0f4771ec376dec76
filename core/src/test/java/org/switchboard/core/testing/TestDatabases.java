package org.switchboard.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases persistence tests run on: always a fresh in-memory H2 in PostgreSQL mode (as the server
 * configures it), and PostgreSQL too when {@code -Dswitchboard.test.postgresql.url=jdbc:postgresql://…}
 * is given (CI gives it). Each PostgreSQL run works in a schema of its own, dropped afterwards.
 */
public final class TestDatabases {

    public static final String POSTGRESQL_URL = "switchboard.test.postgresql.url";

    /** A database for one test, and how to throw it away. */
    public record TestDatabase(String name, DataSource dataSource, String schema, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private TestDatabases() {
    }

    public static List<String> available() {
        List<String> names = new ArrayList<>(List.of("h2"));
        if (System.getProperty(POSTGRESQL_URL, "").startsWith("jdbc:postgresql:")) {
            names.add("postgresql");
        }
        return names;
    }

    public static TestDatabase open(String name) {
        return switch (name) {
            case "h2" -> h2();
            case "postgresql" -> postgresql();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static TestDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("sa");
        return new TestDatabase("h2", ds, "public", () -> run(ds, "SHUTDOWN"));
    }

    private static TestDatabase postgresql() {
        String schema = "sbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(System.getProperty(POSTGRESQL_URL));
        admin.setUser(System.getProperty("switchboard.test.postgresql.user", "postgres"));
        admin.setPassword(System.getProperty("switchboard.test.postgresql.password", "postgres"));
        run(admin, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(admin.getURL());
        ds.setUser(admin.getUser());
        ds.setPassword(admin.getPassword());
        ds.setCurrentSchema(schema);
        return new TestDatabase("postgresql", ds, schema, () -> run(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void run(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
