package org.switchboard.core.privacy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Table rows as JSON-ready maps, for a module's section of an access report. */
public final class Rows {

    private Rows() {
    }

    /** The rows a native query with one parameter {@code :id} selects, keyed by column label (lower case). */
    public static List<Map<String, Object>> of(EntityManager em, String sql, long id) {
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = em.createNativeQuery(sql, Tuple.class).setParameter("id", id).getResultList();
        return tuples.stream().map(Rows::map).toList();
    }

    private static Map<String, Object> map(Tuple tuple) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (TupleElement<?> element : tuple.getElements()) {
            Object value = tuple.get(element);
            if (value instanceof Temporal || value instanceof java.util.Date) {
                value = value.toString();
            }
            row.put(element.getAlias().toLowerCase(Locale.ROOT), value);
        }
        return row;
    }
}
