package dev.newsroom.domain;

import dev.newsroom.support.SafeHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The comment formatter against WordPress's {@code comment_text} and the OWASP XSS filter-evasion vectors. */
class CommentHtmlTest {
    private static final String REL = " rel=\"nofollow ugc\"";

    @Test
    void format_plainText_becomesParagraphsAndBreaks() {
        assertEquals("<p>Thanks for this report.</p>\n", CommentHtml.format("Thanks for this report."));
        assertEquals("<p>One<br />\ntwo</p>\n<p>Three</p>\n", CommentHtml.format("One\ntwo\n\n\nThree"));
        assertEquals("", CommentHtml.format("  \n "));
    }

    @Test
    void format_keepsWordPressCommentTags_andRemovesOthersKeepingTheirText() {
        assertEquals("<p><strong>Bold</strong>, <em>it</em>, <del datetime=\"2026-11-23\">old</del>, <abbr title=\"World"
                        + " Health Organization\">WHO</abbr>, inner and alert(1)</p>\n",
                CommentHtml.format("<strong>Bold</strong>, <EM>it</em>, <del datetime=\"2026-11-23\" class=x>old</del>,"
                        + " <abbr title='World Health Organization'>WHO</abbr>, <div><span>inner</span></div> and"
                        + " <script>alert(1)</script>"));
    }

    @Test
    void format_rebuildsLinks_withAllowedAttributesAndRel() {
        assertEquals("<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"Say &quot;hi&quot;\"" + REL + ">x</a></p>\n",
                CommentHtml.format("<a onclick=\"steal()\" rel=\"follow\" href=\"https://example.com/a?b=1&amp;c=2\""
                        + " title='Say \"hi\"' target=_blank>x</a>"));
    }

    @Test
    void format_linkWithAForbiddenTarget_isRemovedAndItsTextKept() {
        assertEquals("<p>one two three four</p>\n", CommentHtml.format("<a href=\"javascript:alert(1)\">one</a> "
                + "<a href=\"data:text/html,x\">two</a> <a href=\"/relative\">three</a> <a>four</a>"));
    }

    /**
     * A tag the input ends inside (a quote never closed, or no {@code >}) takes the rest of the comment with it, as in
     * a browser: that rest is shown as text, and no tag after it is looked for. Looking again from each later {@code <}
     * made an input of many unended tags cost the square of its length (64 KiB: 4-9 s of CPU); now each character
     * is read a bounded number of times.
     */
    @Test
    void format_tagTheInputEndsInside_makesTheRestText() {
        assertEquals("<p><b>kept</b> &lt;a title=\"x&gt; &lt;b&gt;bold&lt;/b&gt;</p>\n",
                CommentHtml.format("<b>kept</b> <a title=\"x> <b>bold</b>"));
        assertEquals("<p>&lt;em class='a&gt;b&lt;/em&gt;</p>\n",
                CommentHtml.format("<em class='a>b</em>"));
        String unended = "<a".repeat(32_500) + " x=\">";
        assertEquals("<p>" + unended.replace("<", "&lt;").replace(">", "&gt;") + "</p>\n", CommentHtml.format(unended));
        String quoted = "<b x=".repeat(13_000) + "\"'>";
        assertEquals("<p>" + quoted.replace("<", "&lt;").replace(">", "&gt;") + "</p>\n", CommentHtml.format(quoted));
    }

    @Test
    void format_makesBareUrlsClickable_asWordPressDoes() {
        assertEquals("<p>See <a href=\"https://example.com/page\"" + REL + ">https://example.com/page</a>.</p>\n",
                CommentHtml.format("See https://example.com/page."));
        assertEquals("<p>(<a href=\"http://en.wikipedia.org/wiki/PHP_(language)\"" + REL
                        + ">http://en.wikipedia.org/wiki/PHP_(language)</a>)</p>\n",
                CommentHtml.format("(http://en.wikipedia.org/wiki/PHP_(language))"));
        assertEquals("<p><a href=\"http://www.example.com\"" + REL + ">http://www.example.com</a>, "
                        + "<a href=\"mailto:ama@example.com\"" + REL + ">ama@example.com</a></p>\n",
                CommentHtml.format("www.example.com, ama@example.com"));
        assertEquals("<p>ftp://files.example.com and javascript://%0aalert(1)</p>\n",
                CommentHtml.format("ftp://files.example.com and javascript://%0aalert(1)"));
    }

    @Test
    void format_leavesUrlsInCodeAndInLinksAlone() {
        assertEquals("<p><code>http://a.example</code> <a href=\"http://b.example\"" + REL + ">http://b.example</a></p>\n",
                CommentHtml.format("<code>http://a.example</code> <a href=\"http://b.example\">http://b.example</a>"));
    }

