package org.switchboard.calls.outbound.control;

import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.leads.entity.Contact;

/**
 * A module's say on whom the next-call queue offers: modules built on calls (surveys with their quotas) implement
 * it; the queue skips a contact any of them vetoes.
 */
public interface OfferVeto {

    boolean vetoes(Campaign campaign, Contact contact);
}
