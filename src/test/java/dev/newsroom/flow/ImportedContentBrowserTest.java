package dev.newsroom.flow;

import dev.newsroom.adapter.out.html.JsoupArticleHtmlSanitizer;
import dev.newsroom.domain.Article;
import dev.newsroom.local.wordpress.WordPressImportFixtures;
import dev.newsroom.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imported posts (media.xml: a 1,200 px captioned image, galleries, embeds, audio, video, blocks with alignment,
 * a wide table and a long line of code) as their sanitized bodyHtml in a page that links {@code web/content.css},
 * on a desktop and a phone: no element outside a scrolling box is wider than the column, and the page never
 * scrolls sideways. The uploads are served from local files of their real sizes. Screenshots go to
 * {@code target/screenshots/}.
 */
class ImportedContentBrowserTest {
    private static final String COLUMN_CHECK = """
            const main = document.querySelector('main'); const col = main.getBoundingClientRect(); const bad = [];
            for (const el of main.querySelectorAll('*')) {
              let p = el.parentElement, scrolled = false;
              while (p && p !== main) { if (getComputedStyle(p).overflowX !== 'visible') { scrolled = true; break; } p = p.parentElement; }
              if (scrolled) continue;
              const r = el.getBoundingClientRect();
              if (r.width > 0 && (r.left < col.left - 1 || r.right > col.right + 1)) {
                bad.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
              }
            }
            const imgs = [...main.querySelectorAll('img')];
            return JSON.stringify({bad, column: [Math.round(col.left), Math.round(col.right)],
              sideways: document.documentElement.scrollWidth > innerWidth,
              loaded: imgs.filter(i => i.complete && i.naturalWidth > 0).length, images: imgs.length});
            """;
    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Chromium.installed(), Chromium.MISSING);
        Path dir = Files.createTempDirectory("imported-content");
        Path uploads = Files.createDirectories(dir.resolve("uploads/2024/03"));
        image(uploads.resolve("harbour.jpg"), 1200, 800);
        image(uploads.resolve("harbour-1024x683.jpg"), 1024, 683);
        image(uploads.resolve("harbour-300x200.jpg"), 300, 200);
        image(uploads.resolve("ferry.jpg"), 1600, 900);
        image(uploads.resolve("nets.jpg"), 900, 1200);
        List<Article> articles = WordPressImportFixtures.mediaArticles("https://uploads.test/");
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"" + Path.of("web/content.css").toAbsolutePath().toUri() + "\">"
                + "<style>body{margin:0;font:17px/1.5 Georgia,serif} main{max-width:40rem;margin:0 auto;padding:0 1rem}</style>"
                + "</head><body><main class=\"entry-content\">");
        for (Article a : articles) {
            html.append("<h1>").append(a.title()).append("</h1>").append(a.bodyHtml());
        }
        html.append("</main></body></html>");
        // the sanitizer takes only https images: the test page reads the same files from disk
        page = dir.resolve("page.html");
        Files.writeString(page, html.toString().replace("https://uploads.test/", uploads.getParent().getParent().toUri().toString()));
        browser = Chromium.start(false);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1280, 900", "phone, 390, 844"})
    void nothingIsWiderThanTheColumn(String device, int width, int height) throws Exception {
        browser.manage().window().setSize(new Dimension(width, height));
        browser.get(page.toUri().toString());
        String result = String.valueOf(browser.executeScript(COLUMN_CHECK));
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(shots.resolve("imported-content-" + device + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(result.contains("\"bad\":[]"), device + ": " + result);
        assertTrue(result.contains("\"sideways\":false"), device + ": " + result);
        assertTrue(result.matches(".*\"loaded\":([1-9]\\d*),\"images\":\\1}.*"),
                "every image loaded, so widths are the real ones: " + result);
        assertEquals(Boolean.TRUE, browser.executeScript("return document.querySelector('.gallery.columns-2') !== null"
                + " && getComputedStyle(document.querySelector('.gallery.columns-2')).display === 'grid'"));
    }

    private static void image(Path file, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 140));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
