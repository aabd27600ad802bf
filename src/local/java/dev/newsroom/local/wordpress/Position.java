package dev.newsroom.local.wordpress;

import javax.xml.stream.Location;

/** A place in the export file, for messages: line and column, from 1. */
public record Position(int line, int column) {
    public static Position of(Location location) {
        return new Position(location.getLineNumber(), location.getColumnNumber());
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