    @Test
    void format_escapesTextThatIsNotATag_andKeepsValidCharacterReferences() {
        assertEquals("<p>a &lt; b &amp;&amp; c &gt; d &copy; &#233; &amp;#0; 1 &lt;3</p>\n",
                CommentHtml.format("a < b && c > d &copy; &#233; &#0; 1 <3"));
    }

    @Test
    void format_balancesTags() {
        assertEquals("<p><b><i>x</i></b>y <em>open</em></p>\n", CommentHtml.format("<b><i>x</b>y</i> <em>open"));
    }

    /** WordPress's {@code force_balance_tags}: a tag opened again right inside itself closes the first. */
    @Test
    void format_tagOpenedAgainInsideItself_isClosedFirst_andASelfClosedOneAtOnce() {
        assertEquals("<p><b>x</b><b>y</b>z</p>\n", CommentHtml.format("<b>x<b>y</b>z</b>"));
        assertEquals("<p>I loved <i>Dune</i><i> and more</i></p>\n", CommentHtml.format("I loved <i>Dune<i> and more"));
        assertEquals("<p>a<b></b>b <em></em> c</p>\n", CommentHtml.format("a<b/>b <em /> c"));
        assertEquals("<p><q>a<q>b</q>c</q></p>\n", CommentHtml.format("<q>a<q>b</q>c</q>"));
        assertEquals("<p><a href=\"http://a.example/\"" + REL + ">x</a></p>\n", CommentHtml.format("<a href=http://a.example/>x</a>"));
    }

    /** A link never holds another: the second closes the first and keeps its own target, as in WordPress. */
    @Test
    void format_linkInsideALink_closesTheFirst() {
        assertEquals("<p><a href=\"http://a.example\"" + REL + ">outer </a><a href=\"http://b.example\"" + REL
                        + ">inner</a></p>\n",
                CommentHtml.format("<a href=\"http://a.example\">outer <a href=\"http://b.example\">inner</a></a>"));
        assertEquals("<p><a href=\"http://a.example\"" + REL + "><b>x</b></a><a href=\"http://b.example\"" + REL
                        + ">y</a></p>\n",
                CommentHtml.format("<a href=\"http://a.example\"><b>x<a href=\"http://b.example\">y</a></b></a>"));
    }

    /**
     * A URL or email written in a link's text stays that link's text: one link, going where its tag says
     * (WordPress makes a second link inside the first, which a browser splits; we never write a link in a link).
     */
    @Test
    void format_urlOrEmailInALinksText_staysThatLinksText() {
        assertEquals("<p><a href=\"http://a.example\"" + REL + ">see http://b.example or ama@example.com</a></p>\n",
                CommentHtml.format("<a href=\"http://a.example\">see http://b.example or ama@example.com</a>"));
    }

    /** An HTML comment is hidden with all it holds, tags and text, as a browser hides WordPress's copy of it. */
    @Test
    void format_htmlCommentHoldingATag_isHiddenWhole() {
        assertEquals("<p> Great piece.</p>\n",
                CommentHtml.format("<!-- TODO: add <a href=\"https://x.example\">source</a> --> Great piece."));
    }

    /** {@code </ b>} ends a tag (as in WordPress), and an escaped {@code <} or {@code >} ends a URL before it. */
    @Test
    void format_urlBeforeAnEndTagWithASpaceOrAStrayBracket_endsThere() {
        assertEquals("<p><b>see <a href=\"http://www.example.com\"" + REL + ">http://www.example.com</a>.</b> ok</p>\n",
                CommentHtml.format("<b>see www.example.com.</ b> ok"));
        assertEquals("<p><a href=\"http://a.example/x\"" + REL + ">http://a.example/x</a>&lt;3 and "
                        + "<a href=\"http://www.b.example\"" + REL + ">http://www.b.example</a>&gt;</p>\n",
                CommentHtml.format("http://a.example/x<3 and www.b.example>"));
    }

    /**
     * Brackets stay in a bare URL as typed (WordPress writes them as {@code %5B}/{@code %5D} in the link and its
     * text; a browser encodes them itself when the link is followed). A character reference right after a URL is
     * shown whole after the link instead of being cut at its {@code ;}.
     */
    @Test
    void format_bracketsInABareUrl_andAReferenceRightAfterOne() {
        assertEquals("<p><a href=\"http://a.example/[x]\"" + REL + ">http://a.example/[x]</a> y</p>\n",
                CommentHtml.format("http://a.example/[x] y"));
        assertEquals("<p><a href=\"http://a.example\"" + REL + ">http://a.example</a>&amp; b</p>\n",
                CommentHtml.format("http://a.example&amp; b"));
        assertEquals("<p><a href=\"http://a.example/?a=1&amp;b=2\"" + REL + ">http://a.example/?a=1&amp;b=2</a></p>\n",
                CommentHtml.format("http://a.example/?a=1&amp;b=2"));
    }

