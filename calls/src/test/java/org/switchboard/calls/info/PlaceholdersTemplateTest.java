package org.switchboard.calls.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.switchboard.calls.info.control.Placeholders;
import org.switchboard.calls.info.control.Placeholders.Letter;
import org.switchboard.calls.info.control.Placeholders.Values;

/** Filling info e-mail templates: the values, where they are escaped, and what saving refuses. */
class PlaceholdersTemplateTest {

    private static final Values IVAN = new Values("Иван Петров", "ООО \"Ромашка\" & Co", "Санкт-Петербург",
            "директор", "ivan@example.com", "Ads <November>", "ADS-NOV", "Ольга Смирнова", LocalDate.of(2026, 11, 28));

    @Test
    void everyKnownPlaceholderIsFilledFromTheContactCampaignOperatorAndDate() {
        Letter letter = Placeholders.fill("{{contact.firstName}}, the price list",
                "Dear {{contact.fullName}} ({{ contact.position }}, {{contact.company}}, {{contact.city}}),\n"
                        + "as promised on {{date}}: {{campaign.name}} [{{campaign.code}}] to {{contact.email}}.\n"
                        + "{{operator.fullName}}", null, IVAN);

        assertThat(letter.subject()).isEqualTo("Иван, the price list");
        assertThat(letter.text()).isEqualTo("Dear Иван Петров (директор, ООО \"Ромашка\" & Co, Санкт-Петербург),\n"
                + "as promised on 28.11.2026: Ads <November> [ADS-NOV] to ivan@example.com.\nОльга Смирнова");
        assertThat(letter.html()).isNull();
    }

    @Test
    void valuesAreHtmlEscapedInTheHtmlBodyOnlyAndTheTemplatesOwnMarkupIsKept() {
        Letter letter = Placeholders.fill("{{contact.company}}", "{{contact.company}}",
                "<p title=\"{{contact.company}}\">Hello <b>{{contact.firstName}}</b> from {{campaign.name}}</p>", IVAN);

        assertThat(letter.html()).isEqualTo("<p title=\"ООО &quot;Ромашка&quot; &amp; Co\">Hello <b>Иван</b> from "
                + "Ads &lt;November&gt;</p>");
        assertThat(letter.text()).isEqualTo("ООО \"Ромашка\" & Co");
        assertThat(letter.subject()).isEqualTo("ООО \"Ромашка\" & Co");
        assertThat(Placeholders.escapeHtml("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void missingValuesAreLeftEmptyAndTheSubjectStaysOneLine() {
        Values sparse = new Values("  Anna\tMaria  Schmidt ", null, null, null, null, "Line\r\nbreak", "C1", null,
                null);
        Letter letter = Placeholders.fill("{{campaign.name}} for {{contact.firstName}}",
                "[{{contact.company}}][{{contact.city}}][{{operator.fullName}}][{{date}}]", "<i>{{contact.city}}</i>",
                sparse);

        assertThat(letter.subject()).isEqualTo("Line break for Anna");
        assertThat(letter.text()).isEqualTo("[][][][]");
        assertThat(letter.html()).isEqualTo("<i></i>");
        assertThat(new Values(" ", null, null, null, null, null, null, null, null).contactFirstName()).isNull();
    }

    @Test
    void unknownPlaceholdersAreNamedAsWrittenWithAHintWhenOnlyTheCaseIsWrong() {
        assertThat(Placeholders.problems("Hello {{contact.fullName}}, {{contact.nmae}} and {{ contact.fullname }}"))
                .containsExactly(
                        "uses the unknown placeholder {{contact.nmae}}; known are " + Placeholders.knownList(),
                        "uses the unknown placeholder {{ contact.fullname }} (did you mean {{contact.fullName}}?)");
        assertThat(Placeholders.problems("{{}}")).singleElement().asString()
                .startsWith("uses the unknown placeholder {{}}");
        assertThat(Placeholders.knownList()).startsWith("{{contact.fullName}}, {{contact.firstName}}")
                .endsWith("{{date}}");
    }

    @Test
    void anUnclosedPlaceholderIsAProblemButPlainBracesAreNot() {
        assertThat(Placeholders.problems("Dear {{contact.fullName}, welcome"))
                .containsExactly("has '{{' without a closing '}}' near '{{contact.fullName}, welcome'");
        assertThat(Placeholders.problems("a { b } c }} d {{date}}")).isEmpty();
        assertThat(Placeholders.problems(null)).isEmpty();
        assertThat(Placeholders.problems(String.join(" ", Placeholders.KNOWN.stream().map(k -> "{{" + k + "}}")
                .toList()))).isEmpty();
    }

    @Test
    void aValueThatLooksLikeAPlaceholderOrAReplacementIsWrittenLiterally() {
        Values tricky = new Values("$1 {{date}} \\", null, null, null, null, null, null, null,
                LocalDate.of(2026, 1, 2));
        assertThat(Placeholders.fill("s", "{{contact.fullName}} / {{date}}", null, tricky).text())
                .isEqualTo("$1 {{date}} \\ / 02.01.2026");
    }
}
