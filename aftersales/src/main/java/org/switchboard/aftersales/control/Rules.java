package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.errors.Problem.Violation;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.holidays.control.Holidays;

/** After-sales rules: checked against their type, the campaign, the holiday calendar and the events, then kept. */
@ApplicationScoped
public class Rules {

    /** The longest lead time, delay or validity a rule may name: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    /** Who a rule calls: contacts with this tag and/or in this city; both empty means every contact. */
    public record Audience(String tag, String city) {
    }

    /** The discount or gift a rule offers, and how many days its code stays valid. */
    public record OfferTerms(String kind, String value, Integer validDays) {
    }

    /** A rule as a marketer writes it; enums arrive as text so that a wrong one is a field error, not a parse error. */
    public record Draft(String type, String name, String campaign, Integer daysBefore, Integer daysAfter,
            LocalDate holidayDate, Long eventId, Audience audience, OfferTerms offer, String script, Boolean advertising,
            Boolean active) {
    }

    /** What the checks need to know about the rest of the system. */
    public interface Facts {
        Optional<CampaignType> campaignType(String code);

        boolean isHoliday(LocalDate day);

        boolean eventExists(long id);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    Holidays holidays;

    public Rule create(Draft draft) {
        List<Violation> violations = violations(draft, facts());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Rule rule = new Rule(Rule.Type.valueOf(draft.type().trim().toUpperCase(Locale.ROOT)));
        apply(rule, draft);
        em.persist(rule);
        return rule;
    }

