package org.switchboard.calls.outbound.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.switchboard.calls.control.CallFacts;
import org.switchboard.calls.control.Cdr;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.info.control.InfoMails;
import org.switchboard.calls.meetings.control.Meetings;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.events.OutcomeRecorded;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.control.DoNotCallList;
import org.switchboard.leads.control.LeadBook;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;

/**
 * The wrap-up of an outbound call: the outcome counts an attempt and decides what becomes of the entry (done, a
 * retry after the campaign's delay, or a callback), does what the outcome promises (a lead, a meeting, the info
 * e-mail, the do-not-call entry) and is written on the call record of that conversation — the one named, or a
 * logged outbound call that the PBX's record joins later.
 */
@ApplicationScoped
public class Outcomes {

    /** What an operator can record. */
    public enum Outcome {
        NO_ANSWER, BUSY, WRONG_NUMBER, NOT_INTERESTED, CALLBACK, INTERESTED, MEETING, SEND_INFO, DNC_REQUEST, COMPLETED,
        /** After-sales: the client was reached (greeted, the offer told). */
        REACHED,
        /** After-sales: not reached; tried again later, as a no-answer is. */
        NOT_REACHED,
        /** After-sales: the client declined the offer or the invitation. */
        DECLINED,
        /** After-sales: the invitation was accepted (the contact joins the event's attendees). */
        ACCEPTED
    }

    /** The wrap-up as entered. */
    public record Wrapup(Outcome outcome, String callbackAt, boolean callbackToPool, String note, Long callId,
            BigDecimal leadValue, String meetingManager, OffsetDateTime meetingStart, OffsetDateTime meetingEnd,
            String meetingPlace, String email, Long templateId) {
    }

    /** What recording it did. */
    public record Recorded(ListEntry entry, long callId, Long callbackId, Long leadId, Long meetingId, Long mailId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    CallLists lists;

    @Inject
    Callbacks callbacks;

    @Inject
    CallFacts facts;

    @Inject
    LeadBook leads;

    @Inject
    DoNotCallList dnc;

    @Inject
    Meetings meetings;

    @Inject
    InfoMails infoMails;

    @Inject
    jakarta.enterprise.event.Event<OutcomeRecorded> recorded;

    @Inject
    TamperTrail trail;

    /**
     * Records an outcome. Accepted from the operator who holds the entry (taken with the next-call queue, lock not
     * run out), or from a supervisor or admin ({@code mayRecordForOthers}) for the operator who worked it: then the
     * call and the entry say who entered it, and the tamper trail keeps it ({@code OUTCOME_CHANGED}).
     */
    public Recorded record(Campaign campaign, long entryId, Wrapup w, User caller, boolean mayRecordForOthers) {
        ListEntry entry = em.find(ListEntry.class, entryId);
        if (entry == null || entry.getCampaignId() != campaign.getId()) {
            throw ProblemException.notFound("Campaign " + campaign.getCode() + " has no list entry " + entryId);
        }
        if (w.outcome() == null) {
            throw ProblemException.invalid("outcome", "is required: one of " + List.of(Outcome.values()));
        }
        Instant now = clock.now();
        boolean holds = entry.isHeldBy(caller.getUsername(), now);
        boolean supervising = !holds && mayRecordForOthers;
        if (!supervising && !campaign.getOperators().contains(caller.getUsername())) {
            throw ProblemException.forbidden("You are not assigned to campaign " + campaign.getCode());
        }
        if (entry.isDone()) {
            throw ProblemException.conflict("Entry " + entryId + " is done already (" + entry.getLastOutcome() + ")");
        }
        if (entry.isHeldByAnotherThan(caller.getUsername(), now)) {
            throw ProblemException.conflict("Entry " + entryId + " is held by " + entry.getLockedBy() + " until "
                    + entry.getLockedUntil());
        }
        if (!holds && !supervising) {
            throw ProblemException.conflict("You do not hold entry " + entryId + ": take it with POST /api/campaigns/"
                    + campaign.getId() + "/next first (an outcome is accepted only for the entry the queue gave you,"
                    + " while you hold it)");
        }
        if (!mayRecordForOthers) {
            // an outcome keeps the entry's open callback; a colleague's, before it escalates to the pool, stays theirs
            Callback open = callbacks.openOn(entry.getId());
            if (open != null && open.getOwner() != null && !open.getOwner().equals(caller.getUsername())
                    && !open.isOverdue(now)) {
                throw ProblemException.forbidden("Entry " + entryId + " has callback " + open.getId() + " planned for"
                        + " another operator: only they or a supervisor may record an outcome that closes it");
            }
        }
        // whose call it was: the caller's own, or, for a supervisor, the operator who last took or worked the entry
        User operator = supervising ? workerOf(entry).orElse(caller) : caller;
        String before = entry.getLastOutcome();
        OutboundRules rules = lists.rules(campaign.getId());
        Contact contact = em.find(Contact.class, entry.getContactId());
        String note = w.note() == null || w.note().isBlank() ? null : w.note().trim();

        Call call = call(campaign, entry, w, operator, note, now, caller.getUsername());
        Long callbackId = null;
        Long leadId = null;
        Long meetingId = null;
        Long mailId = null;
        boolean finished = true;
        Instant nextTry = null;
        switch (w.outcome()) {
            case NO_ANSWER, NOT_REACHED -> {
                finished = false;
                nextTry = now.plus(Duration.ofMinutes(rules.getRetryNoAnswerMinutes()));
            }
            case BUSY -> {
                finished = false;
                nextTry = now.plus(Duration.ofMinutes(rules.getRetryBusyMinutes()));
            }
            case CALLBACK -> {
                finished = false;
                nextTry = Callbacks.dueAt(w.callbackAt(), entry.zone(), "callbackAt");
            }
            case INTERESTED -> {
                Lead lead = leads.create(new LeadBook.Checked(contact, campaign, operator), now, w.leadValue(), note,
                        call.getId(), null, caller.getUsername());
                leadId = lead.getId();
            }
            case MEETING -> {
                if (w.meetingStart() == null || w.meetingEnd() == null) {
                    throw ProblemException.invalid("meeting", "is required for MEETING: {\"manager\",\"start\",\"end\",\"place\"}");
                }
                meetingId = meetings.book(new Meetings.Booking(contact.getId(), w.meetingManager(),
                        w.meetingStart().toInstant(), w.meetingEnd().toInstant(), w.meetingPlace(), note, call.getId(),
                        campaign.getCode()), caller.getUsername()).getId();
            }
            case SEND_INFO -> mailId = infoMails.send(campaign.getCode(), contact.getId(), w.email(), operator.getUsername(),
                    w.templateId());
            case DNC_REQUEST -> dnc.add(entry.getNumber(), null, "asked not to be called, on a call of campaign "
                    + campaign.getCode(), contact.getId(), operator.getUsername());
            default -> {
                // WRONG_NUMBER, NOT_INTERESTED, COMPLETED: the entry is done
            }
        }
        entry.record(w.outcome().name(), call.getId(), now, finished, nextTry, caller.getUsername());
        if (supervising) {
            trail.record(Tamper.of(TamperKind.OUTCOME_CHANGED, "call", call.getId(), campaign.getCode(),
                    campaign.getClientId(), operator.getUsername(), "outcome", before, w.outcome().name(),
                    "recorded by " + caller.getUsername() + " on list entry " + entry.getId() + " (" + entry.getNumber()
                            + ") of campaign " + campaign.getCode() + " for " + operator.getUsername()));
        }
        if (w.outcome() == Outcome.CALLBACK) {
            Callback callback = callbacks.plan(entry, nextTry, w.callbackToPool() ? null : operator.getUsername(), note,
                    caller.getUsername());
            callbackId = callback.getId();
        }
        callbacks.keep(entry.getId(), caller.getUsername(), callbackId);
        em.flush();
        facts.announce(List.of(call.getId()));
        recorded.fire(new OutcomeRecorded(entry.getId(), campaign.getId(), campaign.getCode(), entry.getContactId(),
                w.outcome().name(), operator.getUsername(), call.getId(), now, entry.isDone()));
        return new Recorded(entry, call.getId(), callbackId, leadId, meetingId, mailId);
    }

    /** The operator who holds or last held the entry, or whose call its last outcome is on. */
    private java.util.Optional<User> workerOf(ListEntry entry) {
        String username = entry.getLockedBy();
        if (username == null && entry.getLastCallId() != null) {
            Call last = em.find(Call.class, entry.getLastCallId());
            username = last == null ? null : last.getOperator();
        }
        if (username == null) {
            return java.util.Optional.empty();
        }
        return em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class).setParameter("u", username)
                .getResultStream().findFirst();
    }

