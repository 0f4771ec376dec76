package org.switchboard.core.mail.control;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Addresses as the outbox stores them: one RFC 5322 address list in ASCII, display names encoded (RFC 2047),
 * so that the stored text is exactly what goes into the {@code To} header.
 */
public final class Recipients {

    private Recipients() {
    }

    /**
     * One address, parsed strictly: a mailbox with a domain, optionally with a display name — not a list, not a
     * group.
     */
    public static InternetAddress parse(String text) throws AddressException {
        InternetAddress parsed = new InternetAddress(text.strip(), true);
        parsed.validate();
        if (parsed.isGroup()) {
            throw new AddressException("a group is not a recipient", text);
        }
        if (parsed.getPersonal() == null) {
            return new InternetAddress(parsed.getAddress());
        }
        try {
            // re-encode the display name: the parsed form keeps it as typed, which may not be ASCII
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String join(List<InternetAddress> addresses) {
        return addresses.stream().map(InternetAddress::toString).collect(Collectors.joining(", "));
    }

    public static InternetAddress[] addresses(String stored) {
        try {
            return InternetAddress.parse(stored, false);
        } catch (AddressException e) {
            throw new IllegalStateException("stored recipients do not parse: " + stored, e);
        }
    }

    /** The stored addresses as people read them (display names decoded). */
    public static List<String> readable(String stored) {
        return Arrays.stream(addresses(stored)).map(InternetAddress::toUnicodeString).toList();
    }
}
