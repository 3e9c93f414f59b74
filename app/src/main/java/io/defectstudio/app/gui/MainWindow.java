package io.defectstudio.app.gui;

import io.defectstudio.app.canvas.CanvasView;
import io.defectstudio.app.canvas.CanvasViewModel;
import io.defectstudio.app.canvas.Tool;
import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.shortcut.Command;
import io.defectstudio.app.shortcut.KeyChord;
import io.defectstudio.app.shortcut.Shortcuts;
import io.defectstudio.app.workspace.WorkspaceViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** The main window: classes and queue on the left, the canvas in the middle, tools on top, status below. */
public final class MainWindow extends BorderPane {
    private final WorkspaceViewModel vm;
    private final CanvasView canvasView;
    private final HelpOverlay help;
    private final QueuePanel queuePanel;
    private final Shortcuts shortcuts;

    public MainWindow(WorkspaceViewModel vm, DialogService dialogs, Shortcuts shortcuts, ProjectActions actions) {
        this.vm = vm;
        this.shortcuts = shortcuts;
        setId("main-window");
        CanvasViewModel cvm = vm.canvas();
        canvasView = new CanvasView(cvm);
        help = new HelpOverlay(shortcuts);
        StackPane centre = new StackPane(canvasView, help);
        centre.setMinSize(200, 200);

        queuePanel = new QueuePanel(vm);
        VBox left = new VBox(new ClassPanel(vm.classes(), vm.sensitivity(), dialogs), queuePanel);
        VBox.setVgrow(left.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(230);
        left.setPrefWidth(260);
        SplitPane split = new SplitPane(left, centre);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(left, false);

        setTop(new VBox(menu(actions), toolbar(cvm)));
        setCenter(split);
        setBottom(new StatusBar(vm));
        vm.folderImport().lastReportProperty().addListener((o, a, report) -> {
            if (report != null) {
                dialogs.showImportReport(report);
            }
        });
        // Another station's work crossing this inspector's: a notification that stays a while, beside the message.
        vm.session().noticeProperty().addListener((o, a, text) -> {
            if (!text.isEmpty() && getScene() != null) {
                Notifications.create().owner(getScene().getWindow()).title("Shared project").text(text)
                        .hideAfter(Duration.seconds(10)).position(Pos.BOTTOM_RIGHT).showInformation();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                canvasView.setSpaceDown(false);
            }
        });
    }

    public CanvasView canvasView() {
        return canvasView;
    }

    public boolean isHelpShown() {
        return help.isVisible();
    }

    private MenuBar menu(ProjectActions actions) {
        MenuItem create = new MenuItem("New project…");
        create.setOnAction(e -> actions.newProject());
        MenuItem open = new MenuItem("Open project…");
        open.setOnAction(e -> actions.openProject());
        MenuItem createShared = new MenuItem("New shared project…");
        createShared.setId("menu-new-shared");
        createShared.setOnAction(e -> actions.newSharedProject());
        MenuItem openShared = new MenuItem("Open shared project…");
        openShared.setId("menu-open-shared");
        openShared.setOnAction(e -> actions.openSharedProject());
        MenuItem importFolder = new MenuItem("Import folder…");
        importFolder.setId("menu-import");
        importFolder.setOnAction(e -> actions.importFolder());
        MenuItem importDataset = new MenuItem("Import dataset…");
        importDataset.setId("menu-import-dataset");
        importDataset.setOnAction(e -> actions.importDataset());
        MenuItem exportDataset = new MenuItem("Export dataset…");
        exportDataset.setId("menu-export-dataset");
        exportDataset.setOnAction(e -> actions.exportDataset());
        MenuItem name = new MenuItem("Your name…");
        name.setId("menu-name");
        name.setOnAction(e -> actions.chooseName());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> actions.quit());
        Menu project = new Menu("Project", null, create, open, createShared, openShared, new SeparatorMenuItem(),
                importFolder, importDataset, exportDataset, new SeparatorMenuItem(), name, new SeparatorMenuItem(),
                quit);
        MenuItem shortcutsItem = new MenuItem("Keyboard shortcuts (F1)");
        shortcutsItem.setOnAction(e -> run(Command.HELP));
        return new MenuBar(project, supervision(actions), new Menu("Help", null, shortcutsItem));
    }

    /** The review mode and the model menu (review and models packages). */
    private static Menu supervision(ProjectActions actions) {
        MenuItem review = new MenuItem("Review mode…");
        review.setId("menu-review");
        review.setOnAction(e -> actions.openReview());
        MenuItem train = new MenuItem("Train a model…");
        train.setId("menu-train");
        train.setOnAction(e -> actions.openTraining());
        MenuItem models = new MenuItem("Model versions…");
        models.setId("menu-models");
        models.setOnAction(e -> actions.openModels());
        MenuItem detail = new MenuItem("Segmentation detail…");
        detail.setId("menu-detail");
        detail.setOnAction(e -> actions.chooseDetail());
        return new Menu("Supervision", null, review, train, models, detail);
    }

