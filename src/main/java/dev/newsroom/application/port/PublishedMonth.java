package dev.newsroom.application.port;

import java.time.YearMonth;

/** A month of publication (UTC) and how many published articles the list of all articles holds for it. */
public record PublishedMonth(YearMonth month, int articles) {
}
