package org.switchboard.aftersales.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.boundary.AftersalesBodies.OfferView;
import org.switchboard.aftersales.control.Offers;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

/** One-time offer codes: looked up and redeemed, once. */
@Path("aftersales/offers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
@Tag(name = "After-sales")
public class OffersResource {

    @Inject
    Offers offers;

    @Inject
    Caller caller;

    @GET
    @Path("{code}")
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "An offer by its code: kind, value, valid until, the contact, and whether it was redeemed")
    public OfferView get(@PathParam("code") String code) {
        return OfferView.of(offers.find(code));
    }

    @POST
    @Path("{code}/redeem")
    @Transactional
    @Operation(summary = "Redeem a code: once only (a second redemption is 409), and not after its valid-until day"
            + " in the call centre's zone (409); an unknown code is 404")
    public OfferView redeem(@PathParam("code") String code) {
        Offers.Redeemed redeemed = offers.redeem(code, caller.username());
        return OfferView.of(redeemed.offer());
    }
}
