package io.defectstudio.storage;

/** A record asked for by id does not exist. */
public class NotFoundException extends StorageException {
    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }
}
