package dev.newsroom.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a large WordPress export (WXR 1.2) as a stream, for the import's benchmark: published posts in the
 * classic editor, each with {@code perPost} comments, threaded three deep (a reply and a reply to it after every
 * top-level comment), one in twenty pending, spam or trash, non-ASCII names, HTML in the content, and a pingback
 * every 100 comments (skipped by the import). Run: {@code WxrGenerator FILE COMMENTS [PER_POST]}.
 */
public final class WxrGenerator {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 8, 0);

    private WxrGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 100);
    }

    /** Writes {@code comments} comments (plus pingbacks) over posts of {@code perPost}; returns how many are approved. */
    public static long write(Path file, int comments, int perPost) throws IOException {
        long approved = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""
                    + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                    + " xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Generated</title>\n"
                    + "<link>https://generated.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
                    + "<wp:base_site_url>https://generated.example</wp:base_site_url>\n");
            int written = 0;
            for (int post = 1; written < comments; post++) {
                LocalDateTime published = START.plusHours(post);
                out.write("<item>\n<title><![CDATA[Generated story " + post + ": the council's budget]]></title>\n"
                        + "<content:encoded><![CDATA[First paragraph of story " + post + ", with <strong>markup</strong>.\n\n"
                        + "Second paragraph.\nA line break in it.]]></content:encoded>\n"
                        + "<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n<wp:post_id>" + post + "</wp:post_id>\n"
                        + "<wp:post_date_gmt><![CDATA[" + DATE.format(published) + "]]></wp:post_date_gmt>\n"
                        + "<wp:post_modified_gmt><![CDATA[" + DATE.format(published) + "]]></wp:post_modified_gmt>\n"
                        + "<wp:comment_status><![CDATA[open]]></wp:comment_status>\n"
                        + "<wp:post_name><![CDATA[generated-story-" + post + "]]></wp:post_name>\n"
                        + "<wp:status><![CDATA[publish]]></wp:status>\n<wp:post_type><![CDATA[post]]></wp:post_type>\n"
                        + "<category domain=\"category\" nicename=\"news\"><![CDATA[News]]></category>\n");
                for (int i = 0; i < perPost && written < comments; i++) {
                    int id = ++written;
                    int parent = i % 3 == 0 ? 0 : id - 1;
                    String status = switch (id % 20) {
                        case 7 -> "0";
                        case 13 -> "spam";
                        case 17 -> "trash";
                        default -> "1";
                    };
                    approved += status.equals("1") ? 1 : 0;
                    comment(out, id, parent, status, "comment", published.plusMinutes(i + 1));
                    if (id % 100 == 0) {
                        comment(out, comments + id, 0, "1", "pingback", published.plusMinutes(i + 1));
                    }
                }
                out.write("</item>\n");
            }
            out.write("</channel>\n</rss>\n");
        }
        return approved;
    }

    private static void comment(BufferedWriter out, int id, int parent, String status, String type, LocalDateTime at)
            throws IOException {
        out.write("<wp:comment>\n<wp:comment_id>" + id + "</wp:comment_id>\n"
                + "<wp:comment_author><![CDATA[Zoë Reader " + id + "]]></wp:comment_author>\n"
                + "<wp:comment_author_email><![CDATA[reader" + id + "@generated.example]]></wp:comment_author_email>\n"
                + "<wp:comment_author_url>https://reader" + id + ".generated.example/</wp:comment_author_url>\n"
                + "<wp:comment_author_IP><![CDATA[198.51.100." + (id % 250) + "]]></wp:comment_author_IP>\n"
                + "<wp:comment_date_gmt><![CDATA[" + DATE.format(at) + "]]></wp:comment_date_gmt>\n"
                + "<wp:comment_content><![CDATA[Comment " + id + " says <b>something</b> about it.\n\nSee https://generated.example/"
                + id + " for more.]]></wp:comment_content>\n"
                + "<wp:comment_approved><![CDATA[" + status + "]]></wp:comment_approved>\n"
                + "<wp:comment_type><![CDATA[" + type + "]]></wp:comment_type>\n"
                + "<wp:comment_parent>" + parent + "</wp:comment_parent>\n</wp:comment>\n");
    }
}
