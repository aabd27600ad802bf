package dev.newsroom.adapter.out.html;

import dev.newsroom.support.SafeHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Article bodies cleaned to the contract's elements and attributes. */
class JsoupArticleHtmlSanitizerTest {
    private final JsoupArticleHtmlSanitizer sanitizer = new JsoupArticleHtmlSanitizer(List.of("https://www.example.com"));

    @Test
    void sanitize_keepsTheContractsElements() {
        String html = "<h2>Title</h2><p><strong>S</strong> <em>e</em> <b>b</b> <i>i</i> <u>u</u> <s>s</s> <code>c</code>"
                + "<br><q cite=\"https://a.example/\">q</q> <cite>c</cite></p><blockquote><p>quote</p></blockquote>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol><pre>pre</pre><hr>"
                + "<figure><img src=\"https://img.example/a.jpg\" alt=\"A\" width=\"640\" height=\"480\">"
                + "<figcaption>Caption</figcaption></figure>"
                + "<table><caption>T</caption><thead><tr><th scope=\"col\">H</th></tr></thead>"
                + "<tbody><tr><td colspan=\"2\">D</td></tr></tbody></table>";
        assertEquals(html, sanitizer.sanitize(html));
    }

    @Test
    void sanitize_keepsWordPressBlockClassesOnly_andMediaWithHttpsSourcesThatNeverAutoplay() {
        assertEquals("<figure class=\"wp-block-image aligncenter size-large\"><img src=\"https://m.example/a.jpg\" alt=\"\">"
                        + "<figcaption class=\"wp-element-caption\">Cap</figcaption></figure>",
                sanitizer.sanitize("<figure class=\"wp-block-image aligncenter size-large comments hidden\"><img src=\"https://m.example/a.jpg\" alt=\"\">"
                        + "<figcaption class=\"wp-element-caption\">Cap</figcaption></figure>"));
        assertEquals("<p>x</p>", sanitizer.sanitize("<p class=\"site-header\">x</p>"), "a class of the page's own is dropped");
        assertEquals("<audio controls=\"\"><source src=\"https://m.example/a.mp3\" type=\"audio/mpeg\"></audio>",
                sanitizer.sanitize("<audio autoplay onplay=\"evil()\"><source src=\"https://m.example/a.mp3\" type=\"audio/mpeg\"></audio>"));
        assertEquals("<video width=\"640\" poster=\"https://m.example/p.jpg\" controls=\"\"><source src=\"https://m.example/v.mp4\"></video>",
                sanitizer.sanitize("<video autoplay muted width=\"640\" poster=\"https://m.example/p.jpg\"><source src=\"https://m.example/v.mp4\"></video>"));
        assertEquals("", sanitizer.sanitize("<video><source src=\"javascript:alert(1)\"></video><audio src=\"data:audio/mp3,x\"></audio>"),
                "media with no https source is removed");
        assertEquals("", sanitizer.sanitize("<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>"));
    }

    @Test
    void sanitize_removesForbiddenElementsAndAttributes_keepingText() {
        assertEquals("<p>Hello world</p><div>inside</div>",
                sanitizer.sanitize("<p style=\"color:red\" class=\"x\" onclick=\"evil()\">Hello <span>world</span></p>"
                        + "<script>alert(1)</script><style>p{}</style><iframe src=\"https://evil.example\"></iframe>"
                        + "<div id=\"d\">inside</div><h1></h1>"));
    }

    @Test
    void sanitize_marksLinksThatLeaveTheSite() {
        assertEquals("<p><a href=\"https://news.example/a\" rel=\"noopener\">out</a> "
                        + "<a href=\"https://www.example.com/articles/b\">in</a> <a href=\"mailto:desk@example.com\">mail</a></p>",
                sanitizer.sanitize("<p><a href=\"https://news.example/a\" target=\"_blank\" rel=\"opener\">out</a> "
                        + "<a href=\"https://www.example.com/articles/b\">in</a> <a href=\"mailto:desk@example.com\">mail</a></p>"));
        assertEquals("<a href=\"https://www.example.com/\" rel=\"noopener\">x</a>",
                new JsoupArticleHtmlSanitizer().sanitize("<a href=\"https://www.example.com/\">x</a>"));
    }

    @Test
    void sanitize_dropsLinksAndImagesWithForbiddenUrls() {
        assertEquals("<p>js data rel vb </p>", sanitizer.sanitize("<p><a href=\"javascript:alert(1)\">js</a> "
                + "<a href=\"data:text/html,x\">data</a> <a href=\"/relative\">rel</a> <a href=\"vbscript:x\">vb</a> "
                + "<img src=\"http://img.example/a.jpg\"><img src=\"data:image/png;base64,AAAA\"><img src=\"javascript:x\"></p>"));
    }

    @Test
    void sanitize_dropsSizesThatAreNotNumbers() {
        assertEquals("<img src=\"https://img.example/a.jpg\" height=\"10\">",
                sanitizer.sanitize("<img src=\"https://img.example/a.jpg\" width=\"100%;x:expression(alert(1))\" height=\"10\">"));
    }

    @Test
    void paragraphs_areTheTextOfEachBlock() {
        assertEquals(List.of("Title", "One two", "Quoted", "Item", "Loose text"),
                sanitizer.paragraphs("<h2>Title</h2><p>One <a href=\"https://a.example\">two</a></p>"
                        + "<blockquote><p>Quoted</p></blockquote><ul><li>Item</li></ul>Loose <b>text</b><p> </p>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<a href=\"jav&#x09;ascript:alert(1)\">t</a><a href=\"&#106;avascript:alert(1)\">d</a>",
            "<a href=\" javascript:alert(1)\">lead</a><a href=\"java\nscript:alert(1)\">nl</a>",
            "<svg/onload=alert(1)><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<img src=\"https://ok.example/a.jpg\" onerror=\"alert(1)\"><p onmouseover=alert(1)>x</p>",
            "<q cite=\"javascript:alert(1)\">q</q><blockquote cite=\"data:text/html,x\">b</blockquote>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
            "<object data=\"x\"></object><embed src=\"x\"><form action=\"https://evil.example\"><input></form>",
            "<!--<script>alert(1)</script>--><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    })
    void sanitize_owaspVectors_yieldNoScriptHandlerOrDangerousUrl(String vector) {
        String html = sanitizer.sanitize(vector);
        assertEquals(List.of(), SafeHtml.articles().problems(html), html);
    }
}
