package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.PageDisplay;

import java.util.LinkedHashMap;
import java.util.Map;

/** The discussion settings as JSON; a PUT may leave fields out to keep their current values. */
final class SettingsJson {
    private SettingsJson() {
    }

    static Map<String, Object> toJson(DiscussionSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("requireNameEmail", s.requireNameEmail());
        v.put("floodSeconds", s.floodSeconds());
        v.put("maxLinks", s.maxLinks());
        v.put("moderationKeys", s.moderationKeys());
        v.put("disallowedKeys", s.disallowedKeys());
        v.put("moderateAll", s.moderateAll());
        v.put("requirePreviouslyApproved", s.requirePreviouslyApproved());
        v.put("threadDepth", s.threadDepth());
        v.put("closeCommentsAfterDays", s.closeCommentsAfterDays());
        v.put("dateFormat", s.display().dateFormat());
        v.put("timeFormat", s.display().timeFormat());
        v.put("timezone", s.display().timezone());
        v.put("showAvatars", s.display().showAvatars());
        v.put("avatarDefault", s.display().avatarDefault());
        v.put("commentsPerPage", s.display().commentsPerPage());
        v.put("version", s.version());
        return v;
    }

    static DiscussionSettings merge(DiscussionSettings current, JsonObject body) {
        return new DiscussionSettings(
                orElse(body.bool("requireNameEmail"), current.requireNameEmail()),
                intOr(body, "floodSeconds", current.floodSeconds()),
                intOr(body, "maxLinks", current.maxLinks()),
                body.has("moderationKeys") ? body.texts("moderationKeys") : current.moderationKeys(),
                body.has("disallowedKeys") ? body.texts("disallowedKeys") : current.disallowedKeys(),
                orElse(body.bool("moderateAll"), current.moderateAll()),
                orElse(body.bool("requirePreviouslyApproved"), current.requirePreviouslyApproved()),
                intOr(body, "threadDepth", current.threadDepth()),
                intOr(body, "closeCommentsAfterDays", current.closeCommentsAfterDays()),
                current.version(), display(current.display(), body));
    }

    private static PageDisplay display(PageDisplay current, JsonObject body) {
        return new PageDisplay(textOr(body, "dateFormat", current.dateFormat()),
                textOr(body, "timeFormat", current.timeFormat()), textOr(body, "timezone", current.timezone()),
                orElse(body.bool("showAvatars"), current.showAvatars()),
                textOr(body, "avatarDefault", current.avatarDefault()),
                intOr(body, "commentsPerPage", current.commentsPerPage()));
    }

    private static String textOr(JsonObject body, String field, String fallback) {
        String value = body.text(field);
        return value == null ? fallback : value;
    }

    private static boolean orElse(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    private static int intOr(JsonObject body, String field, int fallback) {
        Long value = body.integer(field);
        if (value == null) {
            return fallback;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
