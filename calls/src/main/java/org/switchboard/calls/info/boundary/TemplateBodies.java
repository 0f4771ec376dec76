package org.switchboard.calls.info.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.switchboard.calls.info.control.InfoTemplates;
import org.switchboard.calls.info.entity.InfoTemplate;
import org.switchboard.core.campaigns.entity.Campaign;

/** The JSON of info e-mail templates. */
public final class TemplateBodies {

    private TemplateBodies() {
    }

    /**
     * A template as written. {@code html} is optional (plain text only without it); {@code active} defaults to
     * true, {@code defaultTemplate} to false; {@code version} is required on PUT.
     */
    public record TemplateInput(
            @NotBlank(message = "is required, e.g. Price list")
            @Size(max = InfoTemplate.MAX_NAME, message = "must be at most 200 characters long") String name,
            @NotBlank(message = "is required, e.g. {{contact.firstName}}, the price list you asked for")
            @Size(max = InfoTemplate.MAX_SUBJECT, message = "must be at most 500 characters long") String subject,
            @NotBlank(message = "is required: every e-mail has a plain-text body")
            @Size(max = InfoTemplate.MAX_BODY, message = "must be at most 100000 characters long") String text,
            @Size(max = InfoTemplate.MAX_BODY, message = "must be at most 100000 characters long") String html,
            Boolean active,
            Boolean defaultTemplate,
            Long version) {

        InfoTemplates.Draft draft() {
            return new InfoTemplates.Draft(name.strip(), subject.strip(), text, html, active == null || active,
                    Boolean.TRUE.equals(defaultTemplate));
        }
    }

    /** A template's file, without its bytes; {@code href} downloads it. */
    public record FileView(String fileName, String contentType, int size, Instant createdAt, String href) {

        static FileView of(Campaign campaign, InfoTemplates.FileInfo f) {
            return new FileView(f.fileName(), f.contentType(), f.size(), f.createdAt(), "/api/campaigns/"
                    + campaign.getId() + "/templates/" + f.templateId() + "/attachments/"
                    + Paths.segment(f.fileName()));
        }
    }

    public record TemplateView(Long id, Long campaignId, String campaign, String name, String subject, String text,
            String html, boolean active, boolean defaultTemplate, List<FileView> attachments, Instant createdAt,
            Instant updatedAt, String updatedBy, long version) {

        static TemplateView of(Campaign campaign, InfoTemplate t, List<InfoTemplates.FileInfo> files) {
            return new TemplateView(t.getId(), campaign.getId(), campaign.getCode(), t.getName(), t.getSubject(),
                    t.getText(), t.getHtml(), t.isActive(), t.isDefaultTemplate(),
                    files.stream().map(f -> FileView.of(campaign, f)).toList(), t.getCreatedAt(), t.getUpdatedAt(),
                    t.getUpdatedBy(), t.getVersion());
        }
    }

    /**
     * The template filled for one contact as the operator previewing it would send it now; {@code to} is the
     * contact's first e-mail address, null when it has none.
     */
    public record PreviewView(Long templateId, Long contactId, String to, String subject, String text, String html,
            List<FileView> attachments) {
    }

    /** Path segments of links. */
    static final class Paths {
        private Paths() {
        }

        static String segment(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
