package io.defectstudio.app.review;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the summary view's figures as CSV (RFC 4180: comma separated, CRLF, quoted where needed), one row per
 * class: inspected, defective, defective share, median area, then one column per area bin.
 */
public final class CsvSummaryWriter {
    private CsvSummaryWriter() {
    }

    public static void write(List<ClassSummary> rows, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("class", "inspected", "defective", "defective_share",
                "median_area_px"));
        SummaryStatistics.binLabels().forEach(l -> header.add("area " + l));
        line(out, header);
        for (ClassSummary s : rows) {
            List<String> cells = new ArrayList<>(List.of(s.className(), String.valueOf(s.inspected()),
                    String.valueOf(s.defective()), String.format(Locale.ROOT, "%.4f", s.defectiveShare()),
                    String.valueOf(s.medianArea())));
            s.areaCounts().forEach(n -> cells.add(String.valueOf(n)));
            line(out, cells);
        }
    }

    /**
     * Writes to a temporary file beside {@code target} and moves it into place, so a failure leaves no half file. The
     * file is readable by others like any document (a temporary file is created owner-only).
     */
    public static void write(List<ClassSummary> rows, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".summary", ".csv.part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(rows, w);
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
