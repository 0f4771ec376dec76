package org.switchboard.core.clients.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

@Path("clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Clients", description = "The companies whose campaigns the call centre runs")
public class ClientsResource {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    public record ClientView(Long id, String name, String contactEmail, String notes, boolean active,
            Instant createdAt, long version) {
        static ClientView of(Client c) {
            return new ClientView(c.getId(), c.getName(), c.getContactEmail(), c.getNotes(), c.isActive(),
                    c.getCreatedAt(), c.getVersion());
        }
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a client (ADMIN)")
    public Response create(ClientInput input, @Context UriInfo uri) {
        checks.valid(input);
        String name = input.name().trim();
        requireFreeName(name, null);
        Client client = new Client(name, Instant.now());
        client.describe(name, blankToNull(input.contactEmail()), blankToNull(input.notes()),
                input.active() == null || input.active());
        em.persist(client);
        em.flush();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(client.getId())).build())
                .entity(ClientView.of(client)).build();
    }

    @GET
    @Operation(summary = "List clients; a CLIENT user sees only its own")
    public Page<ClientView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("q") String q) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "name");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (caller.isRestrictedToClient()) {
            where.append(" AND c.id = :own");
            params.put("own", caller.readScope());
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND LOWER(c.name) LIKE :q");
            params.put("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
        }
        return Queries.page(em, Client.class, "Client", "c", where, params, request).map(ClientView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One client; a CLIENT user may read only its own")
    public ClientView get(@PathParam("id") long id) {
        caller.requireClient(id);
        return ClientView.of(find(id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a client (ADMIN); send the version you read")
    public ClientView update(@PathParam("id") long id, ClientInput input) {
        checks.valid(input);
        Client client = find(id);
        ProblemException.requireVersion("Client '" + client.getName() + "'", input.version(), client.getVersion());
        String name = input.name().trim();
        requireFreeName(name, id);
        client.describe(name, blankToNull(input.contactEmail()), blankToNull(input.notes()),
                input.active() == null ? client.isActive() : input.active());
        em.flush();
        return ClientView.of(client);
    }

    private Client find(long id) {
        Client client = em.find(Client.class, id);
        if (client == null) {
            throw ProblemException.notFound("There is no client " + id);
        }
        return client;
    }

    private void requireFreeName(String name, Long exceptId) {
        em.createQuery("SELECT c FROM Client c WHERE LOWER(c.name) = :n", Client.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT))
                .getResultStream()
                .filter(c -> !c.getId().equals(exceptId))
                .findFirst()
                .ifPresent(c -> {
                    throw ProblemException.conflict("A client named '" + c.getName() + "' exists",
                            Map.of("id", c.getId(), "href", "/api/clients/" + c.getId()));
                });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
