package org.switchboard.aftersales.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.switchboard.aftersales.control.Rules;
import org.switchboard.aftersales.entity.AftersalesSettings;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.aftersales.entity.Task;

/** The JSON shapes of the after-sales API. */
public final class AftersalesBodies {

    private AftersalesBodies() {
    }

    /**
     * A rule as written (POST; PUT with the version read). {@code id} is accepted and ignored, so that a rule read
     * with GET can be sent back changed.
     */
    public record RuleInput(Long id, String type, String name, String campaign, Integer daysBefore, Integer daysAfter,
            LocalDate holidayDate, Long eventId, Rules.Audience audience, Rules.OfferTerms offer, String script,
            Boolean advertising, Boolean active, Long version) {

        Rules.Draft draft() {
            return new Rules.Draft(type, name, campaign, daysBefore, daysAfter, holidayDate, eventId, audience, offer,
                    script, advertising, active);
        }
    }

    public record RuleView(long id, String type, String name, String campaign, int daysBefore, int daysAfter,
            LocalDate holidayDate, Long eventId, Rules.Audience audience, Rules.OfferTerms offer, String script,
            boolean advertising, boolean active, long version) {

        static RuleView of(Rule r) {
            return new RuleView(r.getId(), r.getType().name(), r.getName(), r.getCampaign(), r.getDaysBefore(),
                    r.getDaysAfter(), r.getHolidayDate(), r.getEventId(),
                    new Rules.Audience(r.getAudienceTag(), r.getAudienceCity()),
                    r.hasOffer() ? new Rules.OfferTerms(r.getOfferKind().name(), r.getOfferValue(), r.getOfferValidDays())
                            : null,
                    r.getScript(), r.isAdvertising(), r.isActive(), r.getVersion());
        }
    }

    /** An event as written; {@code id} is accepted and ignored, as for rules. */
    public record EventInput(Long id, String name, LocalDate date, String place, LocalDate inviteUntil,
            String description, Long version) {
    }

    public record EventView(long id, String name, LocalDate date, String place, LocalDate inviteUntil,
            String description, LocalDate lastInvitationDay, long version) {

        static EventView of(Event e) {
            return new EventView(e.getId(), e.getName(), e.getDate(), e.getPlace(), e.getInviteUntil(),
                    e.getDescription(), e.lastInvitationDay(), e.getVersion());
        }
    }

    /** A one-time offer: what it is, for whom, until when, and whether (by whom, when) it was redeemed. */
    public record OfferView(String code, String kind, String value, LocalDate validUntil, long contactId, long taskId,
            Instant redeemedAt, String redeemedBy) {

        static OfferView of(Offer o) {
            return new OfferView(o.getCode(), o.getKind(), o.getValue(), o.getValidUntil(), o.getContactId(),
                    o.getTaskId(), o.getRedeemedAt(), o.getRedeemedBy());
        }
    }

    /** A task as the task list shows it, with the rule's script and the offer the operator is to tell. */
    public record TaskView(long id, long ruleId, String ruleName, String type, long contactId, LocalDate occasionDate,
            LocalDate callDay, String offerCode, OfferView offer, String state, Long entryId, String script,
            Instant outcomeAt, Instant createdAt) {

        static TaskView of(Task t, Rule rule, Offer offer) {
            return new TaskView(t.getId(), t.getRuleId(), rule == null ? null : rule.getName(),
                    rule == null ? null : rule.getType().name(), t.getContactId(), t.getOccasionDate(), t.getCallDay(),
                    t.getOfferCode(), offer == null ? null : OfferView.of(offer), t.getState().name(), t.getEntryId(),
                    rule == null ? null : rule.getScript(), t.getOutcomeAt(), t.getCreatedAt());
        }
    }

    /** The generation's hour as "HH:mm" (PUT with the version read); lastGenerated is the generator's to set. */
    public record SettingsInput(String generationTime, LocalDate lastGenerated, Long version) {
    }

    public record SettingsView(String generationTime, LocalDate lastGenerated, long version) {

        static SettingsView of(AftersalesSettings s) {
            return new SettingsView(s.getGenerationTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")),
                    s.getLastGenerated(), s.getVersion());
        }
    }
}
