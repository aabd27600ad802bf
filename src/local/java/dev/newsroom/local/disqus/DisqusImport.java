package dev.newsroom.local.disqus;

import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.domain.ArticleRules;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.local.wordpress.CommentThreads;
import dev.newsroom.local.wordpress.ImportDatabase;
import dev.newsroom.local.wordpress.ImportProblem;
import dev.newsroom.local.wordpress.ImportRun;
import dev.newsroom.local.wordpress.ImportedComments;
import dev.newsroom.local.wordpress.ImportedLinks;
import dev.newsroom.local.wordpress.Slugs;
import dev.newsroom.local.wordpress.WxrException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code import-disqus FILE [--aws]}: brings a Disqus export's comments to the articles they were written under,
 * into the same database as {@code import-wordpress}. A thread finds its article by its address: the permalink an
 * imported WordPress post had ({@link ImportedLinks}), else the address's last segment as a slug, else the
 * thread's identifier as a slug; threads that find none are said on stderr and counted, their comments left out.
 * Threading, dates and statuses are kept (spam, deleted as trash, the rest approved); running it again changes
 * nothing ({@link ImportedComments}); counts are exact when it ends, as for the WordPress import. The file is
 * read as a stream; the posts are held, by thread, until the file's end (Disqus lists a thread's posts anywhere).
 *
 * <p>Exit status: 0 imported; 1 the file could not be read (nothing written); 2 wrong arguments; 3 imported, but
 * some threads or posts could not be; 4 another import into the same table is running (nothing read or written);
 * 5 stopped because another import took over its lease.
 */
public final class DisqusImport {
    public static final String COMMAND = "import-disqus";
    private static final String USAGE = "usage: import-disqus FILE [--aws]";
    private final ImportRun run;
    private final PrintStream err;

    public DisqusImport(ImportRun run) {
        this.run = run;
        this.err = run.err();
    }

    /** The command: arguments after {@code import-disqus}, and the environment; returns the exit status. */
    public static int run(String[] args, Map<String, String> env) {
        List<String> files = new ArrayList<>();
        boolean aws = false;
        for (String arg : args) {
            if (arg.equals("--aws")) {
                aws = true;
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            System.err.println(USAGE);
            return 2;
        }
        Path file = Path.of(files.get(0));
        return ImportDatabase.open(COMMAND, env, aws, app -> new DisqusImport(new ImportRun(app, System.out, System.err)).importFile(file));
    }

    /** Imports {@code file}; returns the exit status (see the class). */
    public int importFile(Path file) {
        Map<String, DisqusThread> threads = new LinkedHashMap<>();
        Map<String, String> byIdentifier = new LinkedHashMap<>();
        Map<String, List<DisqusPost>> posts = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DisqusReader.read(in, thread -> {
                threads.put(thread.dsqId(), thread);
                byIdentifier.putIfAbsent(thread.identifier(), thread.dsqId());
            }, post -> posts.computeIfAbsent(post.thread(), t -> new ArrayList<>()).add(post));
        } catch (WxrException e) {
            err.println(COMMAND + ": " + file + ": " + e.getMessage() + "; nothing was imported");
            return 1;
        } catch (IOException e) {
            err.println(COMMAND + ": cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        DisqusReport report = new DisqusReport();
        ImportedLinks links = new ImportedLinks(run.app().dynamo(), run.app().config().tableName());
        try (ImportedComments writer = new ImportedComments(run.app().dynamo(), run.app().config().tableName(),
                run.app().config().queueShards())) {
            for (Map.Entry<String, List<DisqusPost>> entry : posts.entrySet()) {
                DisqusThread thread = threads.get(entry.getKey());
                if (thread == null && byIdentifier.containsKey(entry.getKey())) {
                    thread = threads.get(byIdentifier.get(entry.getKey()));
                }
                importThread(thread, entry.getKey(), entry.getValue(), links, writer, report);
            }
            run.out().println(report.summary(ImportRun.COUNTS_EXACT));
        } catch (RuntimeException e) {
            err.println(COMMAND + ": the database failed (" + e.getMessage() + "); what was written stays whole, "
                    + "and running the same command again finishes the import");
            return 1;
        }
        return report.errors > 0 || report.unmatchedThreads > 0 ? 3 : 0;
    }

    private void importThread(DisqusThread thread, String reference, List<DisqusPost> posts, ImportedLinks links,
                              ImportedComments writer, DisqusReport report) {
        if (thread == null) {
            report.unmatched(posts.size());
            err.println(COMMAND + ": " + posts.get(0).fields().start() + ": " + posts.size() + " posts name thread \""
                    + reference + "\", which the export does not list; left out");
            return;
        }
        Optional<String> slug = article(thread, links);
        if (slug.isEmpty()) {
            report.unmatched(posts.size());
            err.println(COMMAND + ": " + thread.at() + ": thread " + thread.dsqId() + " (" + shown(thread) + ") matches no article"
                    + " by its address or identifier; its " + posts.size() + " posts left out");
            return;
        }
        List<ImportProblem> problems = new ArrayList<>();
        CommentThreads.Threaded threaded = DisqusMapper.comments(thread, slug.get(), posts, problems);
        problems.forEach(p -> err.println(COMMAND + ": " + p));
        report.errors += posts.size() - threaded.comments().size();
        List<Comment> comments = threaded.comments();
        String origin = "disqus thread " + thread.dsqId() + " of " + thread.forum();
        ImportedComments.Stored stored = writer.stored(comments);
        ImportedComments.Outcome outcome;
        try {
            writer.settleUnfinished(slug.get(), origin, stored);
            outcome = writer.write(origin, comments, stored);
        } catch (ServiceException e) {
            if (e.code() != ErrorCode.ARTICLE_NOT_FOUND) {
                throw e;
            }
            report.unmatched(posts.size()); // deleted here while the import ran: nothing of it written
            err.println(COMMAND + ": " + thread.at() + ": thread " + thread.dsqId() + "'s article \"" + slug.get()
                    + "\" was deleted meanwhile; its " + posts.size() + " posts left out");
            return;
        }
        report.stored(comments, outcome, threaded.orphans());
    }

    /** The article the thread was written under: by the permalink an import kept, else by slug from its address or identifier. */
    private Optional<String> article(DisqusThread thread, ImportedLinks links) {
        DynamoArticleRepository articles = run.app().articleRepository();
        // a kept permalink outlives its article when the article is deleted here: then the thread matches as if none
        Optional<String> imported = links.find(thread.link()).filter(slug -> articles.findCurrentWithOrigin(slug).isPresent());
        if (imported.isPresent()) {
            return imported;
        }
        for (String candidate : List.of(lastSegment(thread.link()), thread.identifier())) {
            String slug = Slugs.slugOf(candidate);
            if (ArticleRules.isValidSlug(slug) && articles.findCurrentWithOrigin(slug).isPresent()) {
                return Optional.of(slug);
            }
        }
        return Optional.empty();
    }

    private static String lastSegment(String link) {
        try {
            String path = URI.create(link.strip()).getPath();
            if (path == null) {
                return "";
            }
            String trimmed = path.replaceFirst("/+$", "").replaceFirst("\\.html?$", "");
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String shown(DisqusThread thread) {
        return !thread.link().isEmpty() ? thread.link() : !thread.identifier().isEmpty() ? "identifier " + thread.identifier() : "no address";
    }
}
