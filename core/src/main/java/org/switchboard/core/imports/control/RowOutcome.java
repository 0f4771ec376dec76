package org.switchboard.core.imports.control;

import java.util.List;

/** What became of one row. A rejected row names every problem found in it. */
public record RowOutcome(int line, Result result, List<Rejection> problems) {

    public enum Result {
        IMPORTED, UPDATED, DUPLICATE, REJECTED
    }

    public static RowOutcome imported(int line) {
        return new RowOutcome(line, Result.IMPORTED, List.of());
    }

    public static RowOutcome updated(int line) {
        return new RowOutcome(line, Result.UPDATED, List.of());
    }

    public static RowOutcome duplicate(int line) {
        return new RowOutcome(line, Result.DUPLICATE, List.of());
    }

    public static RowOutcome rejected(int line, List<Rejection> problems) {
        return new RowOutcome(line, Result.REJECTED, List.copyOf(problems));
    }

    public static RowOutcome rejected(int line, String column, String reason) {
        return rejected(line, List.of(new Rejection(line, column, reason)));
    }
}
