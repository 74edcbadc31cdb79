package dev.aios.orchestrator.projection;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

/**
 * Write-only statements of one transaction, sent together when flushed: pgjdbc sends a prepared multi-statement
 * query as one batch with one Sync, so N projection writes cost one round trip instead of N. Statements run in the
 * order they were added; anything that reads what they write in the same transaction must flush first.
 */
public final class BufferedWrites {
    private static final int MAX_STATEMENTS = 100;
    private static final int MAX_UPSERT_ROWS = 1_000; // well under PostgreSQL's 32 767 parameters per statement

    private final JdbcTemplate jdbc;
    private final Runnable beforeFlush;
    private final StringBuilder sql = new StringBuilder();
    private final List<@Nullable Object> args = new ArrayList<>();
    private int statements;
    private final Map<Upsert, LinkedHashMap<List<Object>, @Nullable Object[]>> upserts = new LinkedHashMap<>();

    /**
     * A multi-row upsert: {@code INSERT INTO <target> VALUES (…), (…) <onConflict>}. Rows for the same key (the first
     * {@code keyColumns} values) within one buffer collapse into the last one, which is what the row ends up as
     * anyway when each write carries the row's whole state.
     */
    record Upsert(String target, int columns, int keyColumns, String onConflict) {}

    BufferedWrites(JdbcTemplate jdbc, Runnable beforeFlush) {
        this.jdbc = jdbc;
        this.beforeFlush = beforeFlush;
    }

    void add(String statement, @Nullable Object... values) {
        if (statements > 0) {
            sql.append(";\n");
        }
        sql.append(statement);
        args.addAll(Arrays.asList(values));
        if (++statements >= MAX_STATEMENTS) {
            flush();
        }
    }

    /** Adds a row to {@code upsert}'s statement, replacing an earlier row with the same key in this buffer. */
    void upsert(Upsert upsert, @Nullable Object... values) {
        if (values.length != upsert.columns()) {
            throw new IllegalArgumentException(
                    upsert.target() + " takes " + upsert.columns() + " values, got " + values.length);
        }
        var rows = upserts.computeIfAbsent(upsert, u -> new LinkedHashMap<>());
        rows.put(Arrays.asList(values).subList(0, upsert.keyColumns()), values);
        if (rows.size() >= MAX_UPSERT_ROWS) {
            flush();
        }
    }

    /**
     * Runs what was added, in one round trip, after the {@code beforeFlush} action (which writes what these
     * statements may refer to); a failure is translated like any JdbcTemplate call. The multi-row upserts go first,
     * so the other statements see their rows.
     */
    public void flush() {
        beforeFlush.run();
        if (statements == 0 && upserts.isEmpty()) {
            return;
        }
        var parts = new ArrayList<String>();
        var values = new ArrayList<@Nullable Object>();
        for (var entry : upserts.entrySet()) {
            Upsert upsert = entry.getKey();
            var statement =
                    new StringBuilder("INSERT INTO ").append(upsert.target()).append(" VALUES ");
            String row = "(" + String.join(", ", Collections.nCopies(upsert.columns(), "?")) + ")";
            int n = 0;
            for (@Nullable Object[] rowValues : entry.getValue().values()) {
                statement.append(n++ == 0 ? "" : ", ").append(row);
                values.addAll(Arrays.asList(rowValues));
            }
            parts.add(statement.append(' ').append(upsert.onConflict()).toString());
        }
        upserts.clear();
        if (statements > 0) {
            parts.add(sql.toString());
            values.addAll(args);
        }
        sql.setLength(0);
        args.clear();
        statements = 0;
        send(String.join(";\n", parts), values.toArray());
    }

    private void send(String query, @Nullable Object[] values) {
        jdbc.execute(query, (PreparedStatementCallback<@Nullable Void>) ps -> {
            bind(ps, values);
            ps.execute();
            while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                // drain every statement's result so an error in any of them surfaces here
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, @Nullable Object[] values) throws java.sql.SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL); // the server infers the column's type
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
