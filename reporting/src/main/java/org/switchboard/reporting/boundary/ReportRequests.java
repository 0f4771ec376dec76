package org.switchboard.reporting.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.switchboard.core.api.QueryParams;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.security.Caller;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;
import org.switchboard.reporting.control.ReportQuery;

/**
 * Turns a report request into a {@link ReportQuery} the caller may ask: an operator sees only their own figures,
 * a client user only its own client's work — another client's or campaign's id answers 404, as if it did not exist.
 */
@ApplicationScoped
public class ReportRequests {

    static final int MAX_DAYS = 366;

    @Inject
    Caller caller;

    @Inject
    Campaigns campaigns;

    @Inject
    AppClock clock;

    @Inject
    CallCentre callCentre;

    @PersistenceContext
    EntityManager em;

    public ReportQuery query(String from, String to, String operator, String team, String campaign, String client,
            String minTalkSeconds, String longCallSeconds) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "makes the period longer than " + MAX_DAYS + " days; ask for less");
        }
        Integer min = seconds("minTalkSeconds", minTalkSeconds);
        Integer longCall = seconds("longCallSeconds", longCallSeconds);
        if (min != null && longCall != null && longCall <= min) {
            throw ProblemException.invalid("longCallSeconds", "must be greater than minTalkSeconds");
        }
        return new ReportQuery(first, last, operator(operator), blank(team), campaign(campaign), client(client), min,
                longCall);
    }

    /** Whether the caller sees only their own figures: an operator without a supervising role. */
    public boolean onlyOwnFigures() {
        return caller.has(Role.OPERATOR) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN);
    }

    String operator(String written) {
        String operator = blank(written) == null ? null : written.trim().toLowerCase(Locale.ROOT);
        if (onlyOwnFigures()) {
            if (operator != null && !operator.equals(caller.username())) {
                throw ProblemException.forbidden("An operator sees only their own figures");
            }
            return caller.username();
        }
        return operator;
    }

    Long client(String written) {
        Long client = null;
        if (blank(written) != null) {
            try {
                client = Long.valueOf(written.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("client", "must be a client id (a number)");
            }
        }
        if (caller.isRestrictedToClient()) {
            Long own = caller.readScope();
            if (client != null && !client.equals(own)) {
                throw ProblemException.notFound("There is no client " + client);
            }
            return own;
        }
        if (client != null && em.find(Client.class, client) == null) {
            throw ProblemException.notFound("There is no client " + client);
        }
        return client;
    }

    String campaign(String written) {
        if (blank(written) == null) {
            return null;
        }
        Campaign found = campaigns.byCode(written).orElse(null);
        if (found == null || !caller.maySeeClient(found.getClientId())) {
            throw ProblemException.notFound("There is no campaign '" + written.trim() + "'");
        }
        return found.getCode();
    }

    /** A required day of a report: YYYY-MM-DD, or {@code today} — the call-centre day by the application clock. */
    LocalDate day(String name, String value) {
        if (value != null && value.trim().equalsIgnoreCase("today")) {
            return LocalDate.ofInstant(clock.now(), callCentre.zone());
        }
        return date(name, value, true);
    }

    static LocalDate date(String name, String value, boolean required) {
        return required ? QueryParams.requiredDate(name, value) : QueryParams.date(name, value);
    }

    private static Integer seconds(String name, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds < 1 || seconds > 86_400) {
                throw ProblemException.invalid(name, "must be between 1 and 86400 seconds");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number of seconds");
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
