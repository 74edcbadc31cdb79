package dev.aios.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Budgets travel in micro-dollars (millionths of a US dollar); people read and type dollars. */
final class Money {
    static final long MAX_MICROS = 1_000_000_000_000L; // the API's limit: one million dollars

    private Money() {}

    static String dollars(long micros) {
        return "$"
                + BigDecimal.valueOf(micros, 6)
                        .setScale(micros % 10_000 == 0 ? 2 : 4, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    /** Parses "12.5" into micro-dollars; refuses anything that is not a positive amount within the API's limit. */
    static long micros(String dollars) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(dollars.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + dollars + "' is not an amount of dollars such as 5 or 12.50");
        }
        BigDecimal micros = amount.movePointRight(6).setScale(0, RoundingMode.HALF_UP);
        if (micros.signum() <= 0 || micros.compareTo(BigDecimal.valueOf(MAX_MICROS)) > 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the amount must be more than $0 and at most %s, got '%s'",
                    dollars(MAX_MICROS),
                    dollars));
        }
        return micros.longValueExact();
    }
}
