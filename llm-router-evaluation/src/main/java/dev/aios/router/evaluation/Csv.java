package dev.aios.router.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF or LF, fields optionally in double quotes
 * where a doubled quote stands for one quote and commas and line breaks are literal. The RouteLLM files quote
 * multi-line model responses, so a line-based split would misread them.
 */
final class Csv {
    private Csv() {}

    static List<List<String>> parse(Reader source) throws IOException {
        // one character of look-ahead after a quote or CR needs mark/reset
        Reader in = source.markSupported() ? source : new BufferedReader(source);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        if (next != ',' && next != '\n' && next != '\r') {
                            throw new IllegalArgumentException("line " + line + ": text after a closing quote");
                        }
                        c = next;
                        // fall through to handle the separator below
                        if (handleSeparator(c, in, record, field, records)) {
                            line++;
                        }
                        fieldStarted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                if (handleSeparator(c, in, record, field, records)) {
                    line++;
                }
                fieldStarted = false;
            } else {
                fieldStarted = true;
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + line + ": quoted field is not closed");
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        return records;
    }

    /** Ends the field; on a line break also ends the record. Returns whether a record ended. */
    private static boolean handleSeparator(
            int c, Reader in, List<String> record, StringBuilder field, List<List<String>> records) throws IOException {
        record.add(field.toString());
        field.setLength(0);
        if (c == ',') {
            return false;
        }
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
        records.add(List.copyOf(record));
        record.clear();
        return true;
    }
}
