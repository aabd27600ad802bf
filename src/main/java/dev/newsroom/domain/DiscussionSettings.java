package dev.newsroom.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The discussion settings that drive submission and moderation, and how pages show a discussion
 * ({@link PageDisplay}), with WordPress's defaults ({@link #defaults()}). {@link #problems()} lists every out-of-range value so an admin write can be refused whole.
 */
public record DiscussionSettings(
        boolean requireNameEmail,
        int floodSeconds,
        int maxLinks,
        List<String> moderationKeys,
        List<String> disallowedKeys,
        boolean moderateAll,
        boolean requirePreviouslyApproved,
        int threadDepth,
        int closeCommentsAfterDays,
        long version,
        PageDisplay display) {

    public static final int MAX_KEYS = 1000;
    public static final int MAX_KEY_LENGTH = 200;

    public DiscussionSettings {
        moderationKeys = List.copyOf(moderationKeys);
        disallowedKeys = List.copyOf(disallowedKeys);
        display = display == null ? PageDisplay.defaults() : display;
    }

    /** Settings that show pages as {@link PageDisplay#defaults()} does. */
    public DiscussionSettings(boolean requireNameEmail, int floodSeconds, int maxLinks, List<String> moderationKeys,
                              List<String> disallowedKeys, boolean moderateAll, boolean requirePreviouslyApproved,
                              int threadDepth, int closeCommentsAfterDays, long version) {
        this(requireNameEmail, floodSeconds, maxLinks, moderationKeys, disallowedKeys, moderateAll,
                requirePreviouslyApproved, threadDepth, closeCommentsAfterDays, version, PageDisplay.defaults());
    }

    public static DiscussionSettings defaults() {
        return new DiscussionSettings(true, 15, 2, List.of(), List.of(), false, true, 5, 0, 0);
    }

    public DiscussionSettings withVersion(long newVersion) {
        return new DiscussionSettings(requireNameEmail, floodSeconds, maxLinks, moderationKeys, disallowedKeys,
                moderateAll, requirePreviouslyApproved, threadDepth, closeCommentsAfterDays, newVersion, display);
    }

    /** The same settings shown as {@code newDisplay} says. */
    public DiscussionSettings withDisplay(PageDisplay newDisplay) {
        return new DiscussionSettings(requireNameEmail, floodSeconds, maxLinks, moderationKeys, disallowedKeys,
                moderateAll, requirePreviouslyApproved, threadDepth, closeCommentsAfterDays, version, newDisplay);
    }

    /** Every value out of its range, empty when the settings are usable. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        range(errors, "floodSeconds", floodSeconds, 0, 86_400);
        range(errors, "maxLinks", maxLinks, 0, 100);
        range(errors, "threadDepth", threadDepth, 1, 10);
        range(errors, "closeCommentsAfterDays", closeCommentsAfterDays, 0, 36_500);
        keys(errors, "moderationKeys", moderationKeys);
        keys(errors, "disallowedKeys", disallowedKeys);
        errors.addAll(display.problems());
        return errors;
    }

    private static void range(List<FieldError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "out_of_range", field + " must be between " + min + " and " + max + "."));
        }
    }

    private static void keys(List<FieldError> errors, String field, List<String> keys) {
        if (keys.size() > MAX_KEYS) {
            errors.add(new FieldError(field, "too_many", field + " holds at most " + MAX_KEYS + " entries."));
        } else if (keys.stream().anyMatch(k -> k == null || k.isBlank() || k.length() > MAX_KEY_LENGTH
                || TextRules.hasForbiddenCharacters(k))) {
            errors.add(new FieldError(field, "invalid", field + " entries must be 1 to " + MAX_KEY_LENGTH
                    + " characters of text and not blank."));
        }
    }
}
