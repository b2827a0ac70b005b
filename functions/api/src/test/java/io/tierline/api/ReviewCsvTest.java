package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV a spreadsheet gets: RFC 4180 quoting and line ends, nested records as columns, no rows still a header. */
class ReviewCsvTest {

    record Minutes(Integer median, Integer p90) {
    }

    record Counts(int volume, int escalated) {
    }

    record Row(String team, @JsonUnwrapped Counts counts, Minutes timeSpentInTeamWithALongName,
               Map<String, Object> causes, List<String> tags, String note) {
    }

    @Test
    void quotesOnlyTheCellsThatNeedItWhateverTheirLength() {
        Map<String, Object> causes = new LinkedHashMap<>();
        causes.put("billing", 2);
        causes.put("product-defect", new Counts(1, 0));
        Row row = new Row("billing, EU", new Counts(3, 1), new Minutes(42, null), causes,
                List.of("vip", "refund"), "said \"urgent\"\nthen left");

        String csv = ReviewCsv.of(Row.class, List.of(row));

        assertEquals("team,volume,escalated,timeSpentInTeamWithALongName.median,timeSpentInTeamWithALongName.p90,"
                        + "causes,tags,note\r\n"
                        + "\"billing, EU\",3,1,42,,\"billing=2; product-defect=volume 1, escalated 0\",vip; refund,"
                        + "\"said \"\"urgent\"\"\nthen left\"\r\n",
                csv);
    }

    @Test
    void aReviewWithoutRowsStillHasItsHeader() {
        assertEquals("team,volume,escalated,timeSpentInTeamWithALongName.median,timeSpentInTeamWithALongName.p90,"
                + "causes,tags,note\r\n", ReviewCsv.of(Row.class, List.of()));
    }
}
