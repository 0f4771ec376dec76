package org.switchboard.core.audit.control;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.envers.RevisionListener;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.security.Caller;

/**
 * Stamps each revision with the API caller. Work done for a caller outside its request (a background
 * import) runs inside {@link #runAs}; anything else outside a request (start-up, timers) is {@code system}.
 */
public class RevisionAuthor implements RevisionListener {

    public static final String SYSTEM = "system";
    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    @Override
    public void newRevision(Object revision) {
        ((Revision) revision).setUsername(currentUser());
    }

    /** Runs work on behalf of a user on this thread, so its changes are audited under their name. */
    public static void runAs(String username, Runnable work) {
        String previous = ACTING.get();
        ACTING.set(username);
        try {
            work.run();
        } finally {
            if (previous == null) {
                ACTING.remove();
            } else {
                ACTING.set(previous);
            }
        }
    }

    /** Who is acting now: the user a background job runs for, the API caller, or {@code system}. */
    public static String current() {
        return currentUser();
    }

    private static String currentUser() {
        String acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        try {
            Caller caller = CDI.current().select(Caller.class).get();
            return caller.isAuthenticated() ? caller.username() : SYSTEM;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return SYSTEM;
        }
    }
}
