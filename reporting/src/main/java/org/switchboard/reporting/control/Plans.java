package org.switchboard.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.stream.Collectors;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.reporting.entity.Plan;

/**
 * Daily plans. A plan entry covers a period (optionally only some weekdays) and is stored day by day; entries
 * are applied in order, so a later one overrides an earlier one for the days they share. Plans are what fulfilment is
 * measured against, so every change of them goes to the tamper trail.
 */
@ApplicationScoped
public class Plans {

    static final int MAX_DAYS = 366;

    @PersistenceContext
    EntityManager em;

    @Inject
    TamperTrail trail;

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
            Change change = new Change();
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
                change.day(plan, calls, leads);
                if (plan == null) {
                    plan = new Plan(operator, day, calls, leads, by, now);
                    em.persist(plan);
                    plans.put(List.of(operator, day), plan);
                } else {
                    plan.set(calls, leads, by, now);
                }
                written++;
            }
            String period = "from " + e.from() + " to " + e.to() + (e.weekdays() == null || e.weekdays().isEmpty() ? ""
                    : " on " + weekdays.get(i).stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(", ")));
            change.record(trail, operator, e.calls(), e.leads() == null ? 0 : e.leads(), period, by);
        }
        em.flush();
        return written;
    }

    /**
     * What one entry changed, for the tamper trail: one PLAN_CHANGED entry per field and entry, not per day, with the
     * values it replaced ("none" for days without a plan) — and none at all when every day already had these values.
     */
    static final class Change {
        private final java.util.SortedSet<String> calls = new java.util.TreeSet<>();
        private final java.util.SortedSet<String> leads = new java.util.TreeSet<>();
        private boolean callsChanged;
        private boolean leadsChanged;

        void day(Plan before, int newCalls, int newLeads) {
            calls.add(before == null ? "none" : Integer.toString(before.getCalls()));
            leads.add(before == null ? "none" : Integer.toString(before.getLeads()));
            callsChanged |= before == null || before.getCalls() != newCalls;
            leadsChanged |= before == null || before.getLeads() != newLeads;
        }

        void record(TamperTrail trail, String operator, int newCalls, int newLeads, String period, String by) {
            if (callsChanged) {
                trail.record(Tamper.of(TamperKind.PLAN_CHANGED, "plan", operator, null, null, operator, "calls",
                        before(calls), newCalls, period), by);
            }
            if (leadsChanged) {
                trail.record(Tamper.of(TamperKind.PLAN_CHANGED, "plan", operator, null, null, operator, "leads",
                        before(leads), newLeads, period), by);
            }
        }

        /** The values replaced: null when no day had a plan, else each distinct value (numbers in order). */
        private static String before(java.util.SortedSet<String> values) {
            if (values.equals(java.util.Set.of("none"))) {
                return null;
            }
            return values.stream().sorted(java.util.Comparator.comparing((String v) -> v.equals("none") ? Integer.MAX_VALUE
                    : Integer.parseInt(v))).collect(Collectors.joining(", "));
        }
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
