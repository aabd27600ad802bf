package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteDatesTest {
    private static final Instant AT = Instant.parse("2026-11-22T09:05:07Z");

    @Test
    void wordPressFormats_readAsWordPressWritesThem_inTheSitesTimeZone() {
        ZoneId utc = ZoneId.of("UTC");
        assertEquals("November 22, 2026", SiteDates.format(AT, "F j, Y", utc));
        assertEquals("9:05 am", SiteDates.format(AT, "g:i a", utc));
        assertEquals("2026-11-22 09:05:07", SiteDates.format(AT, "Y-m-d H:i:s", utc));
        assertEquals("Sun, 22 Nov 2026 10:05:07 +0100", SiteDates.format(AT, "D, d M Y H:i:s O", ZoneId.of("Europe/Paris")));
        assertEquals("22nd of November", SiteDates.format(AT, "jS \\o\\f F", utc));
        assertEquals("10:05 PM", SiteDates.format(AT, "g:i A", ZoneId.of("Pacific/Auckland")));
    }

    @Test
    void everyLetter_givesText_andOtherCharactersStay() {
        for (char c = ' '; c < 0x7f; c++) {
            String out = SiteDates.format(AT, String.valueOf(c), ZoneId.of("+05:30"));
            assertTrue(!out.isEmpty(), "letter " + c);
        }
        assertEquals("2026", SiteDates.format(AT, "o", ZoneId.of("UTC")));
        assertEquals(List.of("12", "00"), List.of(SiteDates.format(Instant.parse("2026-01-01T00:00:00Z"), "g", ZoneId.of("UTC")),
                SiteDates.format(Instant.parse("2026-01-01T00:00:00Z"), "H", ZoneId.of("UTC")).substring(0, 2)));
    }

    @Test
    void displaySettings_refuseAnUnknownZoneDefaultOrFormat_andKeepWordPressDefaults() {
        PageDisplay d = PageDisplay.defaults();
        assertEquals(List.of(), d.problems());
        assertEquals("F j, Y", d.dateFormat());
        var bad = new PageDisplay("", "x".repeat(41), "Mars/Olympus", true, "kitten", 0);
        assertEquals(List.of("dateFormat", "timeFormat", "timezone", "avatarDefault", "commentsPerPage"),
                bad.problems().stream().map(FieldError::field).toList());
        assertEquals(ZoneId.of("UTC"), bad.zone());
        assertEquals(5, DiscussionSettings.defaults().withDisplay(bad).problems().size());
    }
}