    /** HTML 4's named references show their character; names HTML5 added are shown as typed, as in WordPress. */
    @Test
    void format_html5OnlyNamedReferences_areShownAsTyped() {
        assertEquals("<p>&amp;check; &amp;NotEqualTilde; &eacute; &hearts; &#x2713;</p>\n",
                CommentHtml.format("&check; &NotEqualTilde; &eacute; &hearts; &#x2713;"));
    }

    @Test
    void format_blockquote_getsParagraphsInside() {
        assertEquals("<blockquote cite=\"https://example.com/\"><p>Quoted<br />\nline</p>\n<p>again</p></blockquote>\n"
                        + "<p>Reply</p>\n",
                CommentHtml.format("<blockquote cite=\"https://example.com/\">Quoted\nline\n\nagain</blockquote>Reply"));
    }

    @Test
    void format_dropsHtmlComments() {
        assertEquals("<p>ab</p>\n", CommentHtml.format("a<!-- <script>alert(1)</script> -->b"));
    }

    @Test
    void linkCount_countsLinksAsWordPressCheckCommentDoes() {
        assertEquals(0, linkCount("no links at all"));
        assertEquals(1, linkCount("https://www.example.com/page"));
        assertEquals(3, linkCount("HTTP://a.example www.b.example https://c.example"));
        assertEquals(1, linkCount("<a href=\"https://a.example\">https://a.example</a>"));
        assertEquals(1, linkCount("write to ama@example.com"));
        assertEquals(0, linkCount("<code>https://a.example</code> <a href=\"javascript:x\">y</a>"));
        assertEquals(2, linkCount("<a title=t href='http://a.example'>a</a> and http://b.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
            "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">decimal</a>",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">hex</a>",
            "<a href=\"jav\tascript:alert('XSS');\">tab</a>",
            "<a href=\"jav&#x09;ascript:alert('XSS');\">encoded tab</a>",
            "<a href=\"jav&#x0A;ascript:alert('XSS');\">encoded newline</a>",
            "<a href=\"jav&Tab;ascript&colon;alert(1)\">named</a>",
            "<a href=\" &#14;  javascript:alert('XSS');\">leading junk</a>",
            "<a href=\"\u0001javascript:alert(1)\">control</a>",
            "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
            "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<SCRIPT SRC=https://xss.example/xss.js?< B >",
            "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
            "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
            "<svg/onload=alert('XSS')>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<math href=\"javascript:alert(1)\">CLICKME</math>",
            "<b onmouseover=alert(1)>bold</b><i/onclick=alert(1)>i</i>",
            "<a href=http://ok.example/\"onmouseover=\"alert(1)\">unquoted</a>",
            "<a href='http://ok.example/' onclick='alert(\"1\")' title=\"a'b\">nested quotes</a>",
            "<a href=\"http://ok.example\" title=\"&quot; onmouseover=&quot;alert(1)\">entity quotes</a>",
            "<a title='\"><script>alert(1)</script>' href=\"https://ok.example\">t</a>",
            "<q cite=\"javascript:alert(1)\">q</q><blockquote cite=\"data:text/html,<script>alert(1)</script>\">b</blockquote>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
            "<a href=\"vbscript:msgbox(1)\">vb</a><a href=\"//evil.example\">scheme-relative</a>",
            "<!--<script>alert(1)</script>--><!-- --!><script>alert(2)</script> -->",
            "<iframe src=\"javascript:alert(1)\"></iframe><object data=x></object><embed src=x>",
            "\"><script>alert(1)</script>",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<style>@import 'https://xss.example/x.css';</style><div style=\"background:url(javascript:alert(1))\">",
            "http://ok.example/\"onmouseover=alert(1)// and www.ok.example/'onclick='alert(1)",
            "<a href=\"http://ok.example\"><a href=\"javascript:alert(1)\">nested</a></a>",
            "<b title=\"x\nonclick=alert(1)\">multi-line attribute</b><abbr title=\"x\" onclick=alert(1)>a</abbr>",
    })
    void format_owaspVectors_yieldNoScriptHandlerOrDangerousUrl(String vector) {
        String html = CommentHtml.format(vector);
        assertEquals(List.of(), SafeHtml.comments().problems(html), html);
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
    }

    @Test
    void oracle_catchesWhatABrowserWouldRun() {
        SafeHtml oracle = SafeHtml.comments();
        assertEquals(3, oracle.problems("<a href=\"jav&#x09;ascript:x\" onclick=y>a</a><img src=x>").size());
        assertEquals(1, oracle.problems("<q cite=\" data:x\">q</q>").size());
    }

    /**
     * Inputs of a whole comment's size (64 KiB) built to make a regular expression recurse or backtrack once per
     * repetition: each is formatted on a thread with a 256 KiB stack (a quarter of the JVM's default), so a pattern
     * whose recursion grows with the input fails here, long before it could fail a function. The output is checked
     * for the links it must hold.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "x@ | a.", "http://a/ | a)", "http://a/ | .a", "\" \" | \" http://a.b/(a) \"", "www. | a.", "\" \" | <b>",
            "\" \" | <a href=x>", "<!-- | a", "\" \" | &#x6a;", "\" \" | \" (http://x.y/(a)) \"",
            "\" \" | <q cite=\"\"http://x\"\">"})
    void format_wholeCommentOfOneRepeatedPiece_neitherOverflowsTheStackNorBreaksTheMarkup(String start, String piece)
            throws Exception {
        String content = " " + start + piece.repeat(65_000 / piece.length()) + "com ";
        String[] html = new String[1];
        Throwable[] failure = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                html[0] = CommentHtml.format(content);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertEquals(null, failure[0], () -> piece + ": " + failure[0]);
        assertEquals(SafeHtml.parse(html[0]).select("a[href]").size(), CommentHtml.linksIn(html[0]), piece);
    }

    /** The one-paragraph shortcut gives exactly what WordPress's paragraph rules give, on random one-line comments. */
    @Test
    void format_oneLineComments_sameWithAndWithoutTheOneParagraphShortcut() {
        String[] pieces = {"a", "Wort", " ", "  ", "\t", "\u00a0", ".", ",", "!", "(", ")", "\"", "'", "&", "&amp;", "&#106;",
                "<", ">", "@", "x@y.com", "www.a.bc", "WWW.X.ORG", "ftp.a.b", "http://a.bc/d?e=f", "https://x.y/(z)",
                "mailto:a@b.c", "javascript:alert(1)", "<b>", "</b>", "<em>", "<a href=\"http://a.b\">", "</a>", "<code>",
                "</code>", "<q cite='http://c.d'>", "</q>", "<blockquote>", "</blockquote>", "<br>", "<p>", "</p>",
                "<div>", "<script>", "</script>", "<!--", "-->", "é", "\u2028", "💬", "<abbr title=\"x y\">", "</abbr>"};
        java.util.Random random = new java.util.Random(20261128);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder content = new StringBuilder();
            for (int k = 1 + random.nextInt(12); k > 0; k--) {
                content.append(pieces[random.nextInt(pieces.length)]);
            }
            String html = Clickable.apply(CommentTags.rebuild(content.toString()));
            if (CommentHtml.oneParagraph(html)) {
                assertEquals(AutoParagraphs.apply(html), CommentHtml.format(content.toString()), content::toString);
            }
        }
    }

