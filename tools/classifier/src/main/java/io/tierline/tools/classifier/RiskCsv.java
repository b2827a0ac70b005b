package io.tierline.tools.classifier;

import io.tierline.core.classify.ContactHistory;
import io.tierline.core.triage.CustomerContacts;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The CSV of closed tickets the risk model trains from: written by the export, read back by the training. */
public final class RiskCsv {

    static final String[] COLUMNS = {"id", "subject", "description", "channel", "plan", "category", "priority",
        "earlier_contacts", "prior_escalations", "escalated"};

    private RiskCsv() {
    }

    public static void write(List<RiskRow> rows, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (RiskRow row : rows) {
                csv.printRecord(row.id(), row.text().subject(), row.text().description(), row.fields().channel(),
                        row.fields().plan(), row.fields().category(), row.fields().priority(),
                        row.history().earlierContacts(), row.history().priorEscalations(), row.escalated() ? 1 : 0);
            }
        }
    }

    public static List<RiskRow> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).get();
        List<RiskRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, format)) {
            for (CSVRecord r : csv) {
                rows.add(new RiskRow(r.get("id"), new RiskRow.Text(r.get("subject"), r.get("description")),
                        new RiskRow.Fields(r.get("channel"), r.get("plan"), r.get("category"), r.get("priority")),
                        new ContactHistory(Integer.parseInt(r.get("earlier_contacts")), CustomerContacts.WINDOW_DAYS,
                                Integer.parseInt(r.get("prior_escalations"))),
                        "1".equals(r.get("escalated").strip())));
            }
        }
        return rows;
    }
}
