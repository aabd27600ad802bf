package dev.newsroom.flow;

import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.local.disqus.DisqusImport;
import dev.newsroom.local.wordpress.ImportRun;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Disqus import against DynamoDB Local, after the WordPress import of the same site (media.xml): threads find
 * their articles by the permalink the WordPress import kept (given with http and www., and where its last segment
 * is not the slug), or by slug; statuses, threading and dates kept; counts exact; a second run changes nothing.
 */
class DisqusImportTest {
    private static final String SUMMARY = "Imported 8 comments into 3 articles (6 approved, 1 spam, 1 deleted as trash); 0 were"
            + " already there unchanged; 1 threads matched no article (1 posts left out); 1 replies to a missing comment made"
            + " top-level; 1 error; counts exact\n";

    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        Path file = dir.resolve(name.replace('/', '-'));
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static WordPressImportTest.Run importDisqus(AppContext app, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DisqusImport(new ImportRun(app, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).importFile(file);
        return new WordPressImportTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void threadsFindTheirArticles_statusesThreadsAndDatesKept_countsExact_andASecondRunChangesNothing() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        WordPressImportTest.Run wordpress = WordPressImportTest.importFile(app, resource("/wordpress/media.xml"));
        assertEquals(0, wordpress.status(), wordpress.err());
        Path disqus = resource("/disqus/comments.xml");

        WordPressImportTest.Run first = importDisqus(app, disqus);
        assertEquals(3, first.status(), first.err());
        assertEquals(SUMMARY, first.out());
        List<String> said = first.err().lines().toList();
        assertEquals(2, said.size(), first.err());
        assertTrue(said.get(0).matches("import-disqus: line 114, column 16: createdAt \"yesterday\" is not a date.*"), said.get(0));
        assertTrue(said.get(1).matches("import-disqus: line 36, column \\d+: thread 7004 \\(https://news.example/gone/\\) matches no"
                + " article by its address or identifier; its 1 posts left out"), said.get(1));

        List<Comment> gallery = app.commentQueries().approvedThread("only-a-gallery", true, 50, null).page().items();
        assertEquals(List.of("Ama & Kofi", "Kwame", "Guest", "Late"), gallery.stream().map(Comment::authorName).toList());
        assertEquals(List.of(1, 2, 3, 1), gallery.stream().map(Comment::depth).toList(), "threads kept; a reply to a missing post top-level");
        assertEquals(gallery.get(0).id(), gallery.get(1).parentId());
        assertEquals("Lovely nets.\n\nSecond paragraph\nwith a break.", gallery.get(0).content());
        assertEquals(Instant.parse("2024-03-07T09:00:00Z"), gallery.get(0).createdAt());
        assertEquals("198.51.100.7", gallery.get(0).ip());
        assertNull(gallery.get(2).authorEmail(), "an anonymous author's email is not kept");
        assertEquals(List.of("Pills"), names(app, "only-a-gallery", CommentStatus.SPAM));
        assertEquals(List.of("Removed"), names(app, "only-a-gallery", CommentStatus.TRASH));
        assertEquals(Map.of("only-a-gallery", 4L, "blocks-at-the-quay", 1L, "harbour-photos", 1L), Map.of(
                "only-a-gallery", app.articles().anyArticle("only-a-gallery").commentCount(),
                "blocks-at-the-quay", app.articles().anyArticle("blocks-at-the-quay").commentCount(),
                "harbour-photos", app.articles().anyArticle("harbour-photos").commentCount()));

        assertEquals(0, DynamoDbLocal.counter(app).drain(), "the stream's counting leaves out what the import counted");
        assertEquals(4, app.articles().anyArticle("only-a-gallery").commentCount());

        int written = WordPressImportTest.commentWrites(app);
        WordPressImportTest.Run second = importDisqus(app, disqus);
        assertEquals(3, second.status());
        assertTrue(second.out().startsWith("Imported 8 comments into 3 articles (6 approved, 1 spam, 1 deleted as trash); 8 were"
                + " already there unchanged;"), second.out());
        assertEquals(written, WordPressImportTest.commentWrites(app), "no comment written again");
        assertEquals(4, app.articles().anyArticle("only-a-gallery").commentCount());
    }

    @Test
    void aFileThatIsNotADisqusExport_isRefusedNamingWhatIsMissing() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        WordPressImportTest.Run run = importDisqus(app, resource("/wordpress/media.xml"));
        assertEquals(1, run.status());
        assertTrue(run.err().contains("not a Disqus export: the document is <rss>, not <disqus>"), run.err());
        assertEquals("", run.out());
    }

    private static List<String> names(AppContext app, String slug, CommentStatus status) {
        return app.moderation().queue(status, slug, 50, null).items().stream().map(Comment::authorName).toList();
    }
}
