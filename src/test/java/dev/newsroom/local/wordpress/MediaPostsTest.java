package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.html.JsoupArticleHtmlSanitizer;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.LeadImage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export with an https namespace whose posts are made of media (media.xml): captions, galleries, embeds, audio,
 * video, block markup, a post that is only an image and one that is only a gallery, the attachments after the
 * posts that show them, read as the command does (media first, then posts).
 */
class MediaPostsTest {
    private final ImportReport report = new ImportReport();
    private final List<ImportProblem> problems = new ArrayList<>();

    static InputStream media() {
        return MediaPostsTest.class.getResourceAsStream("/wordpress/media.xml");
    }

    private Map<String, Article> mapMedia(String mediaBase) throws Exception {
        MediaLibrary library = new MediaLibrary(mediaBase);
        try (InputStream in = media()) {
            WxrReader.read(in, library::add);
        }
        PostMapper mapper = new PostMapper(false, new JsoupArticleHtmlSanitizer(List.of("https://news.example")), report, library);
        Map<String, Article> articles = new LinkedHashMap<>();
        try (InputStream in = media()) {
            WxrReader.read(in, (site, post) -> {
                mapper.map(site, post).ifPresent(m -> articles.put(m.article().slug(), m.article()));
                problems.addAll(mapper.takeProblems());
            });
        }
        return articles;
    }

    @Test
    void everyPostIsAnArticle_theOnlyImageOnlyGalleryAndEmptyOnesToo() throws Exception {
        Map<String, Article> articles = mapMedia(null);
        assertEquals(List.of("harbour-photos", "only-a-photo", "only-a-gallery", "edge-case-no-content", "blocks-at-the-quay"),
                List.copyOf(articles.keySet()));
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(List.of("Only a photo"), articles.get("only-a-photo").body(), "its title is its text");
        assertEquals(List.of("Edge case: no content"), articles.get("edge-case-no-content").body(), "an empty post too");
        assertEquals("", articles.get("edge-case-no-content").bodyHtml());
        Document gallery = Jsoup.parseBodyFragment(articles.get("only-a-gallery").bodyHtml());
        assertEquals("https://news.example/wp-content/uploads/2024/03/nets.jpg", gallery.select("figure.gallery img").attr("src"),
                "a gallery without ids shows the images uploaded to the post");
        assertEquals(0, gallery.select("a").size(), "link=none");
        assertEquals("Nets drying", gallery.select("figcaption").text());
    }

    @Test
    void theFeaturedImage_isTheLeadImage_movedWithTheMediaBase() throws Exception {
        Map<String, Article> articles = mapMedia("https://cdn.news.example/uploads/");
        assertEquals(new LeadImage("https://cdn.news.example/uploads/2024/03/harbour.jpg", "Harbour at dawn", "The harbour at dawn",
                null, 1200, 800), articles.get("harbour-photos").leadImage());
        assertNull(articles.get("only-a-photo").leadImage(), "no _thumbnail_id");
    }

    @Test
    void titlesExcerptsAndCategories_areText_entitiesDecodedOnce() throws Exception {
        Article photos = mapMedia(null).get("harbour-photos");
        assertEquals("Photos & news from the harbour", photos.title());
        assertEquals("Boats & light.", photos.excerpt());
        assertEquals(List.of("Boats & Ships"), photos.categories());
    }

