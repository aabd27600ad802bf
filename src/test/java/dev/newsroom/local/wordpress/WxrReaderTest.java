package dev.newsroom.local.wordpress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WxrReaderTest {
    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\""
            + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n<wp:wxr_version>1.2</wp:wxr_version>\n";

    static InputStream fixture() {
        return WxrReaderTest.class.getResourceAsStream("/wordpress/site.xml");
    }

    @Test
    void readsEveryItemWithItsFieldsCategoriesAndComments() throws Exception {
        List<WxrPost> posts = new ArrayList<>();
        WxrSite site;
        try (InputStream in = fixture()) {
            site = WxrReader.read(in, (s, post) -> posts.add(post));
        }
        assertEquals(new WxrSite("1.2", "https://daily.example"), site);
        assertEquals(8, posts.size());
        WxrPost bridge = posts.get(0);
        assertEquals("harbour-bridge-reopens", bridge.fields().text("post_name"));
        assertEquals(List.of("News", "City"), bridge.categories(), "categories only, not tags");
        assertTrue(bridge.fields().raw("content").contains("Traffic was light at first &amp; picked up by noon.\nThe mayor"));
        assertEquals(9, bridge.comments().size());
        WxrRecord first = bridge.comments().get(0);
        assertEquals("Zoë Åström", first.text("comment_author"));
        assertTrue(first.raw("comment_content").contains("<script>alert(1)</script>\n\nSee https://"));
        assertEquals("", first.text("meta_key"), "comment meta is not a comment field");
        assertEquals("caf%c3%a9-cr%c3%a8me-prices", posts.get(1).fields().text("post_name"));
        assertEquals(332, posts.get(7).comments().get(1).at("comment_date_gmt").line());
    }

    /** WordPress's importer takes whatever URI the file binds to wp: http or https, with or without the version. */
    @ParameterizedTest
    @ValueSource(strings = {"http://wordpress.org/export/1.0/", "http://wordpress.org/export/1.1/", "https://wordpress.org/export/1.2/",
            "https://wordpress.org/export/", "http://wordpress.org/export/1.2", "urn:example:an-odd-binding"})
    void anyNamespaceBoundToTheWordPressPrefixes_isRead(String wp) throws Exception {
        String excerpt = wp.startsWith("urn") ? "urn:example:excerpt" : wp.replaceFirst("/?$", "/excerpt/");
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:wp=\"" + wp + "\" xmlns:excerpt=\"" + excerpt
                + "\" xmlns:content=\"https://purl.org/rss/1.0/modules/content/\"><channel><wp:wxr_version>1.1</wp:wxr_version>"
                + "<wp:base_site_url>https://a.example</wp:base_site_url><item><title>T</title><content:encoded>Body</content:encoded>"
                + "<excerpt:encoded>Short</excerpt:encoded><wp:post_id>4</wp:post_id><wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                + "<wp:meta_value>9</wp:meta_value></wp:postmeta><wp:comment><wp:comment_id>5</wp:comment_id></wp:comment></item></channel></rss>";
        List<WxrPost> posts = new ArrayList<>();
        WxrSite site = WxrReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), (s, p) -> posts.add(p));
        assertEquals(new WxrSite("1.1", "https://a.example"), site);
        WxrRecord post = posts.get(0).fields();
        assertEquals(List.of("4", "Body", "Short", "9"), List.of(post.text("post_id"), post.text("content"), post.text("excerpt"),
                post.text("meta:_thumbnail_id")));
        assertEquals("5", posts.get(0).comments().get(0).text("comment_id"));
    }

    @Test
    void aFieldOverItsBound_isReadPastNotHeld_andNamedWithItsPlace() throws Exception {
        String xml = HEAD + "<item>\n<title>" + "t".repeat(FieldLimits.TEXT + 1) + "</title><wp:post_id>3</wp:post_id>"
                + "<wp:comment><wp:comment_id>8</wp:comment_id>\n  <wp:comment_content><![CDATA[" + "c".repeat(FieldLimits.COMMENT + 1)
                + "]]></wp:comment_content></wp:comment></item></channel></rss>";
        List<WxrPost> posts = new ArrayList<>();
        WxrReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), (s, p) -> posts.add(p));
        WxrRecord post = posts.get(0).fields();
        assertEquals("", post.raw("title"));
        assertEquals("3", post.text("post_id"));
        ImportProblem title = assertThrows(ImportProblem.class, () -> post.checkBounds("post 3"));
        assertEquals("line 6, column 8: post 3: its title is over 65536 characters, more than it may hold here; left out", title.toString());
        ImportProblem comment = assertThrows(ImportProblem.class, () -> posts.get(0).comments().get(0).checkBounds("comment 8"));
        assertTrue(comment.toString().startsWith("line 7, column 23: comment 8: its comment_content is over 262100 characters"), comment.toString());
    }

    /**
     * A 300 MB content:encoded (generated as it is read, never a file) reads in the test's 1 GB heap, which holding
     * it (a 300 M character builder growing by copies, then its string) would exhaust; the posts after it are read.
     */
    @Test
    void aThreeHundredMegabyteField_readsInFlatMemory() throws Exception {
        long size = 300L << 20;
        InputStream huge = new SequenceInputStream(Collections.enumeration(List.of(
                stream(HEAD + "<item><wp:post_id>1</wp:post_id><content:encoded><![CDATA["),
                new RepeatedBytes((byte) 'a', size),
                stream("]]></content:encoded></item><item><title>Next</title><wp:post_id>2</wp:post_id>"
                        + "<content:encoded>After</content:encoded></item></channel></rss>"))));
        Runtime runtime = Runtime.getRuntime();
        assertTrue(runtime.maxMemory() < 3 * size + (200L << 20), "the test's heap could hold the field: " + runtime.maxMemory());
        long before = liveHeap(runtime);
        long[] mostLive = {0};
        List<WxrPost> posts = new ArrayList<>();
        WxrReader.read(new java.io.BufferedInputStream(huge, 1 << 16), (s, p) -> {
            posts.add(p);
            // what stays reachable once a post is read (garbage of other tests and of the read itself collected)
            mostLive[0] = Math.max(mostLive[0], liveHeap(runtime) - before);
        });
        assertEquals(2, posts.size());
        assertEquals(Map.of("content", FieldLimits.CONTENT), posts.get(0).fields().oversize());
        assertEquals("After", posts.get(1).fields().text("content"));
        assertTrue(mostLive[0] < size / 10, "live heap grew " + mostLive[0] + " bytes for a field of " + size);
    }

    private static long liveHeap(Runtime runtime) {
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code length} copies of one byte, made as they are read. */
    private static final class RepeatedBytes extends InputStream {
        private final byte value;
        private long left;

        RepeatedBytes(byte value, long length) {
            this.value = value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }

    @Test
    void notXml_isRefusedWithWhere() {
        WxrException e = refused("{\"posts\": []}");
        assertEquals(1, e.position().line());
        assertTrue(e.getMessage().startsWith("line 1, column 1: not readable as a WordPress export"), e.getMessage());
    }

    @Test
    void anRssFeedThatIsNotAnExport_isRefused() {
        WxrException e = refused("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Feed</title>\n<item><title>x</title></item></channel></rss>");
        assertTrue(e.getMessage().contains("not a WordPress export: an <item> comes before any <wp:wxr_version>"), e.getMessage());
        assertEquals(3, e.position().line());
        assertTrue(refused("<?xml version=\"1.0\"?><html><body/></html>").getMessage()
                .contains("the document is <html>, not an RSS document"));
        assertTrue(refused(HEAD.replace("1.2</wp:wxr", "2.0</wp:wxr") + "</channel></rss>").getMessage()
                .contains("WXR version \"2.0\" is not one this import reads"));
        assertTrue(refused("").getMessage().contains("not readable as a WordPress export"));
    }

    @Test
    void aTruncatedFile_isRefusedWhereItEnds_afterTheWholePostsBeforeIt() throws IOException {
        byte[] whole;
        try (InputStream in = fixture()) {
            whole = in.readAllBytes();
        }
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("<wp:comment_id>201</wp:comment_id>");
        List<WxrPost> posts = new ArrayList<>();
        WxrException e = assertThrows(WxrException.class, () -> WxrReader.read(
                new ByteArrayInputStream(text.substring(0, cut).getBytes(StandardCharsets.UTF_8)), (s, p) -> posts.add(p)));
        assertEquals(1, posts.size(), "only the post read whole is handed over");
        assertTrue(e.getMessage().contains("the file ends before the export does"), e.getMessage());
        assertNotNull(e.position());
    }

    @Test
    void externalEntities_areNeverFetched() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + HEAD.substring(HEAD.indexOf("<rss")) + "<item><title>&xxe;</title></item></channel></rss>";
        WxrException e = refused(xxe);
        assertTrue(e.getMessage().contains("a DOCTYPE is not allowed"), e.getMessage());
        assertEquals(2, e.position().line());
    }

    @Test
    void billionLaughs_isRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n").append(HEAD.substring(HEAD.indexOf("<rss"))).append("<item><title>&lol9;</title></item></channel></rss>");
        assertTrue(refused(dtd.toString()).getMessage().contains("a DOCTYPE is not allowed"));
    }

    @Test
    void anUndeclaredEntity_isRefused() {
        WxrException e = refused(HEAD + "<item>\n<title>&nbsp;</title></item></channel></rss>");
        assertTrue(e.getMessage().contains("the entity &nbsp; is not one of XML's own"), e.getMessage());
        assertEquals(6, e.position().line());
    }

    private static WxrException refused(String xml) {
        return assertThrows(WxrException.class, () -> WxrReader.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), (s, p) -> { }));
    }
}
