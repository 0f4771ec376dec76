package org.switchboard.core.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.audit.control.RevisionAuthor;
import org.switchboard.core.calling.ExtensionCalls;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.people.entity.ExtensionMapping;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.control.CallCentre;

/**
 * Who held which extension on which call-centre day, and the PBX calls that follow it. The stored operator of a PBX
 * record is always the holder of its extension on its day: a change of holder cuts the periods it overlaps and moves
 * the calls of the days it changes (to the new holder, or to nobody), each move in the tamper trail. Calls of days
 * already past are only taken from someone with a reason.
 */
@ApplicationScoped
public class ExtensionHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    TamperTrail trail;

    @Inject
    CallCentre callCentre;

    @Inject
    @Any
    Instance<ExtensionCalls> calls;

    /** The call-centre day now. */
    public LocalDate today() {
        return trail.now().atZone(callCentre.zone()).toLocalDate();
    }

    /** The periods of one extension, oldest first. */
    public List<ExtensionMapping> of(String extension) {
        return em.createQuery("SELECT m FROM ExtensionMapping m WHERE m.extension = :e ORDER BY m.validFrom, m.id",
                ExtensionMapping.class).setParameter("e", extension).getResultList();
    }

    /** The periods in which a user held any extension, oldest first. */
    public List<ExtensionMapping> ofUser(String username) {
        return em.createQuery("SELECT m FROM ExtensionMapping m WHERE m.username = :u ORDER BY m.validFrom, m.id",
                ExtensionMapping.class).setParameter("u", username).getResultList();
    }

    /** A day a change is asked to apply from: not in the future (a change waits for nobody). */
    public void checkEffectiveFrom(LocalDate effectiveFrom) {
        if (effectiveFrom != null && effectiveFrom.isAfter(today())) {
            throw ProblemException.invalid("effectiveFrom", "cannot be in the future; today is " + today()
                    + " in the call centre's time zone");
        }
    }

    /**
     * {@code user} holds {@code extension} from a day on. Without {@code effectiveFrom}: from the day its last holder's
     * period ended, since the beginning when nobody ever held it (so it takes the unassigned calls that carry it), and
     * from today when someone holds it now. The periods of others reaching that day are cut there; cutting one before
     * today moves calls already counted for someone, and needs a reason.
     *
     * @return the first day of the new period
     */
    public LocalDate take(User user, String extension, LocalDate effectiveFrom, String reason) {
        checkEffectiveFrom(effectiveFrom);
        lock();
        List<ExtensionMapping> periods = of(extension);
        ExtensionMapping latest = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        if (latest != null && latest.getValidTo() == null && latest.getUsername().equals(user.getUsername())
                && (effectiveFrom == null || !effectiveFrom.isBefore(latest.getValidFrom()))) {
            return latest.getValidFrom();
        }
        LocalDate today = today();
        LocalDate from = effectiveFrom != null ? effectiveFrom
                : latest == null ? ExtensionMapping.SINCE_ALWAYS
                : latest.getValidTo() != null ? latest.getValidTo() : today;
        List<ExtensionMapping> cut = periods.stream().filter(p -> p.reaches(from)).toList();
        for (ExtensionMapping p : cut) {
            if (!p.getValidFrom().isBefore(from)) {
                throw ProblemException.invalid("effectiveFrom", "must be after " + p.getValidFrom() + ", the day '"
                        + p.getUsername() + "' began to hold extension " + extension);
            }
        }
        if (!cut.isEmpty() && from.isBefore(today) && blank(reason)) {
            throw ProblemException.invalid("reason", "is required: extension " + extension + " would move to '"
                    + user.getUsername() + "' from " + from + ", a day already past, taking calls counted for '"
                    + cut.get(0).getUsername() + "'");
        }
        cut.forEach(p -> p.endOn(from));
        em.persist(new ExtensionMapping(extension, user.getUsername(), from, RevisionAuthor.current(), trail.now(),
                cap(reason)));
        em.flush();
        move(extension, from, reason);
        return from;
    }

    /**
     * {@code user} stops holding {@code extension} from {@code day} on: the calls from that day on belong to nobody
     * (until someone takes it). Before today that un-counts calls, and needs a reason.
     */
    public void release(User user, String extension, LocalDate day, String reason) {
        lock();
        List<ExtensionMapping> held = of(extension).stream()
                .filter(p -> p.getUsername().equals(user.getUsername()) && p.reaches(day)).toList();
        if (held.isEmpty()) {
            return;
        }
        if (day.isBefore(today()) && blank(reason)) {
            throw ProblemException.invalid("reason", "is required: '" + user.getUsername() + "' would give up extension "
                    + extension + " from " + day + ", a day already past, leaving calls counted for them unassigned");
        }
        held.forEach(p -> p.endOn(day));
        em.flush();
        move(extension, day, reason);
    }

    private void move(String extension, LocalDate from, String reason) {
        List<ExtensionCalls.Moved> moved = new ArrayList<>();
        for (ExtensionCalls source : calls) {
            moved.addAll(source.replace(extension, callCentre.startOf(from)));
        }
        String since = ExtensionMapping.SINCE_ALWAYS.equals(from) ? "since the beginning" : "from " + from;
        for (ExtensionCalls.Moved m : moved) {
            String operator = m.operator();
            boolean adopted = m.previousOperator() == null;
            String what = m.calls() + (m.calls() == 1 ? " call" : " calls") + " of extension " + extension + " on "
                    + m.firstDay() + (m.lastDay().equals(m.firstDay()) ? "" : " to " + m.lastDay())
                    + (adopted ? ", unassigned until now," : ", counted for '" + m.previousOperator() + "' until now,")
                    + " moved to " + (operator == null ? "nobody" : "'" + operator + "'") + ": the extension's holder "
                    + since + (blank(reason) ? "" : ". Reason: " + reason.trim());
            trail.record(Tamper.of(adopted ? TamperKind.CALLS_ADOPTED : TamperKind.CALLS_REATTRIBUTED, "extension",
                    extension, null, null, operator != null ? operator : m.previousOperator(), "operator",
                    m.previousOperator(), operator, cap(what)));
        }
    }

    /**
     * Serialises changes of the history with the chunks of PBX imports (which lock the same row): a chunk that began
     * before this change commits first and its records are placed again here; one that begins after reads the change.
     */
    private void lock() {
        em.createNativeQuery("SELECT id FROM core_extension_guard WHERE id = 1 FOR UPDATE").getResultList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cap(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
