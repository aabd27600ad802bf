package dev.newsroom.local.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * WordPress's dates ({@code 2024-03-01 09:15:00}). A {@code _gmt} field is UTC; when it is WordPress's zero date
 * ({@code 0000-00-00 00:00:00}, what drafts have) the site-local field stands in, read as UTC (the export does not
 * say the site's zone). Anything else that is not such a date is refused with its place in the file.
 */
final class WxrDates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String ZERO = "0000-00-00 00:00:00";

    private WxrDates() {
    }

    /** The first of {@code fields} that holds a date; null when each is empty or the zero date. */
    static Instant first(WxrRecord record, String... fields) throws ImportProblem {
        for (String field : fields) {
            String text = record.text(field);
            if (text.isEmpty() || text.equals(ZERO)) {
                continue;
            }
            try {
                return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ImportProblem("wp:" + field + " \"" + text + "\" is not a date (yyyy-mm-dd hh:mm:ss)", record.at(field));
            }
        }
        return null;
    }
}
