package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;

/** The tasks the rules made, filtered as a marketer or the operator working an entry needs them. */
@ApplicationScoped
public class Tasks {

    /** Filters of the task list; null means any. {@code from}/{@code to} are call days, both inclusive. */
    public record Filter(Long rule, LocalDate from, LocalDate to, Long entry, Task.State state) {
    }

    @PersistenceContext
    EntityManager em;

    public Page<Task> list(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.rule() != null) {
            where.append(" AND t.ruleId = :rule");
            params.put("rule", f.rule());
        }
        if (f.from() != null) {
            where.append(" AND t.callDay >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" AND t.callDay <= :to");
            params.put("to", f.to());
        }
        if (f.entry() != null) {
            where.append(" AND t.entryId = :entry");
            params.put("entry", f.entry());
        }
        if (f.state() != null) {
            where.append(" AND t.state = :state");
            params.put("state", f.state());
        }
        return Queries.page(em, Task.class, "Task", "t", where, params, page);
    }
}
