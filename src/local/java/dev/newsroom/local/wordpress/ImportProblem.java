package dev.newsroom.local.wordpress;

/** One post or comment that cannot be imported, with where it is in the file; the import goes on without it. */
final class ImportProblem extends Exception {
    private final Position position;

    ImportProblem(String message, Position position) {
        super(message);
        this.position = position;
    }

    @Override
    public String toString() {
        return position + ": " + getMessage();
    }
}
