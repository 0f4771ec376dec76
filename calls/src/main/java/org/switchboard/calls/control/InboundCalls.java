package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.switchboard.calls.boundary.InboundInput;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.info.control.InfoMails;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.boundary.ContactInput;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.control.LeadBook;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;

/**
 * The operator's inbound call, logged while it happens: the caller found or registered, the call attributed
 * to its ad campaign, and — in the same transaction — a lead, a meeting request or an info request. An info
 * request is recorded on the call, and the campaign's info e-mail is queued when it has a template to send.
 */
@ApplicationScoped
public class InboundCalls {

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    Campaigns campaigns;

    @Inject
    ContactBook contacts;

    @Inject
    LeadBook leads;

    @Inject
    CallFacts facts;

    @Inject
    InfoMails infoMails;

    @Inject
    org.switchboard.core.security.Caller caller;

    /** What logging produced; {@code infoMailId} is the queued info e-mail, null when none was sent. */
    public record Logged(Call call, Contact contact, boolean contactCreated, Lead lead, Long infoMailId) {
    }

    public Logged log(InboundInput input, User operator) {
        if (operator.getExtension() == null) {
            throw ProblemException.conflict("You have no telephony extension; ask an ADMIN to set one");
        }
        List<Problem.Violation> problems = new java.util.ArrayList<>();
        String number = null;
        try {
            number = PhoneNumbers.toE164(input.number());
        } catch (PhoneNumbers.InvalidNumber e) {
            problems.add(new Problem.Violation("number", e.getMessage()));
        }
        Campaign campaign = null;
        if (input.campaign() != null && !input.campaign().isBlank()) {
            campaign = campaigns.byCode(input.campaign()).orElse(null);
            if (campaign == null) {
                problems.add(new Problem.Violation("campaign", "names no campaign: '" + input.campaign().trim() + "'"));
            }
        } else if (input.dialledNumber() != null && !input.dialledNumber().isBlank()) {
            campaign = PhoneNumbers.tryE164(input.dialledNumber()).flatMap(campaigns::byNumber).orElse(null);
            if (campaign == null) {
                problems.add(new Problem.Violation("dialledNumber", "leads to no campaign: '" + input.dialledNumber().trim()
                        + "' is not a number of any campaign"));
            }
        } else {
            problems.add(new Problem.Violation("campaign", "is required: the campaign code, or the dialledNumber"));
        }
        if (input.meeting() != null && input.meeting().at() == null) {
            problems.add(new Problem.Violation("meeting.at", "is required: when the meeting should be"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        // the campaign decides which client sees the call (and its lead, contact, e-mail): only one of the operator's
        campaigns.requireAssigned(campaign, caller);
        Contact contact;
        boolean created = false;
        if (input.contactId() != null) {
            contact = contacts.find(input.contactId());
            if (!contact.isActive()) {
                throw ProblemException.invalid("contactId", "names a contact that is deleted, merged or erased");
            }
        } else {
            final String e164 = number;
            contact = contacts.holders(java.util.Set.of(e164), java.util.Set.of(), null).stream().findFirst().orElse(null);
            if (contact == null) {
                String name = input.contactName() == null || input.contactName().isBlank()
                        ? "Caller " + PhoneNumbers.international(e164) : input.contactName().trim();
                contact = contacts.create(new ContactInput(name, List.of(new ContactInput.PhoneInput(e164, null)),
                        input.info() == null ? List.of() : List.of(input.info().email()), null, null, null, null, null,
                        List.of(), campaign.getCode(), null, false, operator.getUsername(), null, null), true,
                        operator.getUsername());
                created = true;
            }
        }
        // the call-centre's now: the same clock the reports and the queues read
        Instant now = clock.now();
        Call call = Call.loggedInbound(operator.getUsername(), operator.getExtension(), number, contact.getId(),
                campaign.getCode(), campaign.getClientId(), now);
        call.wrapUp(blank(input.outcome()) == null ? null : input.outcome().trim().toUpperCase(Locale.ROOT),
                blank(input.notes()));
        call.request(input.lead() != null, input.meeting() == null ? null : input.meeting().at().toInstant(),
                input.meeting() == null ? null : blank(input.meeting().note()),
                input.info() == null ? null : input.info().email().trim().toLowerCase(Locale.ROOT));
        em.persist(call);
        facts.announce(List.of(call.getId()));
        Lead lead = null;
        if (input.lead() != null) {
            lead = leads.create(new LeadBook.Checked(contact, campaign, operator), now, input.lead().estimatedValue(),
                    blank(input.lead().notes()), call.getId(), null, operator.getUsername());
        }
        Long infoMailId = input.info() == null ? null : infoMails.sendIfTemplate(campaign.getCode(), contact.getId(),
                call.getInfoEmail(), operator.getUsername()).orElse(null);
        return new Logged(call, contact, created, lead, infoMailId);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
