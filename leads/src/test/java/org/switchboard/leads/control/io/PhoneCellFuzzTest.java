package org.switchboard.leads.control.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The phone cell of the contact import, read without a regular expression: the same result as the pattern it replaced
 * on every input (checked against it on short inputs, where its backtracking is harmless), and linear on long ones.
 */
class PhoneCellFuzzTest {

    private static final Pattern OLD = Pattern.compile("^(.*?)\\s*\\((mobile|work|home)\\)$", Pattern.CASE_INSENSITIVE);

    @FuzzTest
    void sameAsThePatternItReplaced(String text) {
        if (text == null) {
            return; // the import hands over the pieces of a split cell, never null
        }
        PhoneCell cell = PhoneCell.parse(text);
        assertThat(cell.number().length()).isLessThanOrEqualTo(text.length());
        String trimmed = text.trim();
        if (trimmed.length() <= 2_000) {
            Matcher m = OLD.matcher(trimmed);
            if (m.matches()) {
                assertThat(cell.number()).isEqualTo(m.group(1));
                assertThat(cell.kind()).isEqualTo(m.group(2).toLowerCase());
            } else {
                assertThat(cell.number()).isEqualTo(trimmed);
                assertThat(cell.kind()).isNull();
            }
        }
    }

    @Test
    void readsNumberAndKind() {
        assertThat(PhoneCell.parse(" +7 999 123-45-67  (Mobile) ")).isEqualTo(new PhoneCell("+7 999 123-45-67", "mobile"));
        assertThat(PhoneCell.parse("+74951234567(work)").kind()).isEqualTo("work");
        assertThat(PhoneCell.parse("+74951234567 (fax)")).isEqualTo(new PhoneCell("+74951234567 (fax)", null));
        assertThat(PhoneCell.parse("(home)")).isEqualTo(new PhoneCell("", "home"));
    }

    @Test
    void aLongRunOfSpacesTakesLinearTime() {
        // the old pattern took minutes on this (quadratic in the run of spaces); a linear scan takes milliseconds
        String adversarial = "1" + " ".repeat(2_000_000) + "x(mobile";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 10; i++) {
                assertThat(PhoneCell.parse(adversarial).kind()).isNull();
            }
            assertThat(PhoneCell.parse("1" + " ".repeat(2_000_000) + "(home)").number()).isEqualTo("1");
        });
    }
}
