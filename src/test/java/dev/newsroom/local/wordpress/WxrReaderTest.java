package dev.newsroom.local.wordpress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
