package org.switchboard.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.ProblemException;

class BoundedInputStreamTest {

    @Test
    void aBodyOfExactlyTheLimitPasses() throws Exception {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[1024]), 1024, "request body");
        assertThat(in.readAllBytes()).hasSize(1024);
    }

    @Test
    void theFirstByteOverTheLimitIsA413NamingTheLimit() {
        // an endless stream, as a chunked body that never ends would be: reading stops at the limit
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        InputStream in = new BoundedInputStream(endless, Limits.MB, "request body");
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(413);
            assertThat(p.getMessage()).contains("request body limit of 1 MB (1048576 bytes)");
        });
    }

    @Test
    void theLimitIsOnTheMethodOrItsClass() throws Exception {
        assertThat(BodyLimits.declared(Annotated.class.getMethod("upload")).value()).isEqualTo(5);
        assertThat(BodyLimits.declared(Annotated.class.getMethod("json")).value()).isEqualTo(7);
        assertThat(BodyLimits.declared(null)).isNull();
    }

    @BodyLimit(value = 7, name = "class")
    static class Annotated {
        @BodyLimit(value = 5, name = "upload")
        public void upload() {
        }

        public void json() {
        }
    }

    @Test
    void decimalsAreBoundedBeforeAnythingComputesWithThem() {
        assertThat(Decimals.parse(" 12,5 ")).isEqualByComparingTo("12.5");
        assertThat(Decimals.parse("1e-1000")).isEqualByComparingTo(new BigDecimal("1e-1000"));
        assertThatThrownBy(() -> Decimals.parse("1e-300000000")).isInstanceOf(Decimals.OutOfBounds.class)
                .hasMessageContaining("exponent must be between -1000 and 1000");
        assertThatThrownBy(() -> Decimals.parse("1e300000000")).isInstanceOf(Decimals.OutOfBounds.class);
        assertThatThrownBy(() -> Decimals.parse("1".repeat(101))).isInstanceOf(Decimals.OutOfBounds.class)
                .hasMessageContaining("more than 100 characters");
        assertThatThrownBy(() -> Decimals.parse("abc")).isInstanceOf(NumberFormatException.class)
                .isNotInstanceOf(Decimals.OutOfBounds.class);
    }
}
