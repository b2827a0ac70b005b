package io.tierline.tools.classifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A names file ({@code --label-names}): CSV with the header {@code code,name}; lines starting with '#' are comments. */
final class LabelNames {
    private LabelNames() {
    }

    /** The names, checked to cover every label the data holds, before anything is trained. */
    static Map<String, String> read(Path file, List<String> labels) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();
        Map<String, String> names = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderMap().containsKey("code") || !parser.getHeaderMap().containsKey("name")) {
                throw new IllegalArgumentException(file + ": the header must be code,name");
            }
            for (CSVRecord record : parser) {
                String code = record.get("code");
                String name = record.get("name");
                if (code.isEmpty() || name.isEmpty() || names.put(code, name) != null) {
                    throw new IllegalArgumentException(file + " line " + parser.getCurrentLineNumber()
                            + ": each code needs one non-empty name");
                }
            }
        }
        List<String> unnamed = labels.stream().filter(label -> !names.containsKey(label)).toList();
        if (!unnamed.isEmpty()) {
            throw new IllegalArgumentException(file + " names no label " + unnamed);
        }
        return names;
    }
}
