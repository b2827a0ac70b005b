package io.tierline.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One review's rows as CSV for a spreadsheet: a column per record component, in declaration order; a map is written
 * as {@code key=value; key=value}, a list as {@code a; b}, nothing as an empty cell.
 */
final class ReviewCsv {
    private ReviewCsv() {
    }

    static <R extends Record> String of(Class<R> type, List<R> rows) {
        RecordComponent[] columns = type.getRecordComponents();
        StringWriter out = new StringWriter();
        String[] header = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            header[i] = columns[i].getName();
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (R row : rows) {
                List<String> cells = new ArrayList<>();
                for (RecordComponent column : columns) {
                    cells.add(cell(column.getAccessor().invoke(row)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read a review row", e);
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        return value.toString();
    }
}
