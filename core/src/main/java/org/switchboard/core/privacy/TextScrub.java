package org.switchboard.core.privacy;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Cuts a person's values out of free-text columns that copied them (an e-mail body, a trail entry's before and
 * after), keeping the rest of the text: each occurrence becomes {@link Erasure#ERASED} (or {@code ***} for a value
 * shorter than that, so a column never grows past its limit). Runs as plain SQL that H2 and PostgreSQL share.
 */
public final class TextScrub {

    private TextScrub() {
    }

    /** Scrubs {@code markers} out of {@code columns} of {@code table}; returns how many rows changed. */
    public static int scrub(EntityManager em, String table, List<String> columns, List<String> markers) {
        return scrub(em, table, columns, markers, null, 0);
    }

    /**
     * As {@link #scrub(EntityManager, String, List, List)}, only in the rows {@code condition} (an SQL condition with
     * the parameter {@code :id}) selects; a null condition selects every row.
     */
    public static int scrub(EntityManager em, String table, List<String> columns, List<String> markers, String condition,
            long id) {
        int changed = 0;
        for (String marker : markers) {
            String replacement = marker.length() >= Erasure.ERASED.length() ? Erasure.ERASED : "***";
            StringBuilder set = new StringBuilder();
            StringBuilder where = new StringBuilder();
            for (String column : columns) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = REPLACE(").append(column)
                        .append(", :marker, :replacement)");
                where.append(where.isEmpty() ? "" : " OR ").append(column).append(" LIKE :pattern ESCAPE '\\'");
            }
            var update = em.createNativeQuery("UPDATE " + table + " SET " + set + " WHERE (" + where + ")"
                    + (condition == null ? "" : " AND (" + condition + ")"))
                    .setParameter("marker", marker).setParameter("replacement", replacement)
                    .setParameter("pattern", "%" + like(marker) + "%");
            if (condition != null) {
                update.setParameter("id", id);
            }
            changed += update.executeUpdate();
        }
        return changed;
    }

    /** {@code value} as a LIKE pattern that matches it literally. */
    public static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
