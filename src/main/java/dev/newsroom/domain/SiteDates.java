package dev.newsroom.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Dates written as WordPress writes them: the letters of PHP's {@code date()} ({@code F j, Y}, {@code g:i a},
 * {@code Y-m-d}, {@code D, d M Y H:i:s O}...), in English, a backslash making the next character literal and any
 * other character kept as it is.
 */
public final class SiteDates {
    private SiteDates() {
    }

    public static String format(Instant instant, String format, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        StringBuilder out = new StringBuilder(format.length() * 3);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                out.append(format.charAt(++i));
            } else {
                out.append(letter(c, t));
            }
        }
        return out.toString();
    }

    private static String letter(char c, ZonedDateTime t) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (c) {
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'j' -> Integer.toString(t.getDayOfMonth());
            case 'l' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'N' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'S' -> suffix(t.getDayOfMonth());
            case 'w' -> Integer.toString(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
            case 'z' -> Integer.toString(t.getDayOfYear() - 1);
            case 'W' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'F' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'M' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'm' -> two(t.getMonthValue());
            case 'n' -> Integer.toString(t.getMonthValue());
            case 't' -> Integer.toString(t.toLocalDate().lengthOfMonth());
            case 'L' -> t.toLocalDate().isLeapYear() ? "1" : "0";
            case 'o' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'Y' -> Integer.toString(t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'a' -> t.getHour() < 12 ? "am" : "pm";
            case 'A' -> t.getHour() < 12 ? "AM" : "PM";
            case 'g' -> Integer.toString(hour12);
            case 'h' -> two(hour12);
            case 'G' -> Integer.toString(t.getHour());
            case 'H' -> two(t.getHour());
            case 'i' -> two(t.getMinute());
            case 's' -> two(t.getSecond());
            case 'e' -> t.getZone().getId();
            case 'T' -> t.format(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH));
            case 'O' -> t.format(DateTimeFormatter.ofPattern("xx", Locale.ENGLISH));
            case 'P' -> t.format(DateTimeFormatter.ofPattern("xxx", Locale.ENGLISH));
            case 'c' -> t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case 'r' -> t.format(DateTimeFormatter.RFC_1123_DATE_TIME);
            case 'U' -> Long.toString(t.toEpochSecond());
            default -> String.valueOf(c);
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String suffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
