package org.switchboard.leads.control.io;

import java.util.Locale;

/**
 * One phone of an import's phones cell: {@code +7 999 123-45-67 (mobile)} — a number, then optionally its kind in
 * brackets (mobile, work or home, any case). Read by looking at the end of the text, in time linear in its length:
 * the regular expression this replaces, {@code ^(.*?)\s*\((mobile|work|home)\)$}, backtracked quadratically over a
 * long run of spaces.
 */
public record PhoneCell(String number, String kind) {

    private static final String[] KINDS = {"mobile", "work", "home"};

    /** {@code text} as number and kind; the kind is null (and the number the whole trimmed text) when none is given. */
    public static PhoneCell parse(String text) {
        String trimmed = text.trim();
        if (trimmed.endsWith(")")) {
            for (String kind : KINDS) {
                int open = trimmed.length() - kind.length() - 2;
                if (open >= 0 && trimmed.charAt(open) == '(' && asciiIgnoringCase(trimmed, open + 1, kind)) {
                    String number = stripTrailingWhitespace(trimmed.substring(0, open));
                    // the pattern's '.' stopped at a line break: a number broken over lines has no kind
                    return hasLineBreak(number) ? new PhoneCell(trimmed, null) : new PhoneCell(number, kind);
                }
            }
        }
        return new PhoneCell(trimmed, null);
    }

    private static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** ASCII letters only, as the pattern's CASE_INSENSITIVE did: a Kelvin sign or a dotless i is no k or i. */
    private static boolean asciiIgnoringCase(String s, int from, String lowerCaseWord) {
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            char c = s.charAt(from + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerCaseWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Like the pattern's {@code \s*}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static String stripTrailingWhitespace(String s) {
        int end = s.length();
        while (end > 0 && " \t\n\u000B\f\r".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public String kind() {
        return kind == null ? null : kind.toLowerCase(Locale.ROOT);
    }
}
