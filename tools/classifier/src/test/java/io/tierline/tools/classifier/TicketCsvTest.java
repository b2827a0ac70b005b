package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketCsvTest {

    private static TicketCsv.Contents read(String csv, List<String> text, String label) throws IOException {
        return TicketCsv.read(new StringReader(csv), text, label);
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        String csv = "title,body,category\r\n"
                + "\"VPN, again\",\"Line one\nline \"\"two\"\"\",5\r\n"
                + "plain,\"multi\r\nline, with comma\",4\r\n";
        List<LabelledTicket> tickets = read(csv, List.of("title", "body"), "category").tickets();
        assertEquals(List.of(
                new LabelledTicket("VPN, again\nLine one\nline \"two\"", "5"),
                new LabelledTicket("plain\nmulti\r\nline, with comma", "4")), tickets);
    }

    @Test
    void skipsRowsWithoutALabelAndToleratesAnEmptyTitle() throws IOException {
        String csv = "title,body,category\n,only a body,4\nno label,text,\n  ,another,6\n";
        TicketCsv.Contents contents = read(csv, List.of("title", "body"), "category");
        assertEquals(List.of(new LabelledTicket("only a body", "4"), new LabelledTicket("another", "6")),
                contents.tickets());
        assertEquals(1, contents.skippedWithoutLabel());
    }

    @Test
    void matchesHeadersIgnoringCaseAndAByteOrderMark() throws IOException {
        String csv = "\uFEFFShort description,Assignment group\nlogin issue,GRP_0\n";
        List<LabelledTicket> tickets = read(csv, List.of("short DESCRIPTION"), "assignment group").tickets();
        assertEquals(List.of(new LabelledTicket("login issue", "GRP_0")), tickets);
    }

    @Test
    void namesTheAvailableColumnsWhenOneIsMissing() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read("title,body\nx,y\n", List.of("title"), "category"));
        assertTrue(error.getMessage().contains("category") && error.getMessage().contains("body"),
                error::getMessage);
    }
}
