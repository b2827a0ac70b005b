package io.tierline.tools.classifier;

import io.tierline.core.classify.TicketText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads past tickets from a CSV file with a header row (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks). Header names match case-insensitively. Rows without a label cannot teach anything and are skipped.
 */
public final class TicketCsv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TicketCsv() {
    }

    /** The tickets read, and how many rows were skipped for an empty label. */
    public record Contents(List<LabelledTicket> tickets, int skippedWithoutLabel) {

        public Contents {
            tickets = List.copyOf(tickets);
        }
    }

    public static Contents read(Path csv, List<String> textColumns, String labelColumn) throws IOException {
        try (Reader reader = new BufferedReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            return read(reader, textColumns, labelColumn);
        }
    }

    public static Contents read(Reader source, List<String> textColumns, String labelColumn) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(false)
                .get();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(source), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<Integer> textIndexes = new ArrayList<>();
            for (String column : textColumns) {
                textIndexes.add(columnIndex(header, column));
            }
            int labelIndex = columnIndex(header, labelColumn);
            List<LabelledTicket> tickets = new ArrayList<>();
            int skipped = 0;
            for (CSVRecord record : parser) {
                String label = field(record, labelIndex).strip();
                if (label.isEmpty()) {
                    skipped++;
                    continue;
                }
                String[] parts = new String[textIndexes.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = field(record, textIndexes.get(i));
                }
                tickets.add(new LabelledTicket(TicketText.of(parts), label));
            }
            return new Contents(tickets, skipped);
        }
    }

    private static int columnIndex(Map<String, Integer> header, String column) {
        for (Map.Entry<String, Integer> entry : header.entrySet()) {
            if (entry.getKey().strip().equalsIgnoreCase(column.strip())) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException(
                "no column \"" + column + "\" in the CSV; its columns are " + header.keySet());
    }

    /** Short rows (fewer fields than the header) read as empty fields rather than failing the whole file. */
    private static String field(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    private static Reader withoutByteOrderMark(Reader source) throws IOException {
        PushbackReader reader = new PushbackReader(source, 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }
}
