package org.switchboard.calls.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.calls.control.DayChain;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;

/**
 * The chain of the PBX's call records: verify the stored records against their day seals, and read the seals with
 * their history. Rooted at {@code integrity} beside core's {@code integrity/changes}: a request for
 * {@code integrity/changes} matches that root's longer literal path first, so both answer.
 */
@Path("integrity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
@Tag(name = "Integrity", description = "The tamper trail and the chain of the PBX's call records")
public class ChainResource {

    static final int MAX_DAYS = 366;

    @Inject
    DayChain chain;

    /** A verification over days: ok when every day is OK. */
    public record Verification(LocalDate from, LocalDate to, boolean ok, List<DayChain.Verified> days,
            List<LocalDate> changedDays) {
    }

    /** One seal as stored. */
    public record SealView(int revision, long records, String recordsHash, String chainHash, LocalDate previousDay,
            Instant sealedAt, String reason) {

        static SealView of(DayChain.Stored s) {
            return new SealView(s.revision(), s.records(), s.recordsHash(), s.chainHash(), s.previousDay(), s.sealedAt(),
                    s.reason());
        }
    }

    /** A day's current seal and every seal it had, oldest first (the current one last). */
    public record DayView(LocalDate date, long records, String recordsHash, String chainHash, LocalDate previousDay,
            int revision, Instant sealedAt, String reason, List<SealView> history) {
    }

    public record Days(LocalDate from, LocalDate to, List<DayView> days) {
    }

    @GET
    @Path("verify")
    @Operation(summary = "Hash each call-centre day's PBX records as stored now and compare with the day's seal"
            + " (from, to: YYYY-MM-DD, at most 366 days): status OK, CHANGED (changed outside the application) or UNSEALED")
    public Verification verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        range(first, last);
        List<DayChain.Verified> days = chain.verify(first, last);
        List<LocalDate> changed = days.stream().filter(d -> d.status() == DayChain.Status.CHANGED)
                .map(DayChain.Verified::date).toList();
        boolean ok = days.stream().allMatch(d -> d.status() == DayChain.Status.OK);
        return new Verification(first, last, ok, days, changed);
    }

    @GET
    @Path("days")
    @Operation(summary = "The stored day seals of the PBX records (from, to: YYYY-MM-DD, at most 366 days), each with"
            + " every earlier seal of the day and why it changed")
    public Days days(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        range(first, last);
        List<DayView> days = new ArrayList<>();
        chain.history(first, last).forEach((s, versions) -> days.add(new DayView(s.day(), s.records(), s.recordsHash(),
                s.chainHash(), s.previousDay(), s.revision(), s.sealedAt(), s.reason(),
                versions.stream().map(SealView::of).toList())));
        return new Days(first, last, days);
    }

    private static void range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ProblemException.invalid("to", "must be at most " + MAX_DAYS + " days after from (inclusive)");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required: a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
    }
}
