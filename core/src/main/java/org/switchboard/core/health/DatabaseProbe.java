package org.switchboard.core.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.core.errors.Problems;

/**
 * Tells a database that went away from a request that failed for its own reasons. A failure is the database's when
 * its chain names a connection that could not be had or broke ({@link Problems#databaseUnavailable}); a failure in
 * database code with no such sign (a driver cut off mid-statement reports odd things) is the database's when the
 * database does not answer now.
 */
@ApplicationScoped
public class DatabaseProbe {

    @Resource
    DataSource dataSource;

    /** True when a connection can be had and answers within 2 seconds. */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** True when {@code failure} is explained by the database being out of reach. */
    public boolean unavailable(Throwable failure) {
        return Problems.databaseUnavailable(failure) || Problems.fromDatabase(failure) && !reachable();
    }
}
