package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.core.events.OutcomeRecorded;

/**
 * How a task's call went, from the outcome the operator recorded on its call-list entry: reached, declined,
 * accepted (an invitation: the contact joins the attendees). Not reached — no answer, busy — leaves the task open
 * while the entry is tried again.
 */
@ApplicationScoped
public class TaskOutcomes {

    @PersistenceContext
    EntityManager em;

    void recorded(@Observes OutcomeRecorded e) {
        Task.State state = switch (e.outcome()) {
            case "REACHED", "COMPLETED", "INTERESTED", "MEETING", "SEND_INFO" -> Task.State.REACHED;
            case "ACCEPTED" -> Task.State.ACCEPTED;
            case "DECLINED", "NOT_INTERESTED", "DNC_REQUEST" -> Task.State.DECLINED;
            case "WRONG_NUMBER" -> Task.State.NOT_REACHED;
            default -> null; // NO_ANSWER, BUSY, NOT_REACHED, CALLBACK: the task waits for the next try
        };
        if (state == null) {
            return;
        }
        // the entry's current occasion: the newest open task on it
        em.createQuery("SELECT t FROM Task t WHERE t.entryId = :e AND t.state = :open ORDER BY t.id DESC", Task.class)
                .setParameter("e", e.entryId()).setParameter("open", Task.State.OPEN).setMaxResults(1)
                .getResultStream().findFirst().ifPresent(task -> task.outcome(state, e.at()));
    }
}
