package org.switchboard.calls.info.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.calls.info.entity.InfoAttachment;
import org.switchboard.calls.info.entity.InfoTemplate;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.mail.control.MailChecks;

/**
 * A campaign's info e-mail templates and their files, with the rules that need the database: one name per
 * campaign, one default per campaign, the files' size limits, and which template a campaign sends.
 */
@ApplicationScoped
public class InfoTemplates {

    /** One file may be this large: a price list or a brochure, not a catalogue. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    /** All files of a template together: what the outbox takes for one message. */
    public static final int MAX_TOTAL_BYTES = MailChecks.MAX_ATTACHMENT_BYTES;

    public static final int MAX_FILES = 10;

    @PersistenceContext
    EntityManager em;

    /** A template as its author writes it. */
    public record Draft(String name, String subject, String text, String html, boolean active,
            boolean defaultTemplate) {
    }

    /** A file as views list it, without its bytes. */
    public record FileInfo(Long templateId, String fileName, String contentType, int size, Instant createdAt) {
    }

    /** What a file upload did. */
    public record Upload(FileInfo file, boolean created) {
    }

    public InfoTemplate create(Campaign campaign, Draft draft, String username, Instant now) {
        check(campaign, null, draft);
        InfoTemplate template = new InfoTemplate(campaign.getId(), now);
        write(campaign, template, draft, username, now);
        em.persist(template);
        em.flush();
        return template;
    }

    public InfoTemplate update(Campaign campaign, long id, Draft draft, Long version, String username, Instant now) {
        InfoTemplate template = find(campaign, id);
        ProblemException.requireVersion("Template '" + template.getName() + "'", version, template.getVersion());
        check(campaign, template.getId(), draft);
        write(campaign, template, draft, username, now);
        // written now, so that the answer carries the version the change made
        em.flush();
        return template;
    }

    public void delete(Campaign campaign, long id) {
        InfoTemplate template = find(campaign, id);
        em.createQuery("DELETE FROM InfoAttachment a WHERE a.templateId = :t").setParameter("t", template.getId())
                .executeUpdate();
        em.remove(template);
    }

    /** The campaign's template {@code id}; 404 when there is none, or it belongs to another campaign. */
    public InfoTemplate find(Campaign campaign, long id) {
        InfoTemplate template = em.find(InfoTemplate.class, id);
        if (template == null || !template.getCampaignId().equals(campaign.getId())) {
            throw ProblemException.notFound("Campaign " + campaign.getCode() + " has no template " + id);
        }
        return template;
    }

    public List<InfoTemplate> of(Campaign campaign) {
        return em.createQuery("SELECT t FROM InfoTemplate t WHERE t.campaignId = :c ORDER BY t.name, t.id",
                InfoTemplate.class).setParameter("c", campaign.getId()).getResultList();
    }

    /**
     * The template the campaign sends: the one marked default, else the only active one. Empty when it has no
     * active template.
     *
     * @throws ProblemException 400 when several are active and none is the default, so none can be chosen
     */
    public Optional<InfoTemplate> toSend(Campaign campaign) {
        List<InfoTemplate> active = em.createQuery("SELECT t FROM InfoTemplate t WHERE t.campaignId = :c "
                + "AND t.active = true ORDER BY t.id", InfoTemplate.class)
                .setParameter("c", campaign.getId()).getResultList();
        Optional<InfoTemplate> marked = active.stream().filter(InfoTemplate::isDefaultTemplate).findFirst();
        if (marked.isPresent() || active.size() <= 1) {
            return marked.or(() -> active.stream().findFirst());
        }
        throw ProblemException.badRequest("Campaign " + campaign.getCode() + " has " + active.size()
                + " active info e-mail templates and none is the default: mark one as the default "
                + "(defaultTemplate) or deactivate the others");
    }

    /** The files of templates, without their bytes, by template id and then by name. */
    public Map<Long, List<FileInfo>> files(Collection<Long> templateIds) {
        if (templateIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a.templateId, a.fileName, a.contentType, a.size, a.createdAt "
                + "FROM InfoAttachment a WHERE a.templateId IN :ids ORDER BY a.fileName", Object[].class)
                .setParameter("ids", templateIds).getResultStream()
                .map(r -> new FileInfo((Long) r[0], (String) r[1], (String) r[2], (Integer) r[3], (Instant) r[4]))
                .collect(Collectors.groupingBy(FileInfo::templateId, Collectors.toList()));
    }

    public List<FileInfo> files(InfoTemplate template) {
        return files(List.of(template.getId())).getOrDefault(template.getId(), List.of());
    }

    /** The files with their bytes, for sending. */
    public List<InfoAttachment> attachments(InfoTemplate template) {
        return em.createQuery("SELECT a FROM InfoAttachment a WHERE a.templateId = :t ORDER BY a.fileName",
                InfoAttachment.class).setParameter("t", template.getId()).getResultList();
    }

    public InfoAttachment file(InfoTemplate template, String fileName) {
        return attachment(template, fileName).orElseThrow(() -> ProblemException.notFound(
                "Template '" + template.getName() + "' has no file '" + fileName + "'"));
    }

