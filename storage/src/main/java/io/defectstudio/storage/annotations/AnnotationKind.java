package io.defectstudio.storage.annotations;

/** Where a mask came from: painted for the support set, a correction of a prediction, or imported from a dataset. */
public enum AnnotationKind {
    SUPPORT,
    CORRECTION,
    IMPORTED
}
