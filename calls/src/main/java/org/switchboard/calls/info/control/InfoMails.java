package org.switchboard.calls.info.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.switchboard.calls.info.entity.InfoTemplate;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.mail.Mail;
import org.switchboard.core.mail.Outbox;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.security.Caller;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.control.SearchKeys;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;

/**
 * Sends a campaign's info e-mail to a contact: the campaign's template filled for that contact and operator,
 * with the template's files, queued in the outbox (category {@code info}) in the caller's transaction — so it
 * goes out only if the caller's work (the logged call, the recorded outcome) commits.
 */
@ApplicationScoped
public class InfoMails {

    /** The outbox category of info e-mails. */
    public static final String CATEGORY = "info";

    private static final Logger LOG = Logger.getLogger(InfoMails.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    InfoTemplates templates;

    @Inject
    Campaigns campaigns;

    @Inject
    ContactBook contacts;

    @Inject
    Outbox outbox;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    @Inject
    Caller caller;

    private static final Duration HOUR = Duration.ofHours(1);

    /**
     * Fills the campaign's active template (the one marked default, else the only active one) for the contact and
     * queues it in the outbox, in the caller's transaction; email null = the contact's first e-mail. Returns the
     * outbox id. ProblemException 400 when the campaign has no active template or the contact has no e-mail.
     */
    public long send(String campaignCode, long contactId, String email, String operatorUsername) {
        Campaign campaign = campaign(campaignCode);
        InfoTemplate template = templates.toSend(campaign).orElseThrow(() -> ProblemException.badRequest(
                "Campaign " + campaign.getCode() + " has no active info e-mail template; ask a supervisor or marketer "
                        + "to write one (/api/campaigns/" + campaign.getId() + "/templates)"));
        return queue(template, campaign, contactId, email, operatorUsername);
    }

    /**
     * As {@link #send}, with the template the operator chose instead of the campaign's default; {@code templateId}
     * null sends the default. 400 (violation on {@code templateId}) when that template is another campaign's, or
     * inactive.
     */
    public long send(String campaignCode, long contactId, String email, String operatorUsername, Long templateId) {
        if (templateId == null) {
            return send(campaignCode, contactId, email, operatorUsername);
        }
        Campaign campaign = campaign(campaignCode);
        InfoTemplate template;
        try {
            template = templates.find(campaign, templateId);
        } catch (ProblemException notFound) {
            throw ProblemException.invalid("templateId", "names no template of campaign " + campaign.getCode()
                    + ": " + templateId);
        }
        if (!template.isActive()) {
            throw ProblemException.invalid("templateId", "names an inactive template ('" + template.getName()
                    + "'); choose an active one");
        }
        return queue(template, campaign, contactId, email, operatorUsername);
    }

    /**
     * As {@link #send}, but only when the campaign has a template it can send — the one marked default, or its
     * only active one; empty (nothing queued) otherwise, for paths where the info request is recorded either way.
     */
    public Optional<Long> sendIfTemplate(String campaignCode, long contactId, String email, String operatorUsername) {
        Campaign campaign = campaign(campaignCode);
        Optional<InfoTemplate> template;
        try {
            template = templates.toSend(campaign);
        } catch (ProblemException ambiguous) {
            LOG.warning(() -> "No info e-mail sent to contact " + contactId + ": " + ambiguous.getMessage());
            return Optional.empty();
        }
        return template.map(t -> queue(t, campaign, contactId, email, operatorUsername));
    }

    /** The template filled for a contact as it would be sent now, by this operator, to this address. */
    public Placeholders.Letter letter(InfoTemplate template, Campaign campaign, Contact contact, String email,
            String operatorUsername) {
        Company company = contact.getCompanyId() == null ? null : em.find(Company.class, contact.getCompanyId());
        LocalDate today = LocalDate.ofInstant(clock.now(), callCentre.zone());
        Placeholders.Values values = new Placeholders.Values(contact.getFullName(),
                company == null ? null : company.getName(), contact.getCity(), contact.getPosition(), email,
                campaign.getName(), campaign.getCode(), operatorName(operatorUsername), today);
        return Placeholders.fill(template.getSubject(), template.getText(), template.getHtml(), values);
    }

    /** The address an info e-mail goes to when none is given: the first of the contact's, as the API lists them. */
    public static Optional<String> firstEmail(Contact contact) {
        return contact.getEmails().stream().sorted().findFirst();
    }

    private long queue(InfoTemplate template, Campaign campaign, long contactId, String email,
            String operatorUsername) {
        Contact contact = contacts.find(contactId);
        if (!contact.isActive()) {
            throw ProblemException.invalid("contactId", "names a contact that is deleted, merged or erased");
        }
        String requester = caller.isAuthenticated() ? caller.username() : operatorUsername;
        requireUnderLimit(requester);
        String to;
        if (email != null && !email.isBlank()) {
            // info goes only to the contact's own addresses, so the server is no relay to any address an operator
            // types: a new one is added to the contact first, an edit kept in the contact's history
            to = SearchKeys.email(email);
            if (!contact.getEmails().contains(to)) {
                throw ProblemException.invalid("email", "'" + email.strip() + "' is not an address of contact "
                        + contactId + "; info e-mails go only to the contact's own addresses: add it to the contact"
                        + " first (PUT /api/contacts/" + contactId + "), then send");
            }
        } else {
            to = firstEmail(contact).orElseThrow(() -> ProblemException.invalid("email",
                    "is required: contact " + contactId + " has no e-mail address"));
        }
        Placeholders.Letter letter = letter(template, campaign, contact, to, operatorUsername);
        List<Mail.Attachment> files = templates.attachments(template).stream()
                .map(a -> new Mail.Attachment(a.getFileName(), a.getContentType(), a.getContent())).toList();
        return outbox.queue(new Mail(List.of(to), letter.subject(), letter.text(), letter.html(), files, CATEGORY),
                requester);
    }

    /**
     * Refuses (429, with Retry-After) an info e-mail over the settings' limit per user and hour. The count is the
     * outbox's, so it holds across restarts and on every node.
     */
    private void requireUnderLimit(String requester) {
        if (requester == null) {
            return;
        }
        int perHour = callCentre.settings().infoMailsPerHour();
        Instant now = Instant.now();
        Outbox.Requested sent = outbox.requestedSince(CATEGORY, requester, now.minus(HOUR));
        if (sent.count() < perHour) {
            return;
        }
        Instant freed = (sent.oldest() == null ? now : sent.oldest()).plus(HOUR);
        long seconds = Math.max(1, Duration.between(now, freed).toSeconds() + 1);
        ProblemException problem = new ProblemException(429, "Too many info e-mails", "You asked for " + sent.count()
                + " info e-mails within the last hour; the limit is " + perHour + " an hour per user (setting"
                + " infoMailsPerHour). Nothing was stored or sent; try again in " + seconds + " seconds", List.of(), null);
        // the problem mapper takes the problem from the cause and the Retry-After header from the response
        throw new WebApplicationException(problem, Response.status(429).header("Retry-After", seconds).build());
    }

    private Campaign campaign(String code) {
        return campaigns.byCode(code).orElseThrow(() -> ProblemException.invalid("campaign",
                "names no campaign: '" + code + "'"));
    }

    private String operatorName(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                .setParameter("u", username.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                .map(User::getFullName).orElse(username.strip());
    }
}
