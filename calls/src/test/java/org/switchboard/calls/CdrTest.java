package org.switchboard.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.calls.control.Cdr;

/** Real-shaped Master.csv lines, as cdr_csv writes them. */
class CdrTest {

    static Cdr line(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT)) {
            CSVRecord record = parser.iterator().next();
            List<String> fields = new ArrayList<>();
            record.forEach(fields::add);
            return Cdr.parse(fields);
        }
    }

    static final String EIGHTEEN = "\"ADS-NOV\",\"101\",\"79111234567\",\"from-internal\",\"\"\"Иван \"\"Ваня\"\" Петров\"\" <101>\","
            + "\"PJSIP/101-0000001a\",\"PJSIP/trunk-0000001b\",\"Dial\",\"PJSIP/79111234567@trunk,60,tT\","
            + "\"2026-11-27 10:15:00\",\"2026-11-27 10:15:07\",\"2026-11-27 10:17:07\",127,120,\"ANSWERED\","
            + "\"DOCUMENTATION\",\"1764227700.26\",\"note, with comma\"";

    @Test
    void theCommonEighteenColumnLine() throws IOException {
        Cdr cdr = line(EIGHTEEN);
        assertThat(cdr.accountcode()).isEqualTo("ADS-NOV");
        assertThat(cdr.clid()).isEqualTo("\"Иван \"Ваня\" Петров\" <101>");
        assertThat(cdr.start()).isEqualTo(LocalDateTime.of(2026, 11, 27, 10, 15, 0));
        assertThat(cdr.answer()).isEqualTo(LocalDateTime.of(2026, 11, 27, 10, 15, 7));
        assertThat(cdr.duration()).isEqualTo(127);
        assertThat(cdr.billsec()).isEqualTo(120);
        assertThat(cdr.disposition()).isEqualTo(Cdr.Disposition.ANSWERED);
        assertThat(cdr.uniqueid()).isEqualTo("1764227700.26");
        assertThat(cdr.userfield()).isEqualTo("note, with comma");
        assertThat(cdr.identity()).isEqualTo("1764227700.26");
        assertThat(Cdr.endpoint(cdr.channel())).isEqualTo("101");
        assertThat(Cdr.endpoint(cdr.dstchannel())).isEqualTo("trunk");
    }

    @Test
    void sixteenColumnsHaveADerivedIdentity() throws IOException {
        String sixteen = "\"\",\"79111234567\",\"102\",\"from-trunk\",\"\",\"SIP/trunk-00000b2c\",\"PJSIP/102-00000b2d\","
                + "\"Dial\",\"\",\"2026-11-27 11:00:00\",\"\",\"2026-11-27 11:00:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\"";
        Cdr cdr = line(sixteen);
        assertThat(cdr.uniqueid()).isNull();
        assertThat(cdr.answer()).isNull();
        assertThat(cdr.disposition()).isEqualTo(Cdr.Disposition.NO_ANSWER);
        assertThat(cdr.identity()).startsWith("derived:").isEqualTo(line(sixteen).identity());
        assertThat(line(sixteen.replace("11:00:00", "11:00:01")).identity()).isNotEqualTo(cdr.identity());
    }

    @Test
    void twentyOneColumnsCarryLinkedidAndSequence() throws IOException {
        Cdr cdr = line(EIGHTEEN + ",\"\",\"1764227700.25\",7");
        assertThat(cdr.linkedid()).isEqualTo("1764227700.25");
        assertThat(cdr.sequence()).isEqualTo(7);
        assertThat(cdr.identity()).isEqualTo("1764227700.26#7");
    }

    @ParameterizedTest
    @CsvSource({"ANSWERED,ANSWERED", "NO ANSWER,NO_ANSWER", "BUSY,BUSY", "FAILED,FAILED", "CONGESTION,CONGESTION"})
    void everyDisposition(String written, Cdr.Disposition expected) throws IOException {
        assertThat(line(EIGHTEEN.replace("\"ANSWERED\"", "\"" + written + "\"")).disposition()).isEqualTo(expected);
    }

    @Test
    void badLinesSayWhy() {
        assertThatThrownBy(() -> line("\"a\",\"b\",\"c\"")).hasMessage("expected 16 to 21 columns, found 3");
        assertThatThrownBy(() -> line(EIGHTEEN.replace("2026-11-27 10:15:00", "27.11.2026 10:15")))
                .hasMessageContaining("start").hasMessageContaining("YYYY-MM-DD HH:MM:SS");
        assertThatThrownBy(() -> line(EIGHTEEN.replace(",127,120,", ",127,-5,"))).hasMessage("billsec -5 is negative");
        assertThatThrownBy(() -> line(EIGHTEEN.replace(",127,120,", ",abc,120,"))).hasMessageContaining("duration");
        assertThatThrownBy(() -> line(EIGHTEEN.replace("\"ANSWERED\"", "\"HUNG UP\""))).hasMessageContaining("disposition");
        assertThatThrownBy(() -> line(EIGHTEEN.replace("2026-11-27 10:17:07", "2026-11-27 10:00:00")))
                .hasMessageContaining("before start");
        assertThatThrownBy(() -> line(EIGHTEEN + ",\"\",\"1.2\",\"x\"")).hasMessageContaining("sequence");
    }

    @Test
    void endpointsOfEveryChannelShape() {
        assertThat(Cdr.endpoint("PJSIP/101-0000001a")).isEqualTo("101");
        assertThat(Cdr.endpoint("SIP/trunk-provider-00000b2c")).isEqualTo("trunk-provider");
        assertThat(Cdr.endpoint("Local/102@from-queue-00000012;1")).isEqualTo("102");
        assertThat(Cdr.endpoint("DAHDI/1")).isEqualTo("1");
        assertThat(Cdr.endpoint(null)).isNull();
    }
}
