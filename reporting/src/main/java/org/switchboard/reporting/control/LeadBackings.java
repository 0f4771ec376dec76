package org.switchboard.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.switchboard.core.integrity.LeadBacking;

/** Lends the leads module the backing reporting decided for each lead (kept with its copy of the lead). */
@ApplicationScoped
public class LeadBackings implements LeadBacking {

    @Resource
    DataSource dataSource;

    @Override
    public Map<Long, Backing> of(Collection<Long> leadIds) {
        Map<Long, Backing> found = new HashMap<>();
        List<Long> ids = new ArrayList<>(leadIds);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement s = c.prepareStatement("SELECT id, backed, unbacked_reason, work_day FROM reporting_lead"
                        + " WHERE id IN (" + RollupStore.marks(part.size()) + ")")) {
                    RollupStore.bind(s, part);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getLong(1), new Backing(rs.getBoolean(2), rs.getString(3),
                                    rs.getDate(4).toLocalDate()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the leads' backing failed: " + e.getMessage(), e);
        }
        return found;
    }
}