    /**
     * Stores an upload as the template's file {@code fileName}, replacing one of that name. Reads at most one byte
     * more than a file may have, so an oversized upload is refused without being held in memory.
     */
    public Upload putFile(InfoTemplate template, String fileName, String contentType, InputStream body, Instant now) {
        String name = fileName(fileName);
        String type = contentType(contentType);
        byte[] content;
        try {
            content = body == null ? new byte[0] : body.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge("A file may have at most " + MAX_FILE_BYTES + " bytes (5 MB)");
        }
        if (content.length == 0) {
            throw ProblemException.badRequest("The file '" + name + "' is empty");
        }
        List<FileInfo> others = files(template).stream().filter(f -> !f.fileName().equals(name)).toList();
        long othersBytes = others.stream().mapToLong(FileInfo::size).sum();
        if (othersBytes + content.length > MAX_TOTAL_BYTES) {
            throw tooLarge("The files of a template may have at most " + MAX_TOTAL_BYTES + " bytes (10 MB) "
                    + "together; the others have " + othersBytes + " and this one " + content.length);
        }
        Optional<InfoAttachment> existing = attachment(template, name);
        if (existing.isEmpty() && others.size() >= MAX_FILES) {
            throw ProblemException.conflict("A template may have at most " + MAX_FILES + " files; delete one first");
        }
        InfoAttachment file = existing.orElse(null);
        if (file == null) {
            file = new InfoAttachment(template.getId(), name, type, content, now);
            em.persist(file);
        } else {
            file.replace(type, content, now);
        }
        return new Upload(new FileInfo(template.getId(), name, type, content.length, now), existing.isEmpty());
    }

    public void deleteFile(InfoTemplate template, String fileName) {
        em.remove(file(template, fileName));
    }

    private Optional<InfoAttachment> attachment(InfoTemplate template, String fileName) {
        return em.createQuery("SELECT a FROM InfoAttachment a WHERE a.templateId = :t AND a.fileName = :n",
                InfoAttachment.class).setParameter("t", template.getId()).setParameter("n", fileName)
                .getResultStream().findFirst();
    }

    private void check(Campaign campaign, Long self, Draft draft) {
        List<Problem.Violation> problems = new ArrayList<>();
        if (draft.subject().chars().anyMatch(c -> c == '\n' || c == '\r')) {
            problems.add(new Problem.Violation("subject", "must be one line"));
        }
        for (String p : Placeholders.problems(draft.subject())) {
            problems.add(new Problem.Violation("subject", p));
        }
        for (String p : Placeholders.problems(draft.text())) {
            problems.add(new Problem.Violation("text", p));
        }
        for (String p : Placeholders.problems(draft.html())) {
            problems.add(new Problem.Violation("html", p));
        }
        if (draft.defaultTemplate() && !draft.active()) {
            problems.add(new Problem.Violation("defaultTemplate", "cannot be true for an inactive template: "
                    + "the default is the one the campaign sends"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        String name = draft.name().toLowerCase(Locale.ROOT);
        of(campaign).stream().filter(t -> !t.getId().equals(self))
                .filter(t -> t.getName().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                .ifPresent(t -> {
                    throw ProblemException.conflict("Campaign " + campaign.getCode() + " already has a template named '"
                            + t.getName() + "'", Map.of("id", t.getId(), "href", "/api/campaigns/" + campaign.getId()
                            + "/templates/" + t.getId()));
                });
    }

    /**
     * Writes the draft into the template. The campaign's previous default loses its mark first, and that is
     * flushed before this one gets it: the unique key on the mark would refuse the two in one flush.
     */
    private void write(Campaign campaign, InfoTemplate template, Draft draft, String username, Instant now) {
        if (draft.defaultTemplate()) {
            List<InfoTemplate> marked = of(campaign).stream()
                    .filter(t -> t != template && t.isDefaultTemplate()).toList();
            if (!marked.isEmpty()) {
                marked.forEach(InfoTemplate::dropDefault);
                em.flush();
            }
        }
        template.write(draft.name(), draft.subject(), draft.text(), draft.html(), draft.active(), username, now);
        if (draft.defaultTemplate()) {
            template.makeDefault();
        } else {
            template.dropDefault();
        }
    }

    static String fileName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty() || name.length() > MailChecks.MAX_FILE_NAME) {
            throw ProblemException.invalid("fileName", "must be 1 to " + MailChecks.MAX_FILE_NAME + " characters");
        }
        if (name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\' || c == '"')) {
            throw ProblemException.invalid("fileName", "must be a plain file name such as price-list.pdf, without "
                    + "folders, quotes or control characters");
        }
        return name;
    }

    static String contentType(String given) {
        if (given == null || given.isBlank()) {
            throw ProblemException.invalid("Content-Type", "is required: the file's type, e.g. application/pdf");
        }
        String type = given.strip();
        if (type.length() > 255 || !type.matches("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?")) {
            throw ProblemException.invalid("Content-Type", "'" + type + "' is not a MIME type like application/pdf");
        }
        return type;
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "File too large", detail, List.of(), null);
    }
}
