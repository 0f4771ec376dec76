package org.switchboard.calls.info.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.limits.BodyLimit;
import org.switchboard.core.limits.Limits;
import org.switchboard.calls.info.boundary.TemplateBodies.FileView;
import org.switchboard.calls.info.boundary.TemplateBodies.PreviewView;
import org.switchboard.calls.info.boundary.TemplateBodies.TemplateInput;
import org.switchboard.calls.info.boundary.TemplateBodies.TemplateView;
import org.switchboard.calls.info.control.InfoMails;
import org.switchboard.calls.info.control.InfoTemplates;
import org.switchboard.calls.info.control.Placeholders;
import org.switchboard.calls.info.entity.InfoAttachment;
import org.switchboard.calls.info.entity.InfoTemplate;
import org.switchboard.core.api.Checks;
import org.switchboard.core.campaigns.control.CampaignBook;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.entity.Contact;

@Path("campaigns/{campaignId}/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.OPERATOR, Roles.CLIENT})
@Tag(name = "Info e-mail templates", description = "What a campaign sends when an operator promises information")
public class InfoTemplatesResource {

    @Inject
    InfoTemplates templates;

    @Inject
    InfoMails mails;

    @Inject
    CampaignBook campaigns;

    @Inject
    ContactBook contacts;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Create an info e-mail template of the campaign: name, subject, text, optional html, active, "
            + "defaultTemplate; placeholders such as {{contact.firstName}} are checked (400 names an unknown one)")
    public Response create(@PathParam("campaignId") long campaignId, TemplateInput input, @Context UriInfo uri) {
        checks.valid(input);
        Campaign campaign = campaigns.visible(campaignId);
        InfoTemplate template = templates.create(campaign, input.draft(), caller.username(), Instant.now());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(template.getId())).build())
                .entity(TemplateView.of(campaign, template, List.of())).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The campaign's info e-mail templates by name, with their files (without the bytes)")
    public List<TemplateView> list(@PathParam("campaignId") long campaignId) {
        Campaign campaign = campaigns.visible(campaignId);
        List<InfoTemplate> all = templates.of(campaign);
        Map<Long, List<InfoTemplates.FileInfo>> files = templates.files(all.stream().map(InfoTemplate::getId).toList());
        return all.stream().map(t -> TemplateView.of(campaign, t, files.getOrDefault(t.getId(), List.of()))).toList();
    }

    @GET
    @Path("placeholders")
    @Operation(summary = "The placeholders a template may use")
    public List<String> placeholders(@PathParam("campaignId") long campaignId) {
        return Placeholders.KNOWN.stream().map(k -> "{{" + k + "}}").toList();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One info e-mail template of the campaign")
    public TemplateView get(@PathParam("campaignId") long campaignId, @PathParam("id") long id) {
        Campaign campaign = campaigns.visible(campaignId);
        InfoTemplate template = templates.find(campaign, id);
        return TemplateView.of(campaign, template, templates.files(template));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Change a template (all its fields; its files stay); send the version you read (409 when "
            + "someone changed it since). Marking it the default takes the mark off the campaign's previous default")
    public TemplateView update(@PathParam("campaignId") long campaignId, @PathParam("id") long id,
            TemplateInput input) {
        checks.valid(input);
        Campaign campaign = campaigns.visible(campaignId);
        InfoTemplate template = templates.update(campaign, id, input.draft(), input.version(), caller.username(),
                Instant.now());
        return TemplateView.of(campaign, template, templates.files(template));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Delete a template and its files; e-mails already queued keep their copy")
    public Response delete(@PathParam("campaignId") long campaignId, @PathParam("id") long id) {
        templates.delete(campaigns.visible(campaignId), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/attachments/{fileName}")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(value = Limits.TEMPLATE_FILE_BYTES, name = "template file")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Upload a file the template sends along (the body is the file, Content-Type its type); "
            + "replaces a file of the same name. At most 5 MB a file, 10 MB and 10 files a template (413 beyond)")
    public Response putFile(@PathParam("campaignId") long campaignId, @PathParam("id") long id,
            @PathParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body, @Context UriInfo uri) {
        Campaign campaign = campaigns.visible(campaignId);
        InfoTemplate template = templates.find(campaign, id);
        InfoTemplates.Upload upload = templates.putFile(template, fileName, contentType, body, Instant.now());
        FileView view = FileView.of(campaign, upload.file());
        return upload.created() ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("{id}/attachments/{fileName}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Download a template's file")
    public Response getFile(@PathParam("campaignId") long campaignId, @PathParam("id") long id,
            @PathParam("fileName") String fileName) {
        InfoAttachment file = templates.file(templates.find(campaigns.visible(campaignId), id), fileName);
        return Response.ok(file.getContent()).type(file.getContentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + TemplateBodies.Paths.segment(file.getFileName()))
                .build();
    }

    @DELETE
    @Path("{id}/attachments/{fileName}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Delete a template's file")
    public Response deleteFile(@PathParam("campaignId") long campaignId, @PathParam("id") long id,
            @PathParam("fileName") String fileName) {
        templates.deleteFile(templates.find(campaigns.visible(campaignId), id), fileName);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/preview")
    @Transactional
    @Operation(summary = "The template filled for a contact (contactId), as the caller would send it now")
    public PreviewView preview(@PathParam("campaignId") long campaignId, @PathParam("id") long id,
            @QueryParam("contactId") String contactId) {
        Campaign campaign = campaigns.visible(campaignId);
        InfoTemplate template = templates.find(campaign, id);
        Contact contact = contacts.visible(contactId(contactId), caller.readScope());
        String to = InfoMails.firstEmail(contact).orElse(null);
        Placeholders.Letter letter = mails.letter(template, campaign, contact, to, caller.username());
        return new PreviewView(template.getId(), contact.getId(), to, letter.subject(), letter.text(), letter.html(),
                templates.files(template).stream().map(f -> FileView.of(campaign, f)).toList());
    }

    private static long contactId(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("contactId", "is required: the contact to fill the template for");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("contactId", "must be a contact's id (a number)");
        }
    }
}
