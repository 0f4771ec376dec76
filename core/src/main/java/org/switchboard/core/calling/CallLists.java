package org.switchboard.core.calling;

/**
 * Call lists as other modules see them (surveys and after-sales put their contacts on a campaign's list through
 * it). Implemented by the calls module.
 */
public interface CallLists {

    /**
     * Puts a contact's number on a campaign's call list, in the caller's transaction, unless it is there already.
     *
     * @param number E.164, or null for the contact's main number
     * @param source who or what put it there, e.g. {@code aftersales:rule-12}
     * @return the entry's id, new or existing
     */
    long add(String campaignCode, long contactId, String number, String source);

    /**
     * Puts a contact's number on the list for a new occasion: like {@link #add}, but an entry that was worked to its
     * end before (last year's birthday call) is opened again, its attempts counted afresh.
     */
    long enqueue(String campaignCode, long contactId, String number, String source);

    /**
     * Whether {@code username} holds the entry now: the next-call queue gave it to them and their hold has not run
     * out. What an operator may see of an entry (its offer, its script) hangs on this.
     */
    boolean isHeldBy(long entryId, String username);
}
