package io.defectstudio.app.shortcut;

/** Everything the inspector can trigger from the keyboard. */
public enum Command {
    NEXT_IMAGE,
    PREVIOUS_IMAGE,
    ACCEPT,
    NO_DEFECT,
    MARK_SUPPORT,
    FLAG,
    BRUSH,
    ERASER,
    POLYGON,
    BRUSH_SMALLER,
    BRUSH_LARGER,
    TOGGLE_OVERLAY,
    UNDO,
    REDO,
    ZOOM_FIT,
    ZOOM_ONE_TO_ONE,
    ZOOM_IN,
    ZOOM_OUT,
    HELP,
    FIND_IMAGE,
    MORE_SENSITIVE,
    LESS_SENSITIVE,
    /** The digit of the key says which: 1 is the first class in the list. */
    SELECT_CLASS,
    REVIEW_APPROVE,
    REVIEW_REJECT,
    REVIEW_RELABEL
}
