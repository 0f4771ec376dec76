package org.switchboard.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.Problem.Violation;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.mail.control.MailChecks;
import org.switchboard.core.mail.control.Recipients;

/** What the outbox accepts, and how it names what it refuses. */
class MailChecksTest {

    private static Mail mail(List<String> to) {
        return new Mail(to, "Daily digest", "Calls: 42", null, null, "digest");
    }

    private static List<Violation> violations(Mail mail) {
        try {
            MailChecks.check(mail);
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.violations();
        }
        throw new AssertionError("expected the mail to be refused");
    }

    @Test
    void addressesAreNormalisedIntoOneHeaderValue() {
        MailChecks.Checked checked = MailChecks.check(mail(List.of(" ivan@example.com ",
                "Olga Sidorova <olga@example.com>", "\"Petrov, Ivan\" <petrov@example.com>")));
        assertThat(checked.recipients())
                .isEqualTo("ivan@example.com, Olga Sidorova <olga@example.com>, \"Petrov, Ivan\" <petrov@example.com>");
        assertThat(Recipients.readable(checked.recipients())).containsExactly("ivan@example.com",
                "Olga Sidorova <olga@example.com>", "\"Petrov, Ivan\" <petrov@example.com>");
    }

    @Test
    void aDisplayNameOutsideAsciiIsStoredEncodedAndReadBackAsWritten() {
        MailChecks.Checked checked = MailChecks.check(mail(List.of("Иван Петров <ivan@example.com>")));
        assertThat(checked.recipients()).startsWith("=?UTF-8?").endsWith("<ivan@example.com>")
                .matches(s -> s.chars().allMatch(c -> c < 128), "is ASCII");
        assertThat(Recipients.readable(checked.recipients())).containsExactly("\"Иван Петров\" <ivan@example.com>");
    }

    @Test
    void everyBadAddressIsNamedByItsPosition() {
        assertThat(violations(mail(Arrays.asList("ok@example.com", "not an address", "x@", " ", null,
                "a@example.com, b@example.com"))))
                .extracting(Violation::field)
                .containsExactly("to[1]", "to[2]", "to[3]", "to[4]", "to[5]");
        assertThat(violations(mail(List.of("nobody")))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("'nobody' is not an e-mail address"));
        assertThat(violations(mail(List.of()))).extracting(Violation::field).containsExactly("to");
        assertThat(violations(mail(null))).extracting(Violation::field).containsExactly("to");
        assertThat(violations(mail(Collections.nCopies(51, "a@example.com"))))
                .extracting(Violation::message).containsExactly("must have at most 50 addresses");
    }

    @Test
    void subjectAndTextAreRequiredAndBounded() {
        assertThat(violations(new Mail(List.of("a@example.com"), " ", null, null, null, null)))
                .extracting(Violation::field).containsExactly("subject", "text");
        assertThat(violations(new Mail(List.of("a@example.com"), "Two\nlines", "x", null, null, null)))
                .extracting(Violation::message).containsExactly("must be one line, without control characters");
        assertThat(violations(new Mail(List.of("a@example.com"), "s".repeat(501), "t".repeat(1_000_001),
                "h".repeat(1_000_001), null, null))).extracting(Violation::field)
                .containsExactly("subject", "text", "html");
    }

    @Test
    void blankOptionalPartsBecomeAbsent() {
        MailChecks.Checked checked = MailChecks.check(new Mail(List.of("a@example.com"), "  Report ", "Body", " ",
                null, "  "));
        assertThat(checked.subject()).isEqualTo("Report");
        assertThat(checked.html()).isNull();
        assertThat(checked.category()).isNull();
        assertThat(checked.attachments()).isEmpty();
    }

    @Test
    void aCategoryIsAShortLowerCaseWord() {
        assertThat(MailChecks.check(new Mail(List.of("a@example.com"), "s", "t", null, null, "daily-digest.v2"))
                .category()).isEqualTo("daily-digest.v2");
        assertThat(violations(new Mail(List.of("a@example.com"), "s", "t", null, null, "Daily Digest")))
                .extracting(Violation::field).containsExactly("category");
    }

    @Test
    void attachmentsNeedANameAndBytesAndFitTheLimits() {
        byte[] csv = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        MailChecks.Checked checked = MailChecks.check(new Mail(List.of("a@example.com"), "s", "t", null,
                List.of(new Mail.Attachment(" report.csv ", "text/csv; charset=UTF-8", csv),
                        new Mail.Attachment("data.bin", null, new byte[0])), null));
        assertThat(checked.attachments()).extracting(Mail.Attachment::fileName).containsExactly("report.csv", "data.bin");
        assertThat(checked.attachments()).extracting(Mail.Attachment::contentType)
                .containsExactly("text/csv; charset=UTF-8", "application/octet-stream");

        assertThat(violations(new Mail(List.of("a@example.com"), "s", "t", null, Arrays.asList(
                new Mail.Attachment("", "text/csv", csv),
                new Mail.Attachment("../etc/passwd", "text/plain", csv),
                new Mail.Attachment("a.csv", "not a type", csv),
                new Mail.Attachment("b.csv", "text/csv", null),
                null), null)))
                .extracting(Violation::field)
                .containsExactly("attachments[0].fileName", "attachments[1].fileName", "attachments[2].contentType",
                        "attachments[3].content", "attachments[4]");

        byte[] big = new byte[MailChecks.MAX_ATTACHMENT_BYTES / 2 + 1];
        assertThat(violations(new Mail(List.of("a@example.com"), "s", "t", null,
                List.of(new Mail.Attachment("a", null, big), new Mail.Attachment("b", null, big)), null)))
                .extracting(Violation::field).containsExactly("attachments");
        assertThat(violations(new Mail(List.of("a@example.com"), "s", "t", null,
                Collections.nCopies(21, new Mail.Attachment("a", null, csv)), null)))
                .extracting(Violation::message).containsExactly("must be at most 20 files");
    }

    @Test
    void noMessageAtAllIsABadRequest() {
        assertThatThrownBy(() -> MailChecks.check(null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("no message");
    }
}
