package org.switchboard.core.calling;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.core.events.CallFact;

/**
 * Where the calls module lends its stored calls to whoever keeps a copy (reporting rebuilds its read model from
 * it). Absent when the calls module is not deployed.
 */
public interface CallFactSource {

    /** Hands every call that started in {@code [from, to)} to {@code sink}, in chunks, ordered by id. */
    void forEach(Instant from, Instant to, int chunkSize, Consumer<List<CallFact>> sink);
}
