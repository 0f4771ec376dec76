package org.switchboard.core.holidays.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.core.holidays.entity.Holiday;

/** The holiday calendar. */
@ApplicationScoped
public class Holidays {

    @PersistenceContext
    EntityManager em;

    public List<Holiday> between(LocalDate from, LocalDate to) {
        return em.createQuery("SELECT h FROM Holiday h WHERE h.date BETWEEN :f AND :t ORDER BY h.date", Holiday.class)
                .setParameter("f", from).setParameter("t", to).getResultList();
    }

    /** The holiday dates in a period, for rules that test many days. */
    public Set<LocalDate> datesBetween(LocalDate from, LocalDate to) {
        return new TreeSet<>(em.createQuery("SELECT h.date FROM Holiday h WHERE h.date BETWEEN :f AND :t", LocalDate.class)
                .setParameter("f", from).setParameter("t", to).getResultList());
    }

    public boolean isHoliday(LocalDate day) {
        return em.find(Holiday.class, day) != null;
    }

    /** Adds a holiday or renames the one on that day. */
    public Holiday put(LocalDate day, String name) {
        Holiday existing = em.find(Holiday.class, day);
        if (existing != null) {
            existing.rename(name);
            return existing;
        }
        Holiday holiday = new Holiday(day, name);
        em.persist(holiday);
        return holiday;
    }

    public boolean remove(LocalDate day) {
        Holiday existing = em.find(Holiday.class, day);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        return true;
    }
}
