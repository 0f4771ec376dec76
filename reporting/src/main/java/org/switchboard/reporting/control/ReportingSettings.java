package org.switchboard.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.reporting.entity.DigestRecipient;
import org.switchboard.reporting.entity.ReportingSettingsRow;

/**
 * Reporting's settings as the QA sample and the daily digest read them: {@link #current()} is one consistent value.
 * The digest recipients belong to the settings, so changing only them is an edit of the settings too (the version
 * moves).
 */
@ApplicationScoped
public class ReportingSettings {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext
    EntityManager em;

    protected ReportingSettings() {
    }

    /** For use outside a container, e.g. over a Hibernate session in tests. */
    public ReportingSettings(EntityManager em) {
        this.em = em;
    }

    /**
     * The settings.
     *
     * @param recipients client id → the addresses that receive that client's digest (clients in id order, addresses
     *                   sorted)
     */
    public record Values(int qaSampleSize, LocalTime digestTime, boolean digestEnabled,
            Map<Long, List<String>> recipients, long version) {

        public Values {
            recipients = java.util.Collections.unmodifiableMap(new TreeMap<>(recipients));
        }

        public List<String> recipientsOf(long clientId) {
            return recipients.getOrDefault(clientId, List.of());
        }
    }

    public Values current() {
        ReportingSettingsRow row = row();
        Map<Long, List<String>> recipients = new TreeMap<>();
        em.createQuery("SELECT r FROM DigestRecipient r ORDER BY r.clientId, r.email", DigestRecipient.class)
                .getResultList()
                .forEach(r -> recipients.computeIfAbsent(r.getClientId(), k -> new ArrayList<>()).add(r.getEmail()));
        recipients.replaceAll((client, emails) -> List.copyOf(emails));
        return new Values(row.getQaSampleSize(), row.getDigestTime(), row.isDigestEnabled(), recipients,
                row.getVersion());
    }

    /** One client's addresses as sent. */
    public record Recipients(Long clientId, List<String> emails) {
    }

    /**
     * Replaces the settings and the whole list of recipients. Addresses are trimmed, lower-cased and kept once per client; a client
     * with no addresses simply has none. The caller has checked the version it was sent.
     */
    public Values change(int qaSampleSize, LocalTime digestTime, boolean digestEnabled, List<Recipients> recipients) {
        Map<Long, Set<String>> wanted = checked(recipients);
        ReportingSettingsRow row = row();
        boolean changed = row.change(qaSampleSize, digestTime, digestEnabled);

        Set<DigestRecipient.Key> keep = new HashSet<>();
        wanted.forEach((client, emails) -> emails.forEach(e -> keep.add(new DigestRecipient.Key(client, e))));
        Set<DigestRecipient.Key> existing = new HashSet<>();
        boolean recipientsChanged = false;
        for (DigestRecipient r : em.createQuery("SELECT r FROM DigestRecipient r", DigestRecipient.class)
                .getResultList()) {
            existing.add(r.key());
            if (!keep.contains(r.key())) {
                em.remove(r);
                recipientsChanged = true;
            }
        }
        for (Map.Entry<Long, Set<String>> entry : wanted.entrySet()) {
            for (String email : entry.getValue()) {
                if (!existing.contains(new DigestRecipient.Key(entry.getKey(), email))) {
                    em.persist(new DigestRecipient(entry.getKey(), email));
                    recipientsChanged = true;
                }
            }
        }
        if (recipientsChanged && !changed) {
            em.lock(row, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        return current();
    }

    private Map<Long, Set<String>> checked(List<Recipients> recipients) {
        List<Problem.Violation> violations = new ArrayList<>();
        Map<Long, Set<String>> wanted = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipients entry = recipients.get(i);
            String at = "recipients[" + i + "]";
            if (entry == null) {
                violations.add(new Problem.Violation(at, "must be {\"clientId\":…, \"emails\":[…]}"));
                continue;
            }
            if (entry.clientId() == null) {
                violations.add(new Problem.Violation(at + ".clientId", "is required"));
            } else if (wanted.containsKey(entry.clientId())) {
                violations.add(new Problem.Violation(at + ".clientId", "is listed twice; give each client one entry"));
            } else if (em.find(Client.class, entry.clientId()) == null) {
                violations.add(new Problem.Violation(at + ".clientId", "is not a client"));
            }
            if (entry.emails() == null) {
                violations.add(new Problem.Violation(at + ".emails", "is required (an empty list sends nothing)"));
                continue;
            }
            Set<String> emails = new LinkedHashSet<>();
            for (int j = 0; j < entry.emails().size(); j++) {
                String email = entry.emails().get(j) == null ? "" : entry.emails().get(j).trim();
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    violations.add(new Problem.Violation(at + ".emails[" + j + "]",
                            "is not an e-mail address, e.g. manager@example.com"));
                } else {
                    emails.add(email.toLowerCase(Locale.ROOT));
                }
            }
            if (entry.clientId() != null && !wanted.containsKey(entry.clientId())) {
                wanted.put(entry.clientId(), emails);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return wanted;
    }

    private ReportingSettingsRow row() {
        ReportingSettingsRow row = em.find(ReportingSettingsRow.class, ReportingSettingsRow.SINGLETON);
        if (row == null) {
            throw new IllegalStateException("reporting_settings has no row 1; the reporting migration seeds it");
        }
        return row;
    }
}
