package org.switchboard.aftersales.boundary;

import org.switchboard.core.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.control.AftersalesReport;
import org.switchboard.core.security.Roles;

/** How each after-sales rule did over a period of call days. */
@Path("aftersales/report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN})
@Tag(name = "After-sales")
public class AftersalesReportResource {

    @Inject
    AftersalesReport report;

    @GET
    @Transactional
    @Operation(summary = "Per rule over tasks whose call day is in from..to (both required): tasks, reached (REACHED,"
            + " ACCEPTED, DECLINED), notReached (NOT_REACHED, or OPEN with every attempt used), accepted, declined,"
            + " open, closed, offersRedeemed; and totals")
    public AftersalesReport.Report get(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate fromDay = QueryParams.requiredDate("from", from);
        LocalDate toDay = QueryParams.requiredDate("to", to);
        QueryParams.period(fromDay, toDay);
        return report.between(fromDay, toDay);
    }
}
