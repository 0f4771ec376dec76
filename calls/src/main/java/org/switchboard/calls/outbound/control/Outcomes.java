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

    public Recorded record(Campaign campaign, long entryId, Wrapup w, User operator, boolean supervising) {
        ListEntry entry = em.find(ListEntry.class, entryId);
        if (entry == null || entry.getCampaignId() != campaign.getId()) {
            throw ProblemException.notFound("Campaign " + campaign.getCode() + " has no list entry " + entryId);
        }
        if (w.outcome() == null) {
            throw ProblemException.invalid("outcome", "is required: one of " + List.of(Outcome.values()));
        }
        Instant now = clock.now();
        if (!supervising && !campaign.getOperators().contains(operator.getUsername())) {
            throw ProblemException.forbidden("You are not assigned to campaign " + campaign.getCode());
        }
        if (entry.isDone()) {
            throw ProblemException.conflict("Entry " + entryId + " is done already (" + entry.getLastOutcome() + ")");
        }
        if (entry.isHeldByAnotherThan(operator.getUsername(), now)) {
            throw ProblemException.conflict("Entry " + entryId + " is held by " + entry.getLockedBy() + " until "
                    + entry.getLockedUntil());
        }
        OutboundRules rules = lists.rules(campaign.getId());
        Contact contact = em.find(Contact.class, entry.getContactId());
        String note = w.note() == null || w.note().isBlank() ? null : w.note().trim();

        Call call = call(campaign, entry, w, operator, note, now);
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
                        call.getId(), null, operator.getUsername());
                leadId = lead.getId();
            }
            case MEETING -> {
                if (w.meetingStart() == null || w.meetingEnd() == null) {
                    throw ProblemException.invalid("meeting", "is required for MEETING: {\"manager\",\"start\",\"end\",\"place\"}");
                }
                meetingId = meetings.book(new Meetings.Booking(contact.getId(), w.meetingManager(),
                        w.meetingStart().toInstant(), w.meetingEnd().toInstant(), w.meetingPlace(), note, call.getId(),
                        campaign.getCode()), operator.getUsername()).getId();
            }
            case SEND_INFO -> mailId = infoMails.send(campaign.getCode(), contact.getId(), w.email(), operator.getUsername(),
                    w.templateId());
            case DNC_REQUEST -> dnc.add(entry.getNumber(), null, "asked not to be called, on a call of campaign "
                    + campaign.getCode(), contact.getId(), operator.getUsername());
            default -> {
                // WRONG_NUMBER, NOT_INTERESTED, COMPLETED: the entry is done
            }
        }
        entry.record(w.outcome().name(), call.getId(), now, finished, nextTry);
        if (w.outcome() == Outcome.CALLBACK) {
            Callback callback = callbacks.plan(entry, nextTry, w.callbackToPool() ? null : operator.getUsername(), note,
                    operator.getUsername());
            callbackId = callback.getId();
        }
        callbacks.keep(entry.getId(), operator.getUsername(), callbackId);
        em.flush();
        facts.announce(List.of(call.getId()));
        recorded.fire(new OutcomeRecorded(entry.getId(), campaign.getId(), campaign.getCode(), entry.getContactId(),
                w.outcome().name(), operator.getUsername(), call.getId(), now, entry.isDone()));
        return new Recorded(entry, call.getId(), callbackId, leadId, meetingId, mailId);
    }

    /** The call the outcome belongs to: the one named (the operator's own), or a new logged outbound call. */
    private Call call(Campaign campaign, ListEntry entry, Wrapup w, User operator, String note, Instant now) {
        String outcome = w.outcome().name();
        if (w.callId() != null) {
            Call call = em.find(Call.class, w.callId());
            if (call == null || !operator.getUsername().equals(call.getOperator())) {
                throw ProblemException.invalid("callId", "names no call of yours: " + w.callId());
            }
            call.wrapUp(outcome, note);
            return call;
        }
        Cdr.Disposition disposition = switch (w.outcome()) {
            case NO_ANSWER, NOT_REACHED -> Cdr.Disposition.NO_ANSWER;
            case BUSY -> Cdr.Disposition.BUSY;
            default -> Cdr.Disposition.ANSWERED;
        };
        Call call = Call.loggedOutbound(operator.getUsername(), operator.getExtension(), entry.getNumber(),
                entry.getContactId(), campaign.getCode(), campaign.getClientId(), disposition, now);
        call.wrapUp(outcome, note);
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