    private ToolBar toolbar(CanvasViewModel cvm) {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton brush = toolButton("Brush (B)", Tool.BRUSH, tools, cvm, "tool-brush");
        ToggleButton eraser = toolButton("Eraser (E)", Tool.ERASER, tools, cvm, "tool-eraser");
        ToggleButton polygon = toolButton("Polygon (L)", Tool.POLYGON, tools, cvm, "tool-polygon");
        cvm.toolProperty().addListener(
                (o, a, t) -> tools.getToggles().forEach(x -> x.setSelected(x.getUserData() == t)));
        brush.setSelected(true);

        Label size = new Label();
        size.setId("brush-size");
        size.textProperty().bind(Bindings.format("Size %.0f px", cvm.brushRadiusProperty().multiply(2)));
        Button undo = new Button("Undo");
        undo.setId("undo");
        undo.disableProperty().bind(cvm.canUndoProperty().not());
        undo.setOnAction(e -> cvm.undo());
        Button redo = new Button("Redo");
        redo.setId("redo");
        redo.disableProperty().bind(cvm.canRedoProperty().not());
        redo.setOnAction(e -> cvm.redo());
        Button accept = new Button("Accept (A)");
        accept.setId("accept");
        accept.setOnAction(e -> vm.decisions().accept());
        Button support = new Button("Support (S)");
        support.setId("support");
        support.setOnAction(e -> vm.decisions().toggleSupport());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> canvasView.zoomFit());
        Button one = new Button("1:1");
        one.setOnAction(e -> canvasView.zoomOneToOne());
        ToggleButton overlay = new ToggleButton("Overlay (H)");
        overlay.selectedProperty().bindBidirectional(cvm.overlayVisibleProperty());

        Slider opacity = slider(0, 1, cvm.opacityProperty(), "opacity", "Mask opacity");
        Slider brightness = slider(-0.5, 0.5, cvm.brightnessProperty(), "brightness", "Brightness (display only)");
        Slider contrast = slider(0.2, 3, cvm.contrastProperty(), "contrast", "Contrast (display only)");
        return new ToolBar(brush, eraser, polygon, size, new Separator(), undo, redo, new Separator(), support,
                accept, new Separator(), fit, one, overlay, new Label("Opacity"), opacity, new Label("Brightness"),
                brightness, new Label("Contrast"), contrast);
    }

    private static ToggleButton toolButton(String text, Tool tool, ToggleGroup group, CanvasViewModel cvm, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(tool);
        b.setToggleGroup(group);
        b.setOnAction(e -> {
            cvm.toolProperty().set(tool);
            b.setSelected(true);
        });
        return b;
    }

    private static Slider slider(double min, double max, javafx.beans.property.DoubleProperty p, String id,
                                 String tip) {
        Slider s = new Slider(min, max, p.get());
        s.setId(id);
        s.setPrefWidth(64);
        s.valueProperty().bindBidirectional(p);
        s.setTooltip(new Tooltip(tip));
        s.setFocusTraversable(false);
        return s;
    }

    private void onKeyPressed(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            canvasView.setSpaceDown(true);
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            canvasView.cancelPolygon();
            help.setVisible(false);
            return;
        }
        if (e.getCode() == KeyCode.ENTER && vm.canvas().toolProperty().get() == Tool.POLYGON) {
            canvasView.closePolygon(e.isShiftDown());
            e.consume();
            return;
        }
        KeyChord chord = new KeyChord(e.getCode().name(), e.isShortcutDown(), e.isShiftDown());
        shortcuts.lookup(chord).ifPresent(c -> {
            if (c == Command.SELECT_CLASS) {
                vm.classes().selectNumber(chord.digit());
            } else {
                run(c);
            }
            e.consume();
        });
    }

    /** Runs one command, as from its key. */
    public void run(Command c) {
        CanvasViewModel cvm = vm.canvas();
        switch (c) {
            case NEXT_IMAGE -> vm.editor().next();
            case PREVIOUS_IMAGE -> vm.editor().previous();
            case ACCEPT -> vm.decisions().accept();
            case NO_DEFECT -> vm.decisions().markNoDefect();
            case MARK_SUPPORT -> vm.decisions().toggleSupport();
            case FLAG -> vm.decisions().flag();
            case BRUSH -> cvm.toolProperty().set(Tool.BRUSH);
            case ERASER -> cvm.toolProperty().set(Tool.ERASER);
            case POLYGON -> cvm.toolProperty().set(Tool.POLYGON);
            case BRUSH_SMALLER -> cvm.brushSmaller();
            case BRUSH_LARGER -> cvm.brushLarger();
            case TOGGLE_OVERLAY -> cvm.overlayVisibleProperty().set(!cvm.overlayVisibleProperty().get());
            case UNDO -> cvm.undo();
            case REDO -> cvm.redo();
            case ZOOM_FIT -> canvasView.zoomFit();
            case ZOOM_ONE_TO_ONE -> canvasView.zoomOneToOne();
            case ZOOM_IN -> canvasView.zoomBy(1.25);
            case ZOOM_OUT -> canvasView.zoomBy(1 / 1.25);
            case HELP -> help.setVisible(!help.isVisible());
            case FIND_IMAGE -> queuePanel.focusFind();
            case MORE_SENSITIVE -> vm.sensitivity().moreSensitive();
            case LESS_SENSITIVE -> vm.sensitivity().lessSensitive();
        }
    }

    /** What the Project menu does; implemented by the workstation that owns the window. */
    public interface ProjectActions {
        void newProject();

        void openProject();

        default void newSharedProject() {
        }

        default void importDataset() {
        }

        default void exportDataset() {
        }

        default void openSharedProject() {
        }

        void importFolder();

        void quit();

        default void openReview() {
        }

        default void openTraining() {
        }

        default void openModels() {
        }

        default void chooseDetail() {
        }

        default void chooseName() {
        }
    }

    Node helpNode() {
        return help;
    }
}
