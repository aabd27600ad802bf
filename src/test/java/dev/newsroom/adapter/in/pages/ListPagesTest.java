package dev.newsroom.adapter.in.pages;

import dev.newsroom.application.port.PublishedMonth;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListPagesTest {
    @Test
    void aMonthHasOneSitemapFile_andOneMoreForEachFullFileItFills() {
        List<PublishedMonth> months = List.of(new PublishedMonth(YearMonth.of(2026, 12), 4001),
                new PublishedMonth(YearMonth.of(2026, 11), 2000), new PublishedMonth(YearMonth.of(2026, 10), 1));
        assertEquals(List.of("2026-12.xml", "2026-12-2.xml", "2026-12-3.xml", "2026-11.xml", "2026-10.xml"),
                ListPages.sitemapFiles(months, 2000));
        assertEquals(List.of(), ListPages.sitemapFiles(List.of(), 2000));
    }
}
