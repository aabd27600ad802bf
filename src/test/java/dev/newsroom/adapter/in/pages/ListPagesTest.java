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
        YearMonth december = YearMonth.of(2026, 12);
        assertEquals(List.of(new ListPages.SitemapFile(december, 1), new ListPages.SitemapFile(december, 2),
                new ListPages.SitemapFile(december, 3), new ListPages.SitemapFile(YearMonth.of(2026, 11), 1),
                new ListPages.SitemapFile(YearMonth.of(2026, 10), 1)), ListPages.sitemapFiles(months, 2000));
        assertEquals(List.of(), ListPages.sitemapFiles(List.of(), 2000));
    }
}
