package io.defectstudio.app.workspace;

import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.app.workspace.ProjectStore.StoredMask;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What working on a shared project adds to the workstation: the other stations' saves show up as they happen (the
 * queue reloads its statuses), the image on screen is claimed so that the others' queues skip it and say who has it,
 * and a save that crossed another station's is reported to both inspectors. On a single station's project it does
 * nothing. Runs on the UI thread; store calls go through the session.
 */
public final class SharedStation {
    private final WorkspaceSession session;
    private final ImageQueue queue;
    private final ClassList classes;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    /** The last version this station saved of each image and class: a later one by someone else is news for us. */
    private final Map<Key, Integer> mySaves = new HashMap<>();
    private AutoCloseable watch;
    private Key claimed;
    private boolean refreshRunning;
    private boolean refreshAgain;

    private record Key(long imageId, long classId) {
    }

    SharedStation(WorkspaceSession session, ImageQueue queue, ClassList classes) {
        this.session = session;
        this.queue = queue;
        this.classes = classes;
    }

    /** Starts following the open project, if several stations share it. */
    void attach() {
        ProjectStore store = session.store();
        if (store == null || !store.shared()) {
            connection.set("");
            return;
        }
        connection.set("Shared project: connecting…");
        watch = store.watch(change -> session.runOnUi(() -> onChange(store, change)),
                up -> session.runOnUi(() -> {
                    if (session.store() == store) {
                        connection.set(up ? "Shared project: live" : "Shared project: reconnecting…");
                        if (up) {
                            refresh(store);
                        }
                    }
                }));
    }

    /** Stops following; the store gives up this station's claims when it closes. */
    void detach() {
        AutoCloseable w = watch;
        watch = null;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                session.reportError("Leaving the shared project", e);
            }
        }
        mySaves.clear();
        claimed = null;
        connection.set("");
    }

    /** The image on screen changed: claim it for this station, giving up the previous one. */
    void shown(QueueEntry entry, ClassInfo cls) {
        ProjectStore store = session.store();
        if (store == null || !store.shared() || cls == null) {
            return;
        }
        Key now = new Key(entry.imageId(), cls.id());
        if (now.equals(claimed)) {
            return;
        }
        Key before = claimed;
        claimed = now;
        session.write(() -> {
            if (before != null) {
                store.release(before.imageId(), before.classId());
            }
            return store.claim(now.imageId(), now.classId());
        }, holder -> holder.ifPresent(station -> session.announce(entry.name() + " is open at " + station
                + " too: your saves and theirs are both kept, the later one is current")), "Claiming the image");
    }

    /**
     * This station saved a version; {@code knownVersion} is the newest one it knew of before. A gap means another
     * station saved in between.
     */
    void saved(String imageName, long imageId, long classId, int knownVersion, StoredMask saved) {
        mySaves.put(new Key(imageId, classId), saved.version());
        if (saved.version() > knownVersion + 1) {
            session.announce("Saved " + imageName + " as version " + saved.version() + ", the current one; another"
                    + " station saved version " + (saved.version() - 1) + " while you worked, and it stays in the"
                    + " history");
        }
    }

    private void onChange(ProjectStore store, ProjectStore.Change change) {
        // This station's own saves are on screen already; reloading for each of them (every prediction of the
        // queue) would only cost reads.
        if (session.store() != store || change.ours()) {
            return;
        }
        if ("annotation".equals(change.table()) && change.imageId() != null && change.classId() != null) {
            Key key = new Key(change.imageId(), change.classId());
            Integer mine = mySaves.get(key);
            if (mine != null) {
                checkOvertaken(store, key, mine);
            }
        }
        refresh(store);
    }

    /** Tells the inspector when someone else saved over a mask they saved here. */
    private void checkOvertaken(ProjectStore store, Key key, int mine) {
        session.read(() -> store.latestMask(key.imageId(), key.classId()), latest -> latest.ifPresent(mask -> {
            if (mask.version() > mine && !mask.person().equals(store.person())) {
                mySaves.remove(key);
                String name = queue.find(key.imageId()).map(QueueEntry::name).orElse("image " + key.imageId());
                session.announce(mask.person() + " saved a newer mask of " + name + " (version " + mask.version()
                        + ") after yours (version " + mine + "); theirs is current, yours stays in the history");
            }
        }));
    }

    /** Reloads the queue's statuses; changes that arrive meanwhile cause one more reload, not one each. */
    private void refresh(ProjectStore store) {
        if (refreshRunning) {
            refreshAgain = true;
            return;
        }
        refreshRunning = true;
        Runnable done = () -> {
            refreshRunning = false;
            if (refreshAgain && session.store() == store) {
                refreshAgain = false;
                refresh(store);
            }
        };
        queue.load(classes.active(), done, done);
    }

    /** Empty for a single station's project; otherwise whether the shared project is live or reconnecting. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }
}
