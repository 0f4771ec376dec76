package org.switchboard.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.reporting.entity.Plan;

/**
 * Daily plans. A plan entry covers a period (optionally only some weekdays) and is stored day by day; entries
 * are applied in order, so a later one overrides an earlier one for the days they share.
 */
@ApplicationScoped
public class Plans {

    static final int MAX_DAYS = 366;

    @PersistenceContext
    EntityManager em;

    /** One entry as posted. */
    public record Entry(String operator, LocalDate from, LocalDate to, Integer calls, Integer leads, List<String> weekdays) {
    }

    /** Checks every entry first (all problems at once), then stores them; returns the number of plan-days written. */
    public int set(List<Entry> entries, String by) {
        List<Problem.Violation> problems = new ArrayList<>();
        List<Set<DayOfWeek>> weekdays = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String at = "[" + i + "].";
            if (e == null) {
                problems.add(new Problem.Violation("[" + i + "]", "is empty"));
                weekdays.add(Set.of());
                continue;
            }
            if (e.operator() == null || e.operator().isBlank()) {
                problems.add(new Problem.Violation(at + "operator", "is required: the operator's username"));
            } else if (!isOperator(e.operator())) {
                problems.add(new Problem.Violation(at + "operator", "names no operator: '" + e.operator() + "'"));
            }
            if (e.from() == null || e.to() == null) {
                problems.add(new Problem.Violation(at + (e.from() == null ? "from" : "to"), "is required, e.g. 2026-12-01"));
            } else if (e.to().isBefore(e.from())) {
                problems.add(new Problem.Violation(at + "to", "is before from"));
            } else if (ChronoUnit.DAYS.between(e.from(), e.to()) >= MAX_DAYS) {
                problems.add(new Problem.Violation(at + "to", "makes the period longer than " + MAX_DAYS + " days"));
            }
            if (e.calls() == null || e.calls() < 0) {
                problems.add(new Problem.Violation(at + "calls", "is required: the counted calls planned per day, 0 or more"));
            }
            if (e.leads() != null && e.leads() < 0) {
                problems.add(new Problem.Violation(at + "leads", "must be 0 or more"));
            }
            Set<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
            List<String> written = e.weekdays() == null ? List.of() : e.weekdays();
            for (int j = 0; j < written.size(); j++) {
                DayOfWeek day = weekday(written.get(j));
                if (day == null) {
                    problems.add(new Problem.Violation(at + "weekdays[" + j + "]", "is not a weekday; use MON … SUN"));
                } else {
                    days.add(day);
                }
            }
            weekdays.add(days.isEmpty() ? java.util.EnumSet.allOf(DayOfWeek.class) : days);
        }
        if (entries.isEmpty()) {
            problems.add(new Problem.Violation("", "send at least one plan entry"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Map<List<Object>, Plan> plans = new HashMap<>();
        Instant now = Instant.now();
        int written = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String operator = e.operator().trim().toLowerCase(Locale.ROOT);
            for (Plan existing : em.createQuery("SELECT p FROM Plan p WHERE p.operator = :o AND p.day BETWEEN :f AND :t",
                    Plan.class).setParameter("o", operator).setParameter("f", e.from()).setParameter("t", e.to())
                    .getResultList()) {
                plans.putIfAbsent(List.of(operator, existing.getDay()), existing);
            }
            for (LocalDate day = e.from(); !day.isAfter(e.to()); day = day.plusDays(1)) {
                if (!weekdays.get(i).contains(day.getDayOfWeek())) {
                    continue;
                }
                int calls = e.calls();
                int leads = e.leads() == null ? 0 : e.leads();
                Plan plan = plans.get(List.of(operator, day));
                if (plan == null) {
                    plan = new Plan(operator, day, calls, leads, by, now);
                    em.persist(plan);
                    plans.put(List.of(operator, day), plan);
                } else {
                    plan.set(calls, leads, by, now);
                }
                written++;
            }
        }
        em.flush();
        return written;
    }

    public List<Plan> list(LocalDate from, LocalDate to, String operator) {
        jakarta.persistence.TypedQuery<Plan> query = em.createQuery("SELECT p FROM Plan p WHERE p.day BETWEEN :f AND :t"
                + (operator == null ? "" : " AND p.operator = :o") + " ORDER BY p.day, p.operator", Plan.class)
                .setParameter("f", from).setParameter("t", to);
        if (operator != null) {
            query.setParameter("o", operator);
        }
        return query.getResultList();
    }

    private boolean isOperator(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                .setParameter("u", username.trim().toLowerCase(Locale.ROOT)).getResultStream()
                .anyMatch(u -> u.has(Role.OPERATOR));
    }

    static DayOfWeek weekday(String written) {
        if (written == null) {
            return null;
        }
        String w = written.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(w) || day.name().substring(0, 3).equals(w)) {
                return day;
            }
        }
        return null;
    }
}