    @Test
    void captionGalleryEmbedsAudioAndVideo_becomeTheHtmlWordPressRenders() throws Exception {
        Document body = Jsoup.parseBodyFragment(mapMedia(null).get("harbour-photos").bodyHtml());
        var caption = body.selectFirst("figure.wp-caption.aligncenter");
        assertEquals("https://news.example/wp-content/uploads/2024/03/harbour.jpg", caption.select("img").attr("src"));
        assertEquals("1200", caption.select("img").attr("width"));
        assertEquals("The harbour at dawn", caption.select("figcaption.wp-caption-text").text());
        assertEquals(1, caption.select("figcaption em").size(), "a caption keeps its inline markup");

        var gallery = body.selectFirst("figure.wp-block-gallery.gallery.columns-2");
        assertEquals(List.of("https://news.example/wp-content/uploads/2024/03/harbour-300x200.jpg",
                        "https://news.example/wp-content/uploads/2024/03/ferry.jpg"),
                gallery.select("img").eachAttr("src"), "the medium size where the metadata has it; 999 is not in the export");
        assertEquals(List.of("Harbour at dawn", "The ferry Zoë"), gallery.select("img").eachAttr("alt"));
        assertEquals("300", gallery.select("img").first().attr("width"));
        assertEquals("https://news.example/wp-content/uploads/2024/03/harbour.jpg", gallery.select("a").first().attr("href"),
                "a gallery image links to its file");

        assertEquals("https://www.youtube.com/watch?v=M7lc1UVf-VE", body.select("figure.is-provider-youtube a").attr("href"));
        assertEquals("https://vimeo.com/76979871", body.select("figure.is-provider-vimeo a").attr("href"));
        assertEquals(List.of("https://www.youtube.com/watch?v=M7lc1UVf-VE", "https://www.youtube.com/shorts/Zx9ab3CdEfG"),
                body.select("figure.is-provider-youtube a").eachAttr("href"), "an [embed] with its URL on a line of its own");
        assertEquals("https://news.example/wp-content/uploads/2024/03/interview.mp3", body.select("figure.wp-block-audio audio source").attr("src"));
        var video = body.selectFirst("video");
        assertEquals("https://news.example/wp-content/uploads/2024/03/clip.mp4", video.select("source").attr("src"));
        assertEquals("640", video.attr("width"));
        assertTrue(video.hasAttr("controls") && !video.hasAttr("autoplay"));
        assertEquals(0, body.select("iframe").size(), "embeds are links: nothing loads from the provider");

        String text = body.text();
        assertTrue(!text.contains("<figure") && !text.contains("[embed"), text);
        assertTrue(text.contains("[contact-form-7 id=\"5\" title=\"Tips\"]"), "an unknown shortcode stays as text");
        assertTrue(text.contains("read [gallery] in the docs"), "an escaped shortcode shows once bracketed");
        assertEquals(Map.of("contact-form-7", 1), report.unknownShortcodes);
        assertTrue(report.summary("counts exact").contains("shortcodes kept as text: [contact-form-7] 1;"), report.summary(""));
        assertEquals(1, body.select("pre").size());
    }

    @Test
    void blockMarkup_keepsItsStructureAndClasses_andItsEmbedsBecomeLinkCards() throws Exception {
        Article blocks = mapMedia(null).get("blocks-at-the-quay");
        Document body = Jsoup.parseBodyFragment(blocks.bodyHtml());
        assertEquals(1, body.select("figure.wp-block-image.alignleft.size-large > img.wp-image-101").size(), blocks.bodyHtml());
        assertEquals("Left of the quay", body.select("figure.wp-block-image figcaption.wp-element-caption").text());
        assertEquals(1, body.select("blockquote.wp-block-quote > p").size());
        assertEquals(1, body.select("figure.wp-block-table > table td").size() / 3);
        assertEquals("https://x.com/newsexample/status/1234567890",
                body.select("figure.wp-block-embed-twitter div.wp-block-embed__wrapper figure.is-provider-twitter a").attr("href"));
        assertEquals("https://www.instagram.com/p/C4abcdEF/", body.select("figure.is-provider-instagram a").attr("href"),
                "a URL alone in a paragraph");
        assertFalse(blocks.bodyHtml().contains("<!--"));
        assertTrue(blocks.body().contains("Seen from the quay."));
    }

    @Test
    void aMediaBase_movesEveryUploadsUrl_andNothingElse() throws Exception {
        Map<String, Article> articles = mapMedia("https://cdn.news.example/uploads");
        String html = articles.get("harbour-photos").bodyHtml();
        assertFalse(html.contains("news.example/wp-content/uploads"), html);
        assertTrue(html.contains("src=\"https://cdn.news.example/uploads/2024/03/harbour-300x200.jpg\""), html);
        assertTrue(html.contains("src=\"https://cdn.news.example/uploads/2024/03/interview.mp3\""), html);
        assertTrue(html.contains("href=\"https://www.youtube.com/watch?v=M7lc1UVf-VE\""));
        assertTrue(articles.get("blocks-at-the-quay").bodyHtml().contains("https://cdn.news.example/uploads/2024/03/harbour-1024x683.jpg"));
    }
}
