package io.defectstudio.app.shortcut;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The one table of key bindings: the key handler looks commands up here and the F1 overlay lists it, so the two
 * cannot drift apart.
 */
public final class Shortcuts {
    /** Where a binding applies: a key may mean one thing while labelling and another in the review window. */
    public enum Scope { LABELLING, REVIEW }

    /** One binding with the text the help overlay shows. */
    public record Binding(Command command, List<KeyChord> chords, String description, Scope scope) {
        public Binding(Command command, List<KeyChord> chords, String description) {
            this(command, chords, description, Scope.LABELLING);
        }

        public String keysDisplay() {
            List<String> keys = chords.stream().map(KeyChord::display).distinct().toList();
            // A run of number keys reads as a range.
            return keys.size() > 3 && chords.stream().allMatch(c -> c.digit() >= 0)
                    ? keys.get(0) + "-" + keys.get(keys.size() - 1) : String.join(" / ", keys);
        }
    }

    public static final List<Binding> DEFAULT = List.of(
            new Binding(Command.NEXT_IMAGE, List.of(KeyChord.of("N")), "Next image"),
            new Binding(Command.PREVIOUS_IMAGE, List.of(KeyChord.of("P")), "Previous image"),
            new Binding(Command.ACCEPT, List.of(KeyChord.of("A"), KeyChord.of("ENTER")), "Accept the mask on screen"),
            new Binding(Command.NO_DEFECT, List.of(KeyChord.of("R")), "No defect: clear the mask and accept it"),
            new Binding(Command.MARK_SUPPORT, List.of(KeyChord.of("S")), "Mark as support (few-shot example)"),
            new Binding(Command.FLAG, List.of(KeyChord.of("F")), "Flag for a second look"),
            new Binding(Command.BRUSH, List.of(KeyChord.of("B")), "Brush tool"),
            new Binding(Command.ERASER, List.of(KeyChord.of("E")), "Eraser tool"),
            new Binding(Command.POLYGON, List.of(KeyChord.of("L")), "Polygon / lasso fill (Shift erases)"),
            new Binding(Command.BRUSH_SMALLER, List.of(KeyChord.of("OPEN_BRACKET")), "Smaller brush"),
            new Binding(Command.BRUSH_LARGER, List.of(KeyChord.of("CLOSE_BRACKET")), "Larger brush"),
            new Binding(Command.TOGGLE_OVERLAY, List.of(KeyChord.of("H")), "Hide / show the mask overlay"),
            new Binding(Command.UNDO, List.of(KeyChord.ctrl("Z")), "Undo the last stroke"),
            new Binding(Command.REDO, List.of(KeyChord.ctrlShift("Z"), KeyChord.ctrl("Y")), "Redo"),
            new Binding(Command.ZOOM_FIT, List.of(KeyChord.of("DIGIT0")), "Fit image to window"),
            new Binding(Command.ZOOM_ONE_TO_ONE, List.of(KeyChord.ctrl("DIGIT1")), "Zoom 1:1"),
            new Binding(Command.SELECT_CLASS, IntStream.rangeClosed(1, 9).mapToObj(d -> KeyChord.of("DIGIT" + d))
                    .toList(), "Label the 1st ... 9th defect class"),
            new Binding(Command.ZOOM_IN, List.of(KeyChord.of("PLUS"), KeyChord.of("ADD")), "Zoom in"),
            new Binding(Command.ZOOM_OUT, List.of(KeyChord.of("MINUS"), KeyChord.of("SUBTRACT")), "Zoom out"),
            new Binding(Command.HELP, List.of(KeyChord.of("F1")), "Show / hide this help"),
            new Binding(Command.FIND_IMAGE, List.of(KeyChord.ctrl("F")), "Find an image by name (Enter opens it)"),
            new Binding(Command.MORE_SENSITIVE, List.of(KeyChord.of("PERIOD")),
                    "More sensitive: predictions paint more (no network run)"),
            new Binding(Command.LESS_SENSITIVE, List.of(KeyChord.of("COMMA")),
                    "Less sensitive: predictions paint less"),
            new Binding(Command.REVIEW_APPROVE, List.of(KeyChord.of("A")), "Review: approve", Scope.REVIEW),
            new Binding(Command.REVIEW_REJECT, List.of(KeyChord.of("R")), "Review: reject", Scope.REVIEW),
            new Binding(Command.REVIEW_RELABEL, List.of(KeyChord.of("F")), "Review: flag for relabelling",
                    Scope.REVIEW));

    /** Mouse gestures, listed in the overlay next to the keys. */
    public static final List<String[]> GESTURES = List.of(
            new String[] {"Wheel", "Zoom at the cursor"},
            new String[] {"Space+drag / middle drag", "Pan"},
            new String[] {"Left drag", "Paint with the current tool"});

    private final List<Binding> bindings;

    public Shortcuts(List<Binding> bindings) {
        for (int i = 0; i < bindings.size(); i++) {
            for (int j = i + 1; j < bindings.size(); j++) {
                for (KeyChord c : bindings.get(i).chords()) {
                    if (bindings.get(i).scope() == bindings.get(j).scope() && bindings.get(j).chords().contains(c)) {
                        throw new IllegalArgumentException(c.display() + " is bound to both "
                                + bindings.get(i).command() + " and " + bindings.get(j).command());
                    }
                }
            }
        }
        this.bindings = List.copyOf(bindings);
    }

    public static Shortcuts defaults() {
        return new Shortcuts(DEFAULT);
    }

    public List<Binding> bindings() {
        return bindings;
    }

    public Optional<Command> lookup(KeyChord chord) {
        return lookup(Scope.LABELLING, chord);
    }

    public Optional<Command> lookup(Scope scope, KeyChord chord) {
        return bindings.stream().filter(b -> b.scope() == scope && b.chords().contains(chord))
                .map(Binding::command).findFirst();
    }
}
