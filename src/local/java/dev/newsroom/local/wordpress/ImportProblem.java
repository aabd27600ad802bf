package dev.newsroom.local.wordpress;

/** One post or comment that cannot be imported, with where it is in the file; the import goes on without it. */
public final class ImportProblem extends Exception {
    private final Position position;

    public ImportProblem(String message, Position position) {
        super(message);
        this.position = position;
    }

    @Override
    public String toString() {
        return position + ": " + getMessage();
    }
}
