package org.switchboard.core.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.mail.Mail;
import org.switchboard.core.mail.Outbox;
import org.switchboard.core.mail.control.Recipients;
import org.switchboard.core.mail.entity.MailMessage;
import org.switchboard.core.mail.entity.MailMessage.State;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

@Path("outbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Tag(name = "Outbox", description = "The e-mails Switchboard sends, how their delivery went, and an SMTP check")
public class OutboxResource {

    static final String TEST_CATEGORY = "test";
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "sentAt", "sentAt",
            "nextAttemptAt", "nextAttemptAt", "state", "state", "category", "category");

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** One message in the list, without its bodies. */
    public record MailSummary(long id, List<String> to, String subject, String category, State state, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
        static MailSummary of(MailMessage m) {
            return new MailSummary(m.getId(), Recipients.readable(m.getRecipients()), m.getSubject(), m.getCategory(),
                    m.getState(), m.getAttempts(), m.getNextAttemptAt(), m.getLastError(), m.getCreatedAt(),
                    m.getSentAt());
        }
    }

    /** A file sent with a message: what it is, not its bytes. */
    public record AttachmentView(String fileName, String contentType, long size) {
    }

    public record MailView(long id, List<String> to, String subject, String text, String html, String category,
            State state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
            List<AttachmentView> attachments, long version) {
    }

    /** Where to send the test message. */
    public record TestMail(String to) {
    }

    @GET
    @Operation(summary = "The outbox, newest first; filters state (QUEUED, SENDING, SENT, FAILED) and category "
            + "(ADMIN, SUPERVISOR)")
    public Page<MailSummary> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("state") String state,
            @QueryParam("category") String category) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "-createdAt");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (state != null && !state.isBlank()) {
            where.append(" AND m.state = :state");
            params.put("state", state(state));
        }
        if (category != null && !category.isBlank()) {
            where.append(" AND m.category = :category");
            params.put("category", category.strip());
        }
        return Queries.page(em, MailMessage.class, "MailMessage", "m", where, params, request).map(MailSummary::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One message with its bodies, and its attachments' names and sizes (ADMIN, SUPERVISOR)")
    public MailView get(@PathParam("id") long id) {
        return view(find(id));
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Queue a FAILED message again, with a fresh set of attempts (ADMIN)")
    public MailView retry(@PathParam("id") long id) {
        MailMessage mail = find(id);
        if (mail.getState() != State.FAILED) {
            throw ProblemException.conflict("Message " + id + " is " + mail.getState()
                    + "; only a FAILED message can be retried");
        }
        mail.retry(Instant.now());
        em.flush();
        return view(mail);
    }

    @POST
    @Path("test")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Queue a test message to the given address, to check the SMTP settings (ADMIN); "
            + "watch it in the outbox")
    public Response test(TestMail body, @Context UriInfo uri) {
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw ProblemException.invalid("to", "is required: the address the test message goes to");
        }
        try {
            Recipients.parse(body.to());
        } catch (AddressException e) {
            throw ProblemException.invalid("to", "'" + body.to().strip() + "' is not an e-mail address ("
                    + e.getMessage() + ")");
        }
        Instant now = Instant.now();
        long id = outbox.queue(new Mail(List.of(body.to()), "Switchboard test message",
                "This is a test message from Switchboard, queued by " + caller.username() + " at " + now
                        + ".\nIt arrived, so the mail settings work.\n",
                null, List.of(), TEST_CATEGORY));
        return Response.created(uri.getBaseUriBuilder().path("outbox").path(String.valueOf(id)).build())
                .entity(view(find(id))).build();
    }

    private MailMessage find(long id) {
        MailMessage mail = em.find(MailMessage.class, id);
        if (mail == null) {
            throw ProblemException.notFound("There is no message " + id + " in the outbox");
        }
        return mail;
    }

    private MailView view(MailMessage m) {
        List<AttachmentView> files = em.createQuery("SELECT a.fileName, a.contentType, a.size FROM MailAttachment a"
                + " WHERE a.mailId = :id ORDER BY a.id", Object[].class)
                .setParameter("id", m.getId())
                .getResultStream()
                .map(row -> new AttachmentView((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
        return new MailView(m.getId(), Recipients.readable(m.getRecipients()), m.getSubject(), m.getText(),
                m.getHtml(), m.getCategory(), m.getState(), m.getAttempts(), m.getNextAttemptAt(), m.getLastError(),
                m.getCreatedAt(), m.getSentAt(), files, m.getVersion());
    }

    private static State state(String text) {
        try {
            return State.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "must be one of " + Arrays.toString(State.values()) + ", not '"
                    + text + "'");
        }
    }
}
