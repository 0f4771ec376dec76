package org.switchboard.core.limits;

import java.math.BigDecimal;

/**
 * Decimals from outside, bounded before anything computes with them: {@code 1e-300000000} is twelve characters, but
 * printing it in plain notation, comparing it with 1 or storing it allocates hundreds of megabytes.
 */
public final class Decimals {

    /** Thrown for text that is no number, or a number out of the bounds; the message is fit for the caller. */
    public static final class OutOfBounds extends NumberFormatException {
        OutOfBounds(String message) {
            super(message);
        }
    }

    private Decimals() {
    }

    /**
     * The number {@code text} spells, with a point or a comma as the decimal separator.
     *
     * @throws NumberFormatException when it is no number ({@link OutOfBounds} when it is one too long or too large or
     *                               small: more than {@value Limits#NUMBER_CHARS} characters, an exponent beyond
     *                               ±{@value Limits#NUMBER_SCALE})
     */
    public static BigDecimal parse(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > Limits.NUMBER_CHARS) {
            throw new OutOfBounds("has more than " + Limits.NUMBER_CHARS + " characters, more than a number may have");
        }
        return bounded(new BigDecimal(trimmed.replace(',', '.')));
    }

    /** {@code value} itself when its scale is within ±{@value Limits#NUMBER_SCALE}. */
    public static BigDecimal bounded(BigDecimal value) {
        if (Math.abs((long) value.scale()) > Limits.NUMBER_SCALE || value.precision() > Limits.NUMBER_CHARS) {
            throw new OutOfBounds("is out of range: the exponent must be between -" + Limits.NUMBER_SCALE + " and "
                    + Limits.NUMBER_SCALE);
        }
        return value;
    }
}
