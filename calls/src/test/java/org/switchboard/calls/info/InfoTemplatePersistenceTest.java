package org.switchboard.calls.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.info.entity.InfoAttachment;
import org.switchboard.calls.info.entity.InfoTemplate;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/** Info e-mail templates on the real migrations (core, leads, calls), validated against the mapping. */
class InfoTemplatePersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, InfoTemplate.class, InfoAttachment.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void templatesKeepTheirTextsAndFilesBytesAndOneDefaultPerCampaign(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            Instant now = Instant.parse("2026-11-28T10:00:00Z");
            long campaignId = sessions.fromTransaction(s -> {
                Client client = new Client("Info Client", now);
                s.persist(client);
                s.flush();
                Campaign campaign = new Campaign("INFO-1", CampaignType.OUTBOUND, client.getId(), now);
                campaign.describe("Info campaign", null, null, true);
                s.persist(campaign);
                return campaign.getId();
            });
            byte[] pdf = new byte[300_000];
            for (int i = 0; i < pdf.length; i++) {
                pdf[i] = (byte) (i * 31);
            }
            String html = "<p>Здравствуйте, {{contact.firstName}}</p>".repeat(2000);
            List<Long> ids = sessions.fromTransaction(s -> {
                InfoTemplate first = new InfoTemplate(campaignId, now);
                first.write("Price list", "{{contact.firstName}}, цены", "Text body ".repeat(5000), html, true,
                        "marketer", now);
                first.makeDefault();
                InfoTemplate second = new InfoTemplate(campaignId, now);
                second.write("Brochure", "Brochure", "Text", " ", true, "marketer", now);
                s.persist(first);
                s.persist(second);
                s.flush();
                s.persist(new InfoAttachment(first.getId(), "prices.pdf", "application/pdf", pdf, now));
                return new ArrayList<>(List.of(first.getId(), second.getId()));
            });

            InfoTemplate loaded = sessions.fromSession(s -> s.find(InfoTemplate.class, ids.get(0)));
            assertThat(loaded.getHtml()).isEqualTo(html);
            assertThat(loaded.getText()).hasSize(50_000);
            assertThat(loaded.getSubject()).isEqualTo("{{contact.firstName}}, цены");
            assertThat(loaded.isDefaultTemplate()).isTrue();
            assertThat(loaded.getVersion()).isZero();
            InfoTemplate plain = sessions.fromSession(s -> s.find(InfoTemplate.class, ids.get(1)));
            assertThat(plain.getHtml()).as("a blank HTML body is none").isNull();
            InfoAttachment file = sessions.fromSession(s -> s.createQuery(
                    "SELECT a FROM InfoAttachment a WHERE a.templateId = :t", InfoAttachment.class)
                    .setParameter("t", ids.get(0)).getSingleResult());
            assertThat(file.getContent()).isEqualTo(pdf);
            assertThat(file.getSize()).isEqualTo(300_000);
            assertThat(file.getContentType()).isEqualTo("application/pdf");

            // the database itself refuses a second default in the campaign and a second name
            assertThatThrownBy(() -> sessions.inTransaction(s -> s.find(InfoTemplate.class, ids.get(1)).makeDefault()))
                    .satisfies(e -> violates(e, "calls_info_template_default_uq"));
            assertThatThrownBy(() -> sessions.inTransaction(s -> {
                InfoTemplate twin = new InfoTemplate(campaignId, now);
                twin.write("Price list", "s", "t", null, false, "marketer", now);
                s.persist(twin);
            })).satisfies(e -> violates(e, "calls_info_template_name_uq"));
            assertThatThrownBy(() -> sessions.inTransaction(s -> s.persist(new InfoAttachment(ids.get(0),
                    "prices.pdf", "application/pdf", "x".getBytes(StandardCharsets.UTF_8), now))))
                    .satisfies(e -> violates(e, "calls_info_attachment_name_uq"));

            // moving the mark: off the old default first, then onto the new one
            sessions.inTransaction(s -> {
                s.find(InfoTemplate.class, ids.get(0)).dropDefault();
                s.flush();
                s.find(InfoTemplate.class, ids.get(1)).makeDefault();
            });
            InfoTemplate marked = sessions.fromSession(s -> s.find(InfoTemplate.class, ids.get(1)));
            assertThat(marked.isDefaultTemplate()).isTrue();
            InfoTemplate old = sessions.fromSession(s -> s.find(InfoTemplate.class, ids.get(0)));
            assertThat(old.isDefaultTemplate()).isFalse();
            assertThat(old.getVersion()).isEqualTo(1);

            // deactivating takes the default mark away, as an inactive template is never sent
            sessions.inTransaction(s -> s.find(InfoTemplate.class, ids.get(1))
                    .write("Brochure", "Brochure", "Text", null, false, "supervisor", now));
            InfoTemplate inactive = sessions.fromSession(s -> s.find(InfoTemplate.class, ids.get(1)));
            assertThat(inactive.isDefaultTemplate()).isFalse();
            assertThatThrownBy(() -> sessions.inTransaction(s -> s.find(InfoTemplate.class, ids.get(1)).makeDefault()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static void violates(Throwable thrown, String constraint) {
        assertThat(thrown).isInstanceOf(ConstraintViolationException.class);
        assertThat(((ConstraintViolationException) thrown).getConstraintName()).containsIgnoringCase(constraint);
    }
}
