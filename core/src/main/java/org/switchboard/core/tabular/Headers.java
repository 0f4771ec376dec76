package org.switchboard.core.tabular;

import java.util.Locale;

/** Header names are matched loosely: case, surrounding blanks, spaces and hyphens do not matter. */
public final class Headers {

    private Headers() {
    }

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }
}
