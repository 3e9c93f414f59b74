package io.defectstudio.app.workspace;

import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The project's defect classes and the one being labelled: create, rename and recolour them. */
public final class ClassList {

    private final WorkspaceSession session;
    private final ObservableList<ClassInfo> classes = FXCollections.observableArrayList();
    // One read-only view: a fresh wrapper per call would hold its listeners only weakly and drop them on GC.
    private final ObservableList<ClassInfo> view = FXCollections.unmodifiableObservableList(classes);
    private final ObjectProperty<ClassInfo> active = new SimpleObjectProperty<>();
    private Consumer<ClassInfo> onActiveRecoloured = c -> { };

    ClassList(WorkspaceSession session) {
        this.session = session;
    }

    /** Called with the active class when its colour (not its id) changed. */
    void setOnActiveRecoloured(Consumer<ClassInfo> action) {
        onActiveRecoloured = action;
    }

    /** Shows a project's classes and makes the first one active. */
    void setAll(List<ClassInfo> list) {
        classes.setAll(list);
        if (!list.isEmpty()) {
            active.set(list.get(0));
        }
    }

    /** Makes the {@code number}th class of the list (from 1) the one being labelled; nothing if there is none. */
    public void selectNumber(int number) {
        if (number >= 1 && number <= classes.size()) {
            active.set(classes.get(number - 1));
        }
    }

    void clear() {
        active.set(null);
        classes.clear();
    }

    public void create(String name, String colourHex) {
        ProjectStore s = session.store();
        if (s == null || name == null || name.isBlank()) {
            return;
        }
        session.write(() -> s.createClass(name.strip(), colourHex), c -> {
            classes.add(c);
            active.set(c);
        });
    }

    public void rename(ClassInfo c, String name) {
        ProjectStore s = session.store();
        if (s == null || c == null || name == null || name.isBlank()) {
            return;
        }
        session.write(() -> {
            s.renameClass(c.id(), name.strip());
            return new ClassInfo(c.id(), name.strip(), c.colourHex());
        }, this::replace);
    }

    public void recolour(ClassInfo c, String colourHex) {
        ProjectStore s = session.store();
        if (s == null || c == null) {
            return;
        }
        session.write(() -> {
            s.recolourClass(c.id(), colourHex);
            return new ClassInfo(c.id(), c.name(), colourHex);
        }, this::replace);
    }

    private void replace(ClassInfo updated) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).id() == updated.id()) {
                classes.set(i, updated);
            }
        }
        if (active.get() != null && active.get().id() == updated.id()) {
            // same id: the queue does not reload, only the colour of support masks changes
            active.set(updated);
            onActiveRecoloured.accept(updated);
        }
    }

    public ObservableList<ClassInfo> classes() {
        return view;
    }

    public ObjectProperty<ClassInfo> activeProperty() {
        return active;
    }

    /** The active class, or null. */
    public ClassInfo active() {
        return active.get();
    }
}
