package org.switchboard.calls.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Call records pushed as JSON by PBXs that send events instead of writing Master.csv. Field names are
 * Master.csv's ({@code accountcode, src, dst, …, uniqueid, linkedid, sequence}); each record is checked
 * exactly as a CSV line is, and numbered by its position (from 1) in the batch.
 */
public final class CdrEvents {

    static final List<String> FIELDS = List.of("accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel",
            "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
            "uniqueid", "userfield", "peeraccount", "linkedid", "sequence");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private CdrEvents() {
    }

    /** The good records and the bad ones, numbered. */
    public record Batch(List<CallRecords.Numbered> records, List<CallRecords.BadLine> rejected) {
    }

    public static Batch parse(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<CallRecords.Numbered> good = new ArrayList<>();
        List<CallRecords.BadLine> bad = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                good.add(new CallRecords.Numbered(i + 1, Cdr.parse(fields(item))));
            } catch (Cdr.BadRecord e) {
                bad.add(new CallRecords.BadLine(i + 1, e.getMessage()));
            }
        }
        return new Batch(good, bad);
    }

    private static List<String> fields(JsonNode item) {
        if (!item.isObject()) {
            throw new Cdr.BadRecord("is not a JSON object");
        }
        item.fieldNames().forEachRemaining(name -> {
            if (!KNOWN.contains(name)) {
                throw new Cdr.BadRecord("unknown field '" + name + "'; known: " + String.join(", ", FIELDS));
            }
        });
        List<String> fields = new ArrayList<>(FIELDS.size());
        for (String name : FIELDS) {
            JsonNode value = item.get(name);
            fields.add(value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
        }
        for (String required : List.of("start", "end", "duration", "billsec", "disposition")) {
            if (item.get(required) == null || item.get(required).isNull()) {
                throw new Cdr.BadRecord("field '" + required + "' is required");
            }
        }
        return fields;
    }
}
