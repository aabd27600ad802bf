package dev.newsroom.local.wordpress;

import java.util.List;

/** One exported post or page ({@code <item>}): its fields, its categories' names and its comments in file order. */
public record WxrPost(WxrRecord fields, List<String> categories, List<WxrRecord> comments) {
}
