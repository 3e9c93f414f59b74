package io.defectstudio.app.gui;

import io.defectstudio.app.shortcut.Shortcuts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The F1 overlay: every binding of the shortcut table plus the mouse gestures. */
final class HelpOverlay extends StackPane {
    HelpOverlay(Shortcuts shortcuts) {
        setId("help-overlay");
        setStyle("-fx-background-color: rgba(0,0,0,0.55);");
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        int row = 0;
        for (Shortcuts.Binding b : shortcuts.bindings()) {
            grid.addRow(row++, key(b.keysDisplay()), text(b.description()));
        }
        for (String[] g : Shortcuts.GESTURES) {
            grid.addRow(row++, key(g[0]), text(g[1]));
        }
        Label title = new Label("Keyboard shortcuts  (F1 to close)");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold; -fx-text-fill: white;");
        VBox card = new VBox(12, title, grid);
        card.setPadding(new Insets(20));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: #2b2d31; -fx-background-radius: 8;");
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    private static Label key(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-family: monospace; -fx-text-fill: #ffd866; -fx-font-weight: bold;");
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-text-fill: #e6e6e6;");
        return l;
    }
}
