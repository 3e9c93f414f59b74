package io.defectstudio.app.shortcut;

/**
 * A key plus modifiers, FX-free: {@code key} is a JavaFX {@code KeyCode} name such as "N", "ENTER", "OPEN_BRACKET".
 */
public record KeyChord(String key, boolean ctrl, boolean shift) {
    public static KeyChord of(String key) {
        return new KeyChord(key, false, false);
    }

    public static KeyChord ctrl(String key) {
        return new KeyChord(key, true, false);
    }

    public static KeyChord ctrlShift(String key) {
        return new KeyChord(key, true, true);
    }

    /** The digit 0-9 of a number key, or -1. */
    public int digit() {
        return key.matches("DIGIT[0-9]") ? key.charAt(5) - '0' : -1;
    }

    /** How the chord reads in the help overlay. */
    public String display() {
        String k = switch (key) {
            case "OPEN_BRACKET" -> "[";
            case "CLOSE_BRACKET" -> "]";
            case "ENTER" -> "Enter";
            case "PLUS", "ADD" -> "+";
            case "MINUS", "SUBTRACT" -> "-";
            case "DIGIT0", "DIGIT1", "DIGIT2", "DIGIT3", "DIGIT4", "DIGIT5", "DIGIT6", "DIGIT7", "DIGIT8", "DIGIT9" ->
                    key.substring("DIGIT".length());
            default -> key.length() == 1 ? key : key.charAt(0) + key.substring(1).toLowerCase();
        };
        return (ctrl ? "Ctrl+" : "") + (shift ? "Shift+" : "") + k;
    }
}
