package io.defectstudio.app.review;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Charts of the summary of the filtered parts: counts, defective share and area distribution per class. */
final class SummaryView extends GridPane {
    private final BarChart<String, Number> counts = chart("Parts inspected per class", "parts");
    private final BarChart<String, Number> share = chart("Defective share per class", "% defective");
    private final BarChart<String, Number> areas = chart("Defect-area distribution (share of the image)", "parts");

    SummaryView(ReviewViewModel vm) {
        setId("review-summary");
        counts.setId("summary-counts");
        share.setId("summary-share");
        areas.setId("summary-areas");
        share.setLegendVisible(false);
        add(counts, 0, 0);
        add(share, 1, 0);
        add(areas, 0, 1, 2, 1);
        for (var c : List.of(counts, share, areas)) {
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
        }
        vm.summary().addListener((ListChangeListener<ClassSummary>) c -> show(List.copyOf(vm.summary())));
        show(List.copyOf(vm.summary()));
    }

    private static BarChart<String, Number> chart(String title, String yLabel) {
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        chart.setTitle(title);
        chart.setAnimated(false);
        return chart;
    }

    private void show(List<ClassSummary> rows) {
        XYChart.Series<String, Number> inspected = new XYChart.Series<>();
        inspected.setName("inspected");
        XYChart.Series<String, Number> defective = new XYChart.Series<>();
        defective.setName("defective");
        XYChart.Series<String, Number> percent = new XYChart.Series<>();
        for (ClassSummary s : rows) {
            inspected.getData().add(new XYChart.Data<>(s.className(), s.inspected()));
            defective.getData().add(new XYChart.Data<>(s.className(), s.defective()));
            percent.getData().add(classColoured(new XYChart.Data<>(s.className(), 100 * s.defectiveShare()),
                    s.colourHex()));
        }
        counts.getData().setAll(List.of(inspected, defective));
        share.getData().setAll(List.of(percent));
        List<String> bins = SummaryStatistics.binLabels();
        List<XYChart.Series<String, Number>> perClass = rows.stream().map(s -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.className());
            for (int b = 0; b < bins.size(); b++) {
                series.getData().add(classColoured(new XYChart.Data<>(bins.get(b), s.areaCounts().get(b)),
                        s.colourHex()));
            }
            return series;
        }).toList();
        areas.getData().setAll(perClass);
    }

    /** A bar in its class's colour (the chart's own palette would give classes colours they have nowhere else). */
    private static XYChart.Data<String, Number> classColoured(XYChart.Data<String, Number> bar, String colourHex) {
        bar.nodeProperty().addListener((o, a, node) -> {
            if (node != null) {
                node.setStyle("-fx-bar-fill: " + colourHex + ";");
            }
        });
        return bar;
    }
}
