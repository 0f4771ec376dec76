package org.switchboard.calls.outbound.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.imports.control.Rejection;
import org.switchboard.core.imports.control.RowImporter;
import org.switchboard.core.imports.control.RowOutcome;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.tabular.Row;
import org.switchboard.leads.boundary.ContactInput;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.entity.Contact;

/**
 * Imports a call list: {@code phone} (or {@code number}) and, for a number no contact has yet, {@code name} to
 * register the person; optional {@code contact_id}. A number already on the list is a duplicate.
 */
public class ListImporter implements RowImporter {

    private final Campaign campaign;
    private final CallLists lists;
    private final ContactBook contacts;
    private final String username;

    public ListImporter(Campaign campaign, CallLists lists, ContactBook contacts, String username) {
        this.campaign = campaign;
        this.lists = lists;
        this.contacts = contacts;
        this.username = username;
    }

    @Override
    public String kind() {
        return "call-list";
    }

    @Override
    public List<List<String>> requiredColumns() {
        return List.of(List.of("phone", "number"));
    }

    @Override
    public List<RowOutcome> process(List<Row> rows, boolean dryRun) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            String column = row.get("phone") != null ? "phone" : "number";
            String e164;
            try {
                e164 = PhoneNumbers.toE164(row.get("phone", "number"));
            } catch (PhoneNumbers.InvalidNumber e) {
                outcomes.add(RowOutcome.rejected(row.line(), List.of(new Rejection(row.line(), column, e.getMessage()))));
                continue;
            }
            Contact contact = contacts.holders(Set.of(e164), Set.of(), null).stream().filter(Contact::isActive)
                    .findFirst().orElse(null);
            String name = row.get("name", "full_name");
            if (contact == null && (name == null || name.isBlank())) {
                outcomes.add(RowOutcome.rejected(row.line(), List.of(new Rejection(row.line(), "name",
                        "no contact has " + e164 + "; give a name to register one"))));
                continue;
            }
            if (dryRun) {
                outcomes.add(RowOutcome.imported(row.line()));
                continue;
            }
            if (contact == null) {
                contact = contacts.create(new ContactInput(name.trim(), List.of(new ContactInput.PhoneInput(e164, null)),
                        List.of(), null, null, null, null, null, List.of(), campaign.getCode(), null, false, username,
                        null, null), true, username);
            }
            boolean added = lists.addNumber(campaign, contact, e164, "import:" + username);
            outcomes.add(added ? RowOutcome.imported(row.line()) : RowOutcome.duplicate(row.line()));
        }
        return outcomes;
    }
}
