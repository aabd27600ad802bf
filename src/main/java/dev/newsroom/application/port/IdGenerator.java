package dev.newsroom.application.port;

/** New comment ids: unique, and sorting as strings in creation order. */
public interface IdGenerator {
    String newId();
}
