package org.switchboard.core.imports.control;

import java.util.List;
import org.switchboard.core.tabular.Row;

/**
 * What a module supplies to import one kind of row. {@link #process} runs inside a transaction the engine
 * owns; on a dry run it must only check. It must decide each row's fate itself — a good row that already
 * exists unchanged is a {@code DUPLICATE}, so importing the same file twice changes nothing.
 */
public interface RowImporter {

    /** What is imported, e.g. {@code contacts}. */
    String kind();

    /**
     * Columns the header must have; each inner list holds alternative names of one column
     * (normalised as {@link org.switchboard.core.tabular.Headers#normalize} does).
     */
    List<List<String>> requiredColumns();

    /** One outcome per row, in the same order. */
    List<RowOutcome> process(List<Row> rows, boolean dryRun);
}
