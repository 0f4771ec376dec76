package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.calls.outbound.control.CallLists;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.campaigns.control.Campaigns;

/**
 * How the after-sales rules did over a period of call days. A task counts as reached when someone answered
 * (REACHED, ACCEPTED or DECLINED); as not reached when it was given up (NOT_REACHED) or is still open but its
 * entry has used every attempt the campaign allows; as open while it may still be tried.
 */
@ApplicationScoped
public class AftersalesReport {

    /** Tasks of the period grouped by rule, state and attempts used, with their redeemed offers. */
    public static final String ROWS_SQL = """
            SELECT t.rule_id, t.state, COALESCE(e.attempts, 0), COUNT(*), COUNT(o.redeemed_at)
              FROM aftersales_task t
              LEFT JOIN calls_list_entry e ON e.id = t.entry_id
              LEFT JOIN aftersales_offer o ON o.code = t.offer_code
             WHERE t.call_day BETWEEN ?1 AND ?2
             GROUP BY t.rule_id, t.state, COALESCE(e.attempts, 0)""";

    /** Tasks of one rule in one state whose entry has used {@code attempts} tries; {@code redeemed} offers among them. */
    public record Row(long ruleId, String state, int attempts, long tasks, long redeemed) {
    }

    /** One rule's figures (or the totals, with no rule). */
    public record Figures(Long ruleId, String name, String type, String campaign, long tasks, long reached,
            long notReached, long accepted, long declined, long open, long closed, long offersRedeemed) {
    }

    public record Report(LocalDate from, LocalDate to, List<Figures> rules, Figures totals) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    CallLists callLists;

    /** Every rule with tasks in the period, and every active rule (with zeros when it made none). */
    public Report between(LocalDate from, LocalDate to) {
        List<Row> rows = rows(em, from, to);
        Map<Long, List<Row>> byRule = new HashMap<>();
        rows.forEach(r -> byRule.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r));
        List<Rule> rules = em.createQuery("SELECT r FROM Rule r WHERE r.active = TRUE OR r.id IN :ids ORDER BY r.name, r.id",
                Rule.class).setParameter("ids", byRule.isEmpty() ? List.of(-1L) : byRule.keySet()).getResultList();
        Map<String, Integer> maxAttempts = new LinkedHashMap<>();
        List<Figures> figures = new ArrayList<>();
        for (Rule rule : rules) {
            int max = maxAttempts.computeIfAbsent(rule.getCampaign(), this::maxAttempts);
            figures.add(tally(rule.getId(), rule.getName(), rule.getType().name(), rule.getCampaign(),
                    byRule.getOrDefault(rule.getId(), List.of()), max));
        }
        return new Report(from, to, figures, totals(figures));
    }

    public static List<Row> rows(EntityManager em, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> raw = em.createNativeQuery(ROWS_SQL).setParameter(1, from).setParameter(2, to).getResultList();
        return raw.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    private int maxAttempts(String campaignCode) {
        return campaigns.byCode(campaignCode).map(c -> callLists.rules(c.getId()).getMaxAttempts())
                .orElse(OutboundRules.MAX_ATTEMPTS);
    }

    /** The figures of one rule from its rows, given how many attempts its campaign allows an entry. */
    public static Figures tally(Long ruleId, String name, String type, String campaign, List<Row> rows,
            int maxAttempts) {
        long tasks = 0, reached = 0, notReached = 0, accepted = 0, declined = 0, open = 0, closed = 0, redeemed = 0;
        for (Row row : rows) {
            tasks += row.tasks();
            redeemed += row.redeemed();
            switch (Task.State.valueOf(row.state())) {
                case REACHED -> reached += row.tasks();
                case ACCEPTED -> {
                    reached += row.tasks();
                    accepted += row.tasks();
                }
                case DECLINED -> {
                    reached += row.tasks();
                    declined += row.tasks();
                }
                case NOT_REACHED -> notReached += row.tasks();
                case OPEN -> {
                    if (row.attempts() >= maxAttempts) {
                        notReached += row.tasks();
                    } else {
                        open += row.tasks();
                    }
                }
                case CLOSED -> closed += row.tasks();
            }
        }
        return new Figures(ruleId, name, type, campaign, tasks, reached, notReached, accepted, declined, open, closed,
                redeemed);
    }

    public static Figures totals(List<Figures> rules) {
        long tasks = 0, reached = 0, notReached = 0, accepted = 0, declined = 0, open = 0, closed = 0, redeemed = 0;
        for (Figures f : rules) {
            tasks += f.tasks();
            reached += f.reached();
            notReached += f.notReached();
            accepted += f.accepted();
            declined += f.declined();
            open += f.open();
            closed += f.closed();
            redeemed += f.offersRedeemed();
        }
        return new Figures(null, null, null, null, tasks, reached, notReached, accepted, declined, open, closed,
                redeemed);
    }
}
