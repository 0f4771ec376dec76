package org.switchboard.leads.control;

import java.util.Locale;

/**
 * The search form of names: lower case, ё as е, runs of blanks as one space. Stored beside the name and
 * applied to the query, so a search is case-insensitive in Cyrillic and Latin whatever the database's
 * collation.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    public static String name(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ").trim();
    }

    public static String email(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String tag(String tag) {
        return tag == null ? null : tag.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
