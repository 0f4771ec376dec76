package org.switchboard.surveys.control;

import java.util.List;
import org.switchboard.leads.entity.Contact;

/** The contact attributes quotas and cross-tabs can use. */
public final class Contacts {

    public static final List<String> ATTRIBUTES = List.of("city", "company", "timeZone");

    private Contacts() {
    }

    /** The attribute's value for a contact, or null. */
    public static String attribute(Contact contact, String attribute) {
        if (contact == null) {
            return null;
        }
        return switch (attribute) {
            case "city" -> contact.getCity();
            case "company" -> contact.getCompanyId() == null ? null : String.valueOf(contact.getCompanyId());
            case "timeZone" -> contact.timeZone() == null ? null : contact.timeZone().getId();
            default -> null;
        };
    }
}
