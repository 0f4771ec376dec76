package org.switchboard.core.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** How a failed delivery reads in the outbox. */
class PostmanTest {

    @Test
    void aFailureReadsAsItsChainOfCausesWithoutRepeats() {
        MessagingException failure = new MessagingException("Couldn't connect to host, port: localhost, 25",
                new ConnectException("Connection refused"));
        assertThat(Postman.describe(failure))
                .isEqualTo("Couldn't connect to host, port: localhost, 25; caused by Connection refused");
        assertThat(Postman.describe(new IllegalStateException("no session", new java.io.IOException("closed"))))
                .isEqualTo("no session; caused by closed");
        assertThat(Postman.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
