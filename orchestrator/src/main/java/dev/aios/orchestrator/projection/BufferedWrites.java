package dev.aios.orchestrator.projection;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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

    private final JdbcTemplate jdbc;
    private final Runnable beforeFlush;
    private final StringBuilder sql = new StringBuilder();
    private final List<@Nullable Object> args = new ArrayList<>();
    private int statements;

    BufferedWrites(JdbcTemplate jdbc, Runnable beforeFlush) {
        this.jdbc = jdbc;
        this.beforeFlush = beforeFlush;
    }

    void add(String statement, @Nullable Object... values) {
        if (statements > 0) {
            sql.append(";\n");
        }
        sql.append(statement);
        args.addAll(java.util.Arrays.asList(values));
        if (++statements >= MAX_STATEMENTS) {
            flush();
        }
    }

    /**
     * Runs what was added, in one round trip, after the {@code beforeFlush} action (which writes what these
     * statements may refer to); a failure is translated like any JdbcTemplate call.
     */
    public void flush() {
        beforeFlush.run();
        if (statements == 0) {
            return;
        }
        String query = sql.toString();
        Object[] values = args.toArray();
        sql.setLength(0);
        args.clear();
        statements = 0;
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
