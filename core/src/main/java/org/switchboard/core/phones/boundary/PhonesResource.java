package org.switchboard.core.phones.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.security.Roles;

/**
 * Phone numbers written for people by libphonenumber, so every client (the browser UI above all) shows a number
 * the same way without a phone library of its own. Pure computation: nothing is stored or looked up.
 */
@Path("phones")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Contacts")
public class PhonesResource {

    static final int MAX_NUMBERS = 500;

    /** One number as written, and as libphonenumber reads it; {@code valid} is false for what is not a number. */
    public record PhoneView(String input, boolean valid, String e164, String international, String kind) {
        static PhoneView of(String input) {
            Optional<String> e164 = PhoneNumbers.tryE164(input);
            return e164.map(n -> new PhoneView(input, true, n, PhoneNumbers.international(n), PhoneNumbers.likelyKind(n)))
                    .orElseGet(() -> new PhoneView(input, false, null, null, null));
        }
    }

    @GET
    @Path("format")
    @Operation(summary = "Format up to 500 numbers (repeat ?number=) in the international form, in the order given")
    public List<PhoneView> format(@QueryParam("number") List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            throw ProblemException.badRequest("Give at least one number: /api/phones/format?number=+74951234567");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw ProblemException.badRequest("At most " + MAX_NUMBERS + " numbers per request, got " + numbers.size());
        }
        return numbers.stream().map(n -> PhoneView.of(n == null ? "" : n)).toList();
    }
}
