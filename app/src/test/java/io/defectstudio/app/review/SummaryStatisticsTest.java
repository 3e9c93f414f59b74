package io.defectstudio.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SummaryStatisticsTest {
    static ReviewItem item(long image, long cls, String className, long defectPixels, ReviewStatus status,
                           String inspector, Instant time) {
        return new ReviewItem(image, "img" + image, cls, className, false, true,
                new MaskMeasure(defectPixels, 10_000, defectPixels > 0 ? 1 : 0), OptionalDouble.of(0.8), inspector,
                time, status, "m1", "", null);
    }

    private final List<ClassRef> classes = List.of(new ClassRef(1, "scratch"), new ClassRef(2, "pit, deep"),
            new ClassRef(3, "unused"));
    private final Instant t = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void countsDefectiveShareAndAreaBinsPerClass() {
        List<ReviewItem> items = List.of(
                item(1, 1, "scratch", 0, ReviewStatus.PENDING, "ines", t),
                item(2, 1, "scratch", 5, ReviewStatus.PENDING, "ines", t),      // 0.05 % -> bin 0
                item(3, 1, "scratch", 300, ReviewStatus.APPROVED, "ines", t),   // 3 %    -> bin 4
                item(4, 1, "scratch", 2500, ReviewStatus.REJECTED, "ines", t),  // 25 %   -> open bin
                item(5, 2, "pit, deep", 150, ReviewStatus.PENDING, "olaf", t),  // 1.5 %  -> bin 3
                item(6, 1, "scratch", 900, ReviewStatus.PENDING, "", t),        // the model's alone: not counted
                item(7, 2, "pit, deep", 0, ReviewStatus.PENDING, "", t));

        List<ClassSummary> s = SummaryStatistics.of(classes, items);

        assertEquals(3, s.size());
        ClassSummary scratch = s.get(0);
        assertEquals(4, scratch.inspected());
        assertEquals(3, scratch.defective());
        assertEquals(0.75, scratch.defectiveShare(), 1e-12);
        assertEquals(List.of(1, 0, 0, 0, 1, 0, 0, 1), scratch.areaCounts());
        assertEquals(300, scratch.medianArea());
        assertEquals(List.of(0, 0, 0, 1, 0, 0, 0, 0), s.get(1).areaCounts());
        assertEquals(0, s.get(2).inspected());
        assertEquals(0, s.get(2).defectiveShare());
    }

    @Test
    void binsHaveReadableLabelsAndEdgesBelongToTheUpperBin() {
        assertEquals(List.of("<0.1%", "0.1-0.5%", "0.5-1%", "1-2%", "2-5%", "5-10%", "10-20%", ">=20%"),
                SummaryStatistics.binLabels());
        assertEquals(1, SummaryStatistics.bin(0.001));
        assertEquals(0, SummaryStatistics.bin(0.000999));
        assertEquals(7, SummaryStatistics.bin(1.0));
    }

    @Test
    void csvHasAHeaderAndOneQuotedRowPerClass() throws Exception {
        List<ClassSummary> s = SummaryStatistics.of(classes, List.of(
                item(1, 1, "scratch", 0, ReviewStatus.PENDING, "ines", t),
                item(2, 1, "scratch", 300, ReviewStatus.PENDING, "ines", t),
                item(5, 2, "pit, deep", 150, ReviewStatus.PENDING, "olaf", t)));
        StringWriter out = new StringWriter();
        ReviewCsv.write(ReviewCsv.summary(s), out);
        String[] lines = out.toString().split("\r\n");
        assertEquals(4, lines.length);
        assertEquals("class,inspected,defective,defective_share,median_area_px,area <0.1%,area 0.1-0.5%,"
                + "area 0.5-1%,area 1-2%,area 2-5%,area 5-10%,area 10-20%,area >=20%", lines[0]);
        assertEquals("scratch,2,1,0.5000,300,0,0,0,0,1,0,0,0", lines[1]);
        assertEquals("\"pit, deep\",1,1,1.0000,150,0,0,0,1,0,0,0,0", lines[2]);
        assertEquals("unused,0,0,0.0000,0,0,0,0,0,0,0,0,0", lines[3]);
        assertEquals("\"say \"\"hi\"\"\"", ReviewCsv.quote("say \"hi\""));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ReviewCsv.quote("=HYPERLINK(\"x\")"),
                "no formula injection");
        assertEquals("\"'+1,2\"", ReviewCsv.quote("+1,2"));
        assertEquals("'@SUM(A1)", ReviewCsv.quote("@SUM(A1)"));
    }

    @Test
    void theSavedCsvIsReadableLikeAnyDocument(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("summary.csv");
        ReviewCsv.write(ReviewCsv.summary(SummaryStatistics.of(classes, List.of())), file);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
    }
}
