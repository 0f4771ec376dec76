package org.switchboard.core.calling;

/**
 * "May this number be called now for this client?" — the one question outbound modules ask. A number
 * on the global do-not-call list, or on the list of that client, may not be called, in any campaign.
 */
public interface CallPermissions {

    /**
     * @param e164Number the number in E.164, e.g. {@code +78124483454}
     * @param clientId   the client whose campaign would call, or null when none applies
     */
    boolean mayCall(String e164Number, Long clientId);
}
