package io.defectstudio.app.review;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review's two CSV exports (RFC 4180: comma separated, CRLF, quoted where needed): the summary, one row per
 * class, and the decisions, one row per part and class. Every cell a spreadsheet would read as a formula is kept
 * text.
 */
public final class ReviewCsv {

    /** A header row and its rows, all cells as text. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ReviewCsv() {
    }

    /** Per class: inspected, defective, defective share, median area, then one column per area bin. */
    public static Table summary(List<ClassSummary> classes) {
        List<String> header = new ArrayList<>(List.of("class", "inspected", "defective", "defective_share",
                "median_area_px"));
        SummaryStatistics.binLabels().forEach(l -> header.add("area " + l));
        List<List<String>> rows = new ArrayList<>();
        for (ClassSummary s : classes) {
            List<String> cells = new ArrayList<>(List.of(s.className(), String.valueOf(s.inspected()),
                    String.valueOf(s.defective()), String.format(Locale.ROOT, "%.4f", s.defectiveShare()),
                    String.valueOf(s.medianArea())));
            s.areaCounts().forEach(n -> cells.add(String.valueOf(n)));
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    /**
     * Per part and class: the image, the class, the verdict (pending until a supervisor gave one), who gave it and
     * when (in {@code zone}), who labelled it, the defect area and share, and the model version behind the mask.
     */
    public static Table decisions(List<ReviewItem> items, ZoneId zone) {
        List<String> header = List.of("image", "class", "verdict", "reviewer", "reviewed_at", "inspector",
                "defect_area_px", "defect_share", "regions", "flagged", "model_version");
        List<List<String>> rows = new ArrayList<>();
        for (ReviewItem i : items) {
            rows.add(List.of(i.imageName(), i.className(), i.status().label(), i.supervisor(),
                    i.decidedAt() == null ? "" : TIME.format(i.decidedAt().atZone(zone)), i.inspector(),
                    String.valueOf(i.measure().defectPixels()),
                    String.format(Locale.ROOT, "%.6f", i.measure().share()), String.valueOf(i.measure().regions()),
                    String.valueOf(i.flagged()), i.modelVersion()));
        }
        return new Table(header, rows);
    }

    public static void write(Table table, Writer out) throws IOException {
        line(out, table.header());
        for (List<String> row : table.rows()) {
            line(out, row);
        }
    }

    /**
     * Writes to a temporary file beside {@code target} and moves it into place, so a failure leaves no half file. The
     * file is readable by others like any document (a temporary file is created owner-only).
     */
    public static void write(Table table, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".review", ".csv.part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(table, w);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * A cell as CSV: quoted where needed, and with a leading apostrophe where a spreadsheet would read it as a formula
     * ({@code = + - @}), so a class named "=HYPERLINK(...)" stays text.
     */
    static String quote(String cell) {
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
