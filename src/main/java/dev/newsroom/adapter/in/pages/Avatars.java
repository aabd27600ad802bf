package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.PageDisplay;

import static dev.newsroom.adapter.in.pages.Html.esc;

/**
 * Avatars as WordPress shows them: Gravatar's image for the comment's {@code avatarHash}, at a fixed size (so
 * nothing moves when it loads), loaded lazily, with the site's default image; nothing at all when the site turns
 * avatars off (then no page makes a third-party request).
 */
final class Avatars {
    static final int SIZE = 48;

    private Avatars() {
    }

    static String img(PageDisplay display, String avatarHash) {
        if (!display.showAvatars() || avatarHash == null) {
            return "";
        }
        String fallback = display.avatarDefault().equals("mystery") ? "mp" : display.avatarDefault();
        String url = "https://secure.gravatar.com/avatar/" + avatarHash + "?d=" + fallback + "&r=g&s=";
        return "<img class=\"avatar\" src=\"" + esc(url + SIZE) + "\" srcset=\"" + esc(url + SIZE * 2) + " 2x\" width=\""
                + SIZE + "\" height=\"" + SIZE + "\" alt=\"\" loading=\"lazy\" decoding=\"async\">";
    }
}
