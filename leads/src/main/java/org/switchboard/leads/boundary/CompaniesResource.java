package org.switchboard.leads.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;
import org.switchboard.leads.control.Inn;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.leads.control.SearchKeys;
import org.switchboard.leads.entity.Company;

@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
@Tag(name = "Companies", description = "Companies the contacts work for")
public class CompaniesResource {

    private static final Map<String, String> SORTABLE = Map.of("name", "searchName", "createdAt", "createdAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    Checks checks;

    /** A company as written; the INN is checked when given; {@code version} is required on update. */
    public record CompanyInput(
            @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters long") String name,
            String inn,
            List<String> phones,
            @Size(max = 300, message = "must be at most 300 characters long") String site,
            @Size(max = 4000, message = "must be at most 4000 characters long") String notes,
            Long version) {
    }

    public record CompanyView(Long id, String name, String inn, List<String> phones, String site, String notes,
            Instant createdAt, long version) {
        static CompanyView of(Company c) {
            return new CompanyView(c.getId(), c.getName(), c.getInn(), c.getPhones(), c.getSite(), c.getNotes(),
                    c.getCreatedAt(), c.getVersion());
        }
    }

    @POST
    @Transactional
    @Operation(summary = "Create a company")
    public Response create(CompanyInput input, @Context UriInfo uri) {
        Company company = new Company(Instant.now());
        describe(company, checks.valid(input));
        em.persist(company);
        em.flush();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(company.getId())).build())
                .entity(CompanyView.of(company)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER})
    @Operation(summary = "Find companies by q (name) or inn")
    public Page<CompanyView> list(@QueryParam("q") String q, @QueryParam("inn") String inn,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "name");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" AND c.searchName LIKE :q");
            params.put("q", "%" + SearchKeys.name(q) + "%");
        }
        if (inn != null && !inn.isBlank()) {
            where.append(" AND c.inn = :inn");
            params.put("inn", inn.trim());
        }
        return Queries.page(em, Company.class, "Company", "c", where, params, request).map(CompanyView::of);
    }

    @GET
    @Transactional
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER})
    @Operation(summary = "One company")
    public CompanyView get(@PathParam("id") long id) {
        return CompanyView.of(find(id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a company; send the version you read")
    public CompanyView update(@PathParam("id") long id, CompanyInput input) {
        checks.valid(input);
        Company company = find(id);
        ProblemException.requireVersion("Company " + id, input.version(), company.getVersion());
        describe(company, input);
        em.flush();
        return CompanyView.of(company);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a company no contact works for")
    public Response delete(@PathParam("id") long id) {
        Company company = find(id);
        long contacts = em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.companyId = :id AND c.deletedAt IS NULL",
                Long.class).setParameter("id", id).getSingleResult();
        if (contacts > 0) {
            throw ProblemException.conflict(contacts + " contact(s) work for company " + id
                    + "; move them to another company first");
        }
        em.createQuery("UPDATE Contact c SET c.companyId = NULL WHERE c.companyId = :id").setParameter("id", id)
                .executeUpdate();
        em.remove(company);
        return Response.noContent().build();
    }

    private void describe(Company company, CompanyInput input) {
        List<Problem.Violation> problems = new ArrayList<>();
        String inn = input.inn() == null || input.inn().isBlank() ? null : input.inn().trim();
        if (inn != null && Inn.problem(inn) != null) {
            problems.add(new Problem.Violation("inn", Inn.problem(inn)));
        }
        List<String> phones = new ArrayList<>();
        List<String> written = input.phones() == null ? List.of() : input.phones();
        for (int i = 0; i < written.size(); i++) {
            try {
                String e164 = PhoneNumbers.toE164(written.get(i));
                if (!phones.contains(e164)) {
                    phones.add(e164);
                }
            } catch (PhoneNumbers.InvalidNumber e) {
                problems.add(new Problem.Violation("phones[" + i + "]", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        company.describe(input.name().trim(), inn, phones, blankToNull(input.site()), blankToNull(input.notes()));
    }

    private Company find(long id) {
        Company company = em.find(Company.class, id);
        if (company == null) {
            throw ProblemException.notFound("There is no company " + id);
        }
        return company;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