    /** Rewrites a rule; its type stays what it was (a birthday rule never becomes a holiday rule). */
    public void update(Rule rule, Draft draft) {
        String type = draft.type() == null ? rule.getType().name() : draft.type();
        Draft typed = new Draft(type, draft.name(), draft.campaign(), draft.daysBefore(), draft.daysAfter(),
                draft.holidayDate(), draft.eventId(), draft.audience(), draft.offer(), draft.script(),
                draft.advertising(), draft.active());
        List<Violation> violations = new ArrayList<>();
        if (!type.trim().equalsIgnoreCase(rule.getType().name())) {
            violations.add(new Violation("type", "cannot change: this is a " + rule.getType()
                    + " rule; write a new rule for another occasion"));
        } else {
            violations.addAll(violations(typed, facts()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        apply(rule, typed);
        em.flush(); // the answer carries the new version
    }

    public Rule find(long id) {
        Rule rule = em.find(Rule.class, id);
        if (rule == null) {
            throw ProblemException.notFound("There is no after-sales rule " + id);
        }
        return rule;
    }

    public Page<Rule> list(Rule.Type type, String campaign, Boolean active, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            where.append(" AND r.type = :type");
            params.put("type", type);
        }
        if (campaign != null) {
            where.append(" AND r.campaign = :campaign");
            params.put("campaign", Campaigns.normalizeCode(campaign));
        }
        if (active != null) {
            where.append(" AND r.active = :active");
            params.put("active", active);
        }
        return Queries.page(em, Rule.class, "Rule", "r", where, params, page);
    }

    /** The rules by id, for lists that show a rule's name and script next to each task. */
    public Map<Long, Rule> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT r FROM Rule r WHERE r.id IN :ids", Rule.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Rule::getId, r -> r));
    }

    private static void apply(Rule rule, Draft d) {
        Audience audience = d.audience() == null ? new Audience(null, null) : d.audience();
        OfferTerms offer = d.offer();
        rule.describe(d.name(), Campaigns.normalizeCode(d.campaign()), orZero(d.daysBefore()), orZero(d.daysAfter()),
                d.holidayDate(), d.eventId(), blankToNull(audience.tag()), blankToNull(audience.city()),
                offer == null ? null : Rule.OfferKind.valueOf(offer.kind().trim().toUpperCase(Locale.ROOT)),
                offer == null ? null : offer.value().trim(), offer == null ? null : offer.validDays(),
                blankToNull(d.script()), Boolean.TRUE.equals(d.advertising()), d.active() == null || d.active());
    }

    private Facts facts() {
        return new Facts() {
            @Override
            public Optional<CampaignType> campaignType(String code) {
                return campaigns.byCode(code).map(Campaign::getType);
            }

            @Override
            public boolean isHoliday(LocalDate day) {
                return holidays.isHoliday(day);
            }

            @Override
            public boolean eventExists(long id) {
                return em.find(Event.class, id) != null;
            }
        };
    }

    /** Every field of a draft that must change, each with what to change; empty when the rule can be kept. */
    public static List<Violation> violations(Draft d, Facts facts) {
        List<Violation> v = new ArrayList<>();
        Rule.Type type = parse(Rule.Type.class, d.type(), "type", v);
        if (blank(d.name())) {
            v.add(new Violation("name", "is required"));
        } else if (d.name().trim().length() > 300) {
            v.add(new Violation("name", "must be at most 300 characters"));
        }
        if (blank(d.campaign())) {
            v.add(new Violation("campaign", "is required: the code of an AFTER_SALES campaign"));
        } else {
            Optional<CampaignType> campaignType = facts.campaignType(d.campaign());
            if (campaignType.isEmpty()) {
                v.add(new Violation("campaign", "there is no campaign '" + d.campaign().trim() + "'"));
            } else if (campaignType.get() != CampaignType.AFTER_SALES) {
                v.add(new Violation("campaign", "is a " + campaignType.get()
                        + " campaign; after-sales rules call through an AFTER_SALES campaign"));
            }
        }
        days("daysBefore", d.daysBefore(), 0, v);
        days("daysAfter", d.daysAfter(), 0, v);
        if (type != null) {
            byType(type, d, facts, v);
        }
        if (d.audience() != null) {
            longest("audience.tag", d.audience().tag(), 100, v);
            longest("audience.city", d.audience().city(), 200, v);
        }
        if (d.offer() != null) {
            OfferTerms o = d.offer();
            if (blank(o.kind())) {
                v.add(new Violation("offer.kind", "is required: DISCOUNT or GIFT"));
            } else {
                parse(Rule.OfferKind.class, o.kind(), "offer.kind", v);
            }
            if (blank(o.value())) {
                v.add(new Violation("offer.value", "is required: what the contact gets, e.g. \"10%\" or \"a mug\""));
            } else {
                longest("offer.value", o.value().trim(), 200, v);
            }
            if (o.validDays() == null) {
                v.add(new Violation("offer.validDays", "is required: how many days the code stays valid (1-"
                        + MAX_DAYS + ")"));
            } else {
                days("offer.validDays", o.validDays(), 1, v);
            }
        }
        longest("script", d.script(), 20000, v);
        return v;
    }

    private static void byType(Rule.Type type, Draft d, Facts facts, List<Violation> v) {
        if (type == Rule.Type.FOLLOW_UP) {
            if (d.daysAfter() == null || d.daysAfter() < 1) {
                if (d.daysAfter() == null) {
                    v.add(new Violation("daysAfter", "is required for a FOLLOW_UP rule: days after the won deal (1-"
                            + MAX_DAYS + ")"));
                } else if (d.daysAfter() == 0) {
                    v.add(new Violation("daysAfter", "must be at least 1 for a FOLLOW_UP rule"));
                }
            }
            onlyFor("daysBefore", d.daysBefore() != null && d.daysBefore() != 0, type, "BIRTHDAY, HOLIDAY and EVENT", v);
        } else {
            if (d.daysBefore() == null) {
                v.add(new Violation("daysBefore", "is required for a " + type
                        + " rule: how many days before the occasion to call (0-" + MAX_DAYS + ")"));
            }
            onlyFor("daysAfter", d.daysAfter() != null && d.daysAfter() != 0, type, "FOLLOW_UP", v);
        }
        if (type == Rule.Type.HOLIDAY) {
            if (d.holidayDate() == null) {
                v.add(new Violation("holidayDate", "is required for a HOLIDAY rule"));
            } else if (!facts.isHoliday(d.holidayDate())) {
                v.add(new Violation("holidayDate", d.holidayDate() + " is not a holiday in the calendar;"
                        + " add it to the holidays first"));
            }
        } else {
            onlyFor("holidayDate", d.holidayDate() != null, type, "HOLIDAY", v);
        }
        if (type == Rule.Type.EVENT) {
            if (d.eventId() == null) {
                v.add(new Violation("eventId", "is required for an EVENT rule"));
            } else if (!facts.eventExists(d.eventId())) {
                v.add(new Violation("eventId", "there is no event " + d.eventId()));
            }
        } else {
            onlyFor("eventId", d.eventId() != null, type, "EVENT", v);
        }
    }

    private static void onlyFor(String field, boolean given, Rule.Type type, String types, List<Violation> v) {
        if (given) {
            v.add(new Violation(field, "applies only to " + types + " rules, not to a " + type + " rule; leave it out"));
        }
    }

    private static void days(String field, Integer value, int min, List<Violation> v) {
        if (value != null && (value < min || value > MAX_DAYS)) {
            v.add(new Violation(field, "must be between " + min + " and " + MAX_DAYS + " days, got " + value));
        }
    }

    private static void longest(String field, String value, int max, List<Violation> v) {
        if (value != null && value.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<Violation> v) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (blank(value)) {
            v.add(new Violation(field, "is required: one of " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(new Violation(field, "must be one of " + allowed + ", got '" + value + "'"));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
