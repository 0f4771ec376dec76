package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical form of the PBX records and the day chain, against values computed outside Java (Python's hashlib
 * over the lines as documented), so that a client can re-derive every hash.
 */
class EvidenceTest {

    static final Evidence.Record ANSWERED = Evidence.Record.of("1764662400.1#2", "1764662400.1", 2, "1764662400.1",
            "ADS-NOV", "101", "84951234567", "\"Op\" <101>", "PJSIP/101-0000001a", "PJSIP/trunk-0000001b",
            Instant.parse("2026-12-02T06:00:00Z"), Instant.parse("2026-12-02T06:00:05Z"),
            Instant.parse("2026-12-02T06:01:05Z"), 65, 60, "ANSWERED");
    static final Evidence.Record UNANSWERED = Evidence.Record.of("1764662500.7", "1764662500.7", null, null, null,
            "84951234567", "102", "a\tb\\c", "SIP/trunk-00000b2c", "PJSIP/102-0000001c",
            Instant.parse("2026-12-02T06:01:40Z"), null, Instant.parse("2026-12-02T06:02:00Z"), 20, 0, "NO_ANSWER");

    @Test
    void aLineIsTheSixteenFieldsTabSeparatedWithNullsAndEscapesSpelledOut() {
        assertThat(ANSWERED.line()).isEqualTo("1764662400.1#2\t1764662400.1\t2\t1764662400.1\tADS-NOV\t101\t84951234567\t"
                + "\"Op\" <101>\tPJSIP/101-0000001a\tPJSIP/trunk-0000001b\t2026-12-02T06:00:00Z\t2026-12-02T06:00:05Z\t"
                + "2026-12-02T06:01:05Z\t65\t60\tANSWERED");
        assertThat(UNANSWERED.line()).isEqualTo("1764662500.7\t1764662500.7\t\\N\t\\N\t\\N\t84951234567\t102\ta\\tb\\\\c\t"
                + "SIP/trunk-00000b2c\tPJSIP/102-0000001c\t2026-12-02T06:01:40Z\t\\N\t2026-12-02T06:02:00Z\t20\t0\tNO_ANSWER");
        assertThat(Evidence.line(List.of("x\ny\rz"))).isEqualTo("x\\ny\\rz");
    }

    @Test
    void hashesAreTheOnesAnyShaTwoFiftySixGives() {
        assertThat(ANSWERED.hash()).isEqualTo("8b67451ff7fc52e1f01f35124341ad2731e8e0b588d327f2ff5fd2431d86dfb5");
        assertThat(UNANSWERED.hash()).isEqualTo("f31d711f8a4dac04e80f17e96bfba3673acd65fa363197e2c1abd3d6c1c751b9");
        String records = Evidence.recordsHash(pairs(UNANSWERED, ANSWERED));
        assertThat(records).isEqualTo("66931298685c7458af91667fda397231a4a5cbd394886ebbb9a5b83ac67dfd73");
        assertThat(Evidence.chainHash(null, records))
                .isEqualTo("9c02ba0a0cffa2e7981e902efe57ad160bf97f58ec3e50d8a3f2e737edeb6c81");
        assertThat(Evidence.recordsHash(List.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theOrderIsTheIdentitiesNotTheOrderTheRowsCameIn() {
        assertThat(Evidence.recordsHash(pairs(ANSWERED, UNANSWERED))).isEqualTo(Evidence.recordsHash(pairs(UNANSWERED, ANSWERED)));
        // code-point order, whatever a database collation would say: upper case before lower case, '#' before '.'
        List<String> ids = new ArrayList<>(List.of("b", "B", "1.1", "1#1", "a"));
        ids.sort(Evidence.IDENTITY_ORDER);
        assertThat(ids).containsExactly("1#1", "1.1", "B", "a", "b");
    }

    @Test
    void everyEvidenceFieldCountsAndTheChainCarriesEveryEarlierDay() {
        List<Object> edited = new ArrayList<>(ANSWERED.values());
        edited.set(Evidence.FIELDS.indexOf("talk_seconds"), 61);
        Evidence.Record changed = new Evidence.Record(edited);
        assertThat(changed.hash()).isNotEqualTo(ANSWERED.hash());
        assertThat(changed.firstDifference(ANSWERED)).isEqualTo("talk_seconds");
        assertThat(ANSWERED.firstDifference(ANSWERED)).isNull();

        String day1 = Evidence.chainHash(null, Evidence.recordsHash(pairs(ANSWERED)));
        String day2 = Evidence.chainHash(day1, Evidence.recordsHash(pairs(UNANSWERED)));
        String day1Changed = Evidence.chainHash(null, Evidence.recordsHash(pairs(changed)));
        assertThat(Evidence.chainHash(day1Changed, Evidence.recordsHash(pairs(UNANSWERED)))).isNotEqualTo(day2);
        assertThat(Evidence.chainHash(Evidence.GENESIS, "x")).isEqualTo(Evidence.chainHash(null, "x"));
    }

    private static List<String[]> pairs(Evidence.Record... records) {
        List<String[]> pairs = new ArrayList<>();
        for (Evidence.Record r : records) {
            pairs.add(new String[] {r.identity(), r.hash()});
        }
        return pairs;
    }
}
