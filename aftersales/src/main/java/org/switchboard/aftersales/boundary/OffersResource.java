package org.switchboard.aftersales.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.boundary.AftersalesBodies.OfferView;
import org.switchboard.aftersales.control.Offers;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.core.api.QueryParams;
import org.switchboard.core.calling.CallLists;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

/**
 * One-time offer codes: looked up and redeemed, once. An operator reaches a code only through the call-list entry they
 * hold (taken with the next-call queue): {@code entry} is required and the code must be that entry's offer.
 */
@Path("aftersales/offers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
@Tag(name = "After-sales")
public class OffersResource {

    @Inject
    Offers offers;

    @Inject
    Caller caller;

    @Inject
    CallLists lists;

    @GET
    @Path("{code}")
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "An offer by its code: kind, value, valid until, the contact, and whether it was redeemed;"
            + " an OPERATOR names the entry they hold (entry=), and the code must be its offer (404 otherwise)")
    public OfferView get(@PathParam("code") String code, @QueryParam("entry") String entry) {
        return OfferView.of(visible(code, entry));
    }

    @POST
    @Path("{code}/redeem")
    @Transactional
    @Operation(summary = "Redeem a code: once only (a second redemption is 409), and not after its valid-until day"
            + " in the call centre's zone (409); an unknown code is 404. An OPERATOR names the entry they hold"
            + " (entry=, 403 when they do not hold it) and the code must be that entry's offer (404 otherwise)")
    public OfferView redeem(@PathParam("code") String code, @QueryParam("entry") String entry) {
        Offers.Redeemed redeemed = offers.redeem(visible(code, entry).getCode(), caller.username());
        return OfferView.of(redeemed.offer());
    }

    /** The offer as the caller may reach it: through the entry named, which an operator must hold. */
    private Offer visible(String code, String entry) {
        Long entryId = QueryParams.id("entry", entry);
        if (caller.isOnlyOperator()) {
            if (entryId == null) {
                throw ProblemException.invalid("entry", "is required: the call-list entry you hold (an operator sees"
                        + " an offer only on the entry being worked)");
            }
            requireHeld(lists, caller, entryId);
        }
        return entryId == null ? offers.find(code) : offers.onEntry(code, entryId);
    }

    /** Refuses (403) an operator who does not hold the entry now. */
    static void requireHeld(CallLists lists, Caller caller, long entryId) {
        if (!lists.isHeldBy(entryId, caller.username())) {
            throw ProblemException.forbidden("You do not hold list entry " + entryId + ": an operator sees the offer"
                    + " and script of the entry the next-call queue gave them, while they hold it");
        }
    }
}