    /**
     * The call the outcome belongs to: the one named, or a new logged outbound call. A named call must be the
     * operator's, with the entry's number, and cited by no other outcome (no outcome yet, no other entry's).
     */
    private Call call(Campaign campaign, ListEntry entry, Wrapup w, User operator, String note, Instant now, String by) {
        String outcome = w.outcome().name();
        String enteredBy = by.equals(operator.getUsername()) ? null : by;
        if (w.callId() != null) {
            Call call = em.find(Call.class, w.callId());
            if (call == null) {
                throw ProblemException.invalid("callId", "names no call: " + w.callId());
            }
            if (!operator.getUsername().equals(call.getOperator())) {
                throw ProblemException.invalid("callId", "call " + w.callId() + " is not a call of " + operator.getUsername()
                        + ": an outcome goes on the operator's own call");
            }
            String number = call.getCustomerNumber() == null ? null
                    : PhoneNumbers.tryE164(call.getCustomerNumber()).orElse(call.getCustomerNumber());
            String entryNumber = PhoneNumbers.tryE164(entry.getNumber()).orElse(entry.getNumber());
            if (!entryNumber.equals(number)) {
                throw ProblemException.invalid("callId", "call " + w.callId() + " was not with the entry's number "
                        + entry.getNumber());
            }
            if (call.getOutcome() != null) {
                throw ProblemException.invalid("callId", "call " + w.callId() + " has an outcome already ("
                        + call.getOutcome() + "): one call backs one outcome");
            }
            List<Long> citing = em.createQuery("SELECT e.id FROM ListEntry e WHERE e.lastCallId = :call AND e.id <> :me",
                    Long.class).setParameter("call", call.getId()).setParameter("me", entry.getId()).getResultList();
            if (!citing.isEmpty()) {
                throw ProblemException.invalid("callId", "call " + w.callId() + " is the call of list entry "
                        + citing.get(0) + " already: one call backs one outcome");
            }
            call.wrapUp(outcome, note, enteredBy);
            return call;
        }
        Cdr.Disposition disposition = switch (w.outcome()) {
            case NO_ANSWER, NOT_REACHED -> Cdr.Disposition.NO_ANSWER;
            case BUSY -> Cdr.Disposition.BUSY;
            default -> Cdr.Disposition.ANSWERED;
        };
        Call call = Call.loggedOutbound(operator.getUsername(), operator.getExtension(), entry.getNumber(),
                entry.getContactId(), campaign.getCode(), campaign.getClientId(), disposition, now);
        call.wrapUp(outcome, note, enteredBy);
        em.persist(call);
        em.flush();
        return call;
    }

    public static Outcome outcome(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(written.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("outcome", "is not an outcome; use one of " + List.of(Outcome.values()));
        }
    }
}
