package dev.newsroom.local.wordpress;

/** The exporting site: the WXR version the file declares and the site's URL (every imported id derives from it). */
public record WxrSite(String version, String url) {
}
