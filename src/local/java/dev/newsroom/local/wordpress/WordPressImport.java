package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.html.JsoupArticleHtmlSanitizer;
import dev.newsroom.config.AppContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code import-wordpress FILE [--pages] [--aws]}: imports a WordPress export into the database the local runner
 * would use ({@code LOCAL_DB}, or {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_DYNAMODB}; {@code TABLE_NAME}),
 * or with {@code --aws} into the stack's table in AWS through the default credential chain. Prints progress on
 * stderr, each post or comment it cannot import with its line and column, and one summary line on stdout of what
 * was stored. It never overwrites an article it did not make from the same post of the same site: such a post is
 * refused, with its comments.
 *
 * <p>Counts: the import adds what it writes to each article's count itself, one sum per post, exactly once, and
 * marks the comments it writes so that the change stream's counting leaves them out ({@link ImportedComments});
 * the counts are exact when it ends, locally and in AWS.
 *
 * <p>Exit status: 0 imported; 1 the file could not be read or imported to its end (what was read before is
 * stored whole; run it again once fixed); 2 wrong arguments; 3 imported, but some posts or comments could not be;
 * 4 another import into the same table is running ({@link ImportLease}: nothing read or written); 5 stopped because
 * another import took over its lease (see there).
 */
public final class WordPressImport {
    public static final String COMMAND = "import-wordpress";
    private static final String USAGE = "usage: import-wordpress FILE [--pages] [--media-base URL] [--aws]";
    /** Posts written at once (each its own sequence of calls). */
    public static final int WRITERS = 8;
    private final AppContext app;
    private final PrintStream out;
    private final PrintStream err;

    public WordPressImport(AppContext app, PrintStream out, PrintStream err) {
        this.app = app;
        this.out = out;
        this.err = err;
    }

    /** The command: arguments after {@code import-wordpress}, and the environment; returns the exit status. */
    public static int run(String[] args, Map<String, String> env) {
        List<String> files = new ArrayList<>();
        boolean pages = false;
        boolean aws = false;
        String mediaBase = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pages" -> pages = true;
                case "--aws" -> aws = true;
                case "--media-base" -> mediaBase = i + 1 < args.length ? args[++i] : "";
                default -> files.add(args[i]);
            }
        }
        if (mediaBase != null && !mediaBase.matches("https://[^\\s\"<>]+")) {
            System.err.println(USAGE + "\n--media-base takes the https:// URL the uploads folder was copied to");
            return 2;
        }
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            System.err.println(USAGE);
            return 2;
        }
        Path file = Path.of(files.get(0));
        boolean withPages = pages;
        String media = mediaBase;
        return ImportDatabase.open(COMMAND, env, aws, app ->
                new WordPressImport(app, System.out, System.err).importFile(file, withPages, media));
    }

    /** Imports {@code file}; returns the exit status (see the class). */
    public int importFile(Path file, boolean pages) {
        return importFile(file, pages, null);
    }

    /**
     * Imports {@code file}, its media URLs under the site's uploads folder moved to {@code mediaBase} (null: kept);
     * returns the exit status (see the class). The file is read twice: first for its attachments (a post may show
     * media listed after it), then for its posts.
     */
    public int importFile(Path file, boolean pages, String mediaBase) {
        ImportReport report = new ImportReport();
        MediaLibrary media = new MediaLibrary(mediaBase);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            WxrReader.read(in, media::add);
        } catch (WxrException | IOException e) {
            // the posts' reading meets the same place again and says it; the posts before it have the media before it
        }
        PostMapper mapper = new PostMapper(pages, new JsoupArticleHtmlSanitizer(app.config().allowedOrigins()), report, media);
        try (ImportWriter writer = new ImportWriter(app.dynamo(), app.config().tableName(), app.articleRepository(),
                app.config().queueShards(), report)) {
            return writePosts(file, mapper, new PostWriters(writer, WRITERS), report);
        }
    }

    /** Reads the posts, maps them and writes them, {@code WRITERS} at a time; returns the exit status. */
    private int writePosts(Path file, PostMapper mapper, PostWriters posts, ImportReport report) {
        Progress progress = new Progress(err);
        Set<String> origins = new HashSet<>();
        WxrException unreadable = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            WxrReader.read(in, (site, post) -> {
                progress.read(post);
                mapper.map(site, post).ifPresent(mapped -> {
                    if (!origins.add(mapped.origin())) {
                        // its comments are the first copy's: written twice at once, their counts would be too
                        report.errors.incrementAndGet();
                        err.println(COMMAND + ": " + post.fields().start() + ": " + mapped.origin()
                                + " is in the export a second time; this copy left out");
                        return;
                    }
                    posts.submit(mapped, refused -> {
                        report.errors.incrementAndGet();
                        err.println(COMMAND + ": " + post.fields().start() + ": article \"" + mapped.article().slug()
                                + "\" not imported: " + refused.getMessage());
                    });
                });
                mapper.takeProblems().forEach(problem -> err.println(COMMAND + ": " + problem));
            });
        } catch (WxrException e) {
            unreadable = e;
        } catch (IOException e) {
            try {
                posts.finish();
            } catch (RuntimeException alsoFailed) {
                // the file's failure is the one said
            }
            err.println(COMMAND + ": cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException stopped) {
            // a post's writing failed: reported below, once every post in flight has ended
        }
        try {
            posts.finish();
        } catch (RuntimeException e) {
            err.println(COMMAND + ": the database failed (" + e.getMessage() + "); what was written stays whole, "
                    + "and running the same command again finishes the import");
            return 1;
        }
        if (unreadable != null) {
            err.println(COMMAND + ": " + file + ": " + unreadable.getMessage()
                    + "; every post before that place was imported whole (" + ImportRun.COUNTS_EXACT + ")");
            return 1;
        }
        out.println(report.summary(ImportRun.COUNTS_EXACT));
        return report.errors.get() > 0 ? 3 : 0;
    }
}
