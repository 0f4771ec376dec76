package org.switchboard.core.audit.control;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.envers.RevisionListener;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.security.Caller;

/** Stamps each revision with the API caller; work outside a request (start-up, timers) is {@code system}. */
public class RevisionAuthor implements RevisionListener {

    public static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revision) {
        ((Revision) revision).setUsername(currentUser());
    }

    private static String currentUser() {
        try {
            Caller caller = CDI.current().select(Caller.class).get();
            return caller.isAuthenticated() ? caller.username() : SYSTEM;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return SYSTEM;
        }
    }
}
