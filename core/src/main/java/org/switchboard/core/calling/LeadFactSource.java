package org.switchboard.core.calling;

import java.util.List;
import java.util.function.Consumer;
import org.switchboard.core.events.LeadChanged;

/**
 * Where the leads module lends its stored leads to whoever keeps a copy (reporting rebuilds its read model from
 * it), each as the {@link LeadChanged} it would announce. Absent when the leads module is not deployed.
 */
public interface LeadFactSource {

    /** Hands every lead to {@code sink}, in chunks, ordered by id. */
    void forEach(int chunkSize, Consumer<List<LeadChanged>> sink);
}
