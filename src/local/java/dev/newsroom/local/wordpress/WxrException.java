package dev.newsroom.local.wordpress;

/** A file that cannot be imported at all (not XML, not a WordPress export, cut short), with where it went wrong. */
public final class WxrException extends Exception {
    private final Position position;

    public WxrException(String message, Position position) {
        super(position == null ? message : position + ": " + message);
        this.position = position;
    }

    /** Where in the file, or null when the file could not be read at all. */
    public Position position() {
        return position;
    }
}
