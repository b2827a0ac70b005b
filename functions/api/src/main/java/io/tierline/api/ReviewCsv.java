package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One review's rows as CSV for a spreadsheet: a column per record component, in declaration order, a nested record's
 * components as columns of their own ({@code timeSpent.inTeam.medianMinutes}, or just {@code handled} for a part
 * the JSON unwraps into its row); a map is written as
 * {@code key=value; key=value} (a record value as {@code name value, name value}), a list as {@code a; b}, nothing
 * as an empty cell.
 */
final class ReviewCsv {
    /** RFC 4180 rows: CRLF after each, a cell quoted only when it holds a comma, a quote or a line break. */
    private static final ObjectWriter ROWS = new CsvMapper().writerFor(List.class)
            .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
            // without it, Jackson quotes every cell longer than 24 characters instead of reading it
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private ReviewCsv() {
    }

    /** A column: its header and the accessors that lead from a row to its value. */
    private record Column(String name, List<RecordComponent> path) {
        Object of(Object row) throws IllegalAccessException, InvocationTargetException {
            Object value = row;
            for (RecordComponent step : path) {
                if (value == null) {
                    return null;
                }
                value = step.getAccessor().invoke(value);
            }
            return value;
        }
    }

    static <R extends Record> String of(Class<R> type, List<R> rows) {
        List<Column> columns = columns(type, "", List.of());
        StringWriter out = new StringWriter();
        // the header is a row of its own, so a review without rows still downloads its columns
        try (SequenceWriter printer = ROWS.writeValues(out)) {
            printer.write(columns.stream().map(Column::name).toList());
            for (R row : rows) {
                List<String> cells = new ArrayList<>();
                for (Column column : columns) {
                    cells.add(cell(column.of(row)));
                }
                printer.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read a review row", e);
        }
        return out.toString();
    }

    private static List<Column> columns(Class<?> type, String prefix, List<RecordComponent> path) {
        List<Column> columns = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            List<RecordComponent> to = new ArrayList<>(path);
            to.add(component);
            if (component.getType().isRecord()) {
                // a part the JSON shows flat in its row (@JsonUnwrapped) is flat in the CSV too
                String inner = component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
                        ? prefix : prefix + component.getName() + ".";
                columns.addAll(columns(component.getType(), inner, to));
            } else {
                columns.add(new Column(prefix + component.getName(), List.copyOf(to)));
            }
        }
        return columns;
    }

    private static String cell(Object value) throws IllegalAccessException, InvocationTargetException {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.add(e.getKey() + "=" + (e.getValue() instanceof Record r ? inline(r) : e.getValue()));
            }
            return String.join("; ", entries);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        return value.toString();
    }

    private static String inline(Record record) throws IllegalAccessException, InvocationTargetException {
        List<String> parts = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object v = component.getAccessor().invoke(record);
            parts.add(component.getName() + " " + (v == null ? "" : v));
        }
        return String.join(", ", parts);
    }
}
