package dev.newsroom.domain;

/** One broken rule on one input field: {@code field} is the contract's field name, {@code code} a stable word. */
public record FieldError(String field, String code, String message) {
}