    /**
     * The comment's paragraphs are wpautop's: {@link CommentParagraphs} gives exactly what {@link AutoParagraphs}
     * gives, on random comments of many lines, blank lines, blockquotes and links.
     */
    @Test
    void format_paragraphs_sameAsWordPressParagraphRules() {
        String[] pieces = {"a", "Wort", " ", "  ", "\t", "\n", "\n\n", " \n ", "\n \n", "\r\n", "\f", "\u000b", "\u00a0",
                ".", "<b>", "</b>", "<q>", "</q>", "<blockquote>", "</blockquote>", "<blockquote cite=\"http://c.d\">",
                "<a href=\"http://a.b\" title='t\nu'>", "</a>", "<code>", "</code>", "http://a.bc/d", "www.a.bc",
                "x@y.com", "&amp;", "<", "é", "<span>", "<!-- c -->"};
        java.util.Random random = new java.util.Random(20261207);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder content = new StringBuilder();
            for (int k = 1 + random.nextInt(16); k > 0; k--) {
                content.append(pieces[random.nextInt(pieces.length)]);
            }
            String html = Clickable.apply(CommentTags.rebuild(content.toString()));
            assertEquals(AutoParagraphs.apply(html), CommentParagraphs.apply(html), content::toString);
        }
    }

    /** The inputs that cost seconds when URLs were found by a look-ahead from every start, and paragraphs by patterns. */
    @Test
    void format_adversarialInputs_giveWhatWordPressRulesGive() {
        String schemes = "!a://".repeat(13_000);
        assertEquals("<p>" + schemes + "</p>\n", CommentHtml.format(schemes));
        String quotes = Clickable.apply(CommentTags.rebuild("<q>\n\n".repeat(9_300)));
        assertEquals(AutoParagraphs.apply(quotes), CommentHtml.format("<q>\n\n".repeat(9_300)));
    }

    private static int linkCount(String content) {
        return CommentHtml.linksIn(CommentHtml.format(content));
    }
}
