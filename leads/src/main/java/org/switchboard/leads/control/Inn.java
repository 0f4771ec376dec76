package org.switchboard.leads.control;

/**
 * The Russian taxpayer number (ИНН): 10 digits for an organisation, 12 for a person or sole trader, with
 * check digits computed from weighted sums modulo 11 (then modulo 10).
 */
public final class Inn {

    private static final int[] TEN = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ELEVEN = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] TWELVE = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() {
    }

    /** Null when the value is a valid INN, else what is wrong with it. */
    public static String problem(String inn) {
        if (inn == null || !inn.matches("\\d{10}|\\d{12}")) {
            return "must be 10 digits (an organisation) or 12 digits (a person)";
        }
        int[] d = inn.chars().map(c -> c - '0').toArray();
        if (d.length == 10) {
            return check(d, TEN) == d[9] ? null : "has a wrong check digit";
        }
        return check(d, ELEVEN) == d[10] && check(d, TWELVE) == d[11] ? null : "has wrong check digits";
    }

    private static int check(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 % 10;
    }
}
