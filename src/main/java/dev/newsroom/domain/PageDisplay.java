package dev.newsroom.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the served pages show a discussion, with WordPress's defaults ({@link #defaults()}): dates in
 * {@code dateFormat} and {@code timeFormat} (PHP {@code date()} letters, as WordPress's settings take them, see
 * {@link SiteDates}) in the site's {@code timezone} (an IANA name or a UTC offset), avatars (off for sites that want
 * no third-party request) with the Gravatar default image {@code avatarDefault}, and {@code commentsPerPage}
 * top-level comments on each page of a thread.
 */
public record PageDisplay(String dateFormat, String timeFormat, String timezone, boolean showAvatars,
                          String avatarDefault, int commentsPerPage) {
    public static final int MAX_FORMAT = 40;
    /** Gravatar's default images, as WordPress's "Default Avatar" setting names them. */
    public static final Set<String> AVATAR_DEFAULTS =
            Set.of("mystery", "blank", "identicon", "wavatar", "monsterid", "retro", "robohash");

    public static PageDisplay defaults() {
        return new PageDisplay("F j, Y", "g:i a", "UTC", true, "mystery", 50);
    }

    /** The site's time zone; UTC for a value {@link #problems()} would refuse. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Every value out of its range, empty when usable. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        format(errors, "dateFormat", dateFormat);
        format(errors, "timeFormat", timeFormat);
        boolean zone;
        try {
            ZoneId.of(timezone);
            zone = true;
        } catch (DateTimeException | NullPointerException e) {
            zone = false;
        }
        if (!zone) {
            errors.add(new FieldError("timezone", "invalid", "timezone must be a time zone name such as "
                    + "Europe/Paris, or an offset such as +02:00."));
        }
        if (!AVATAR_DEFAULTS.contains(avatarDefault)) {
            errors.add(new FieldError("avatarDefault", "invalid", "avatarDefault must be one of "
                    + String.join(", ", AVATAR_DEFAULTS.stream().sorted().toList()) + "."));
        }
        if (commentsPerPage < 1 || commentsPerPage > 100) {
            errors.add(new FieldError("commentsPerPage", "out_of_range", "commentsPerPage must be between 1 and 100."));
        }
        return errors;
    }

    private static void format(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_FORMAT || TextRules.hasForbiddenCharacters(value)) {
            errors.add(new FieldError(field, "invalid", field + " must be 1 to " + MAX_FORMAT
                    + " characters of PHP date() letters, such as \"F j, Y\"."));
        }
    }
}
