package org.switchboard.leads.control.io;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.imports.control.Rejection;
import org.switchboard.core.imports.control.RowImporter;
import org.switchboard.core.imports.control.RowOutcome;
import org.switchboard.core.tabular.Row;
import org.switchboard.leads.control.DoNotCallList;
import org.switchboard.core.phones.PhoneNumbers;

/** Imports do-not-call numbers: {@code number} (or {@code phone}), optional {@code reason} and {@code client_id}. */
public class DncImporter implements RowImporter {

    private final EntityManager em;
    private final DoNotCallList dnc;
    private final String username;

    public DncImporter(EntityManager em, DoNotCallList dnc, String username) {
        this.em = em;
        this.dnc = dnc;
        this.username = username;
    }

    @Override
    public String kind() {
        return "dnc";
    }

    @Override
    public List<List<String>> requiredColumns() {
        return List.of(List.of("number", "phone"));
    }

    @Override
    public List<RowOutcome> process(List<Row> rows, boolean dryRun) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            List<Rejection> problems = new ArrayList<>();
            String column = row.get("number") != null ? "number" : "phone";
            String number = null;
            try {
                number = PhoneNumbers.toE164(row.get("number", "phone"));
            } catch (PhoneNumbers.InvalidNumber e) {
                problems.add(new Rejection(row.line(), column, e.getMessage()));
            }
            Long clientId = null;
            try {
                clientId = Cells.id(row.get("client_id", "client"));
                if (clientId != null && em.find(Client.class, clientId) == null) {
                    problems.add(new Rejection(row.line(), "client_id", "names no client: " + clientId));
                }
            } catch (Cells.BadCell e) {
                problems.add(new Rejection(row.line(), "client_id", e.getMessage()));
            }
            String reason = row.get("reason");
            if (reason != null && reason.length() > 500) {
                problems.add(new Rejection(row.line(), "reason", "must be at most 500 characters long"));
            }
            if (!problems.isEmpty()) {
                outcomes.add(RowOutcome.rejected(row.line(), problems));
            } else if (dryRun) {
                outcomes.add(RowOutcome.imported(row.line()));
            } else {
                boolean created = dnc.add(number, clientId, reason, null, username).created();
                outcomes.add(created ? RowOutcome.imported(row.line()) : RowOutcome.duplicate(row.line()));
            }
        }
        return outcomes;
    }
}
