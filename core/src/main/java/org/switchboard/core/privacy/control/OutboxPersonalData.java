package org.switchboard.core.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.mail.entity.MailMessage;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.TextScrub;

/**
 * The mail outbox keeps e-mails to the person (info e-mails: address, name, what was sent) and e-mails about the
 * person to others (a meeting notice to a manager). Mail addressed to the person is deleted, sent or not (the
 * outbox is a transport, not a record; the call keeps that an e-mail went out); mail to others loses the person's
 * values from subject and body. A merge changes nothing here: the outbox is not kept by contact.
 */
@ApplicationScoped
public class OutboxPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "mail";
    }

    @Override
    public Object export(DataSubject subject) {
        List<Map<String, Object>> mails = new ArrayList<>();
        for (MailMessage mail : mentioning(subject)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", mail.getId());
            row.put("recipients", mail.getRecipients());
            row.put("subject", mail.getSubject());
            row.put("text", mail.getText());
            row.put("state", mail.getState());
            row.put("createdAt", mail.getCreatedAt());
            row.put("sentAt", mail.getSentAt());
            mails.add(row);
        }
        return Map.of("outbox", mails);
    }

    private List<MailMessage> mentioning(DataSubject subject) {
        List<String> markers = subject.markers();
        if (markers.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < markers.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("m.recipients LIKE :p").append(i).append(" ESCAPE '\\'")
                    .append(" OR m.subject LIKE :p").append(i).append(" ESCAPE '\\'")
                    .append(" OR m.text LIKE :p").append(i).append(" ESCAPE '\\'");
        }
        var query = em.createQuery("SELECT m FROM MailMessage m WHERE " + where + " ORDER BY m.createdAt", MailMessage.class);
        for (int i = 0; i < markers.size(); i++) {
            query.setParameter("p" + i, "%" + TextScrub.like(markers.get(i)) + "%");
        }
        return query.getResultList();
    }

    @Override
    public void erase(Erasure erasure) {
        em.flush();
        for (String email : erasure.subject().emails()) {
            String pattern = "%" + TextScrub.like(email) + "%";
            em.createNativeQuery("DELETE FROM core_mail_attachment WHERE mail_id IN (SELECT id FROM core_mail"
                    + " WHERE LOWER(recipients) LIKE :p ESCAPE '\\')").setParameter("p", pattern).executeUpdate();
            em.createNativeQuery("DELETE FROM core_mail WHERE LOWER(recipients) LIKE :p ESCAPE '\\'")
                    .setParameter("p", pattern).executeUpdate();
        }
        TextScrub.scrub(em, "core_mail", List.of("subject", "text_body", "html_body", "last_error"),
                erasure.subject().markers());
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        // the outbox is kept by address, not by contact
    }
}
