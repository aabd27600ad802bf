package dev.newsroom.local.wordpress;

/**
 * The exporting site: the WXR version the file declares and the site's URL, from which every imported id derives:
 * the blog's own ({@code wp:base_blog_url}), else {@code wp:base_site_url}, else the channel's {@code link}.
 */
public record WxrSite(String version, String url) {
}
