package dev.newsroom.local.wordpress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export's media, gathered in a first reading of the file (attachments may come after the posts that show
 * them): each {@code attachment} item with its URL ({@code wp:attachment_url}, else the uploads folder and
 * {@code _wp_attached_file}), sizes from {@code _wp_attachment_metadata}, alt text ({@code _wp_attachment_image_alt})
 * and caption (its excerpt). With a media base, every URL under the site's uploads folder is rewritten to it.
 * Holds a few hundred bytes an attachment, whatever the files' sizes.
 */
final class MediaLibrary {
    private final Map<Long, Attachment> byId = new HashMap<>();
    private final Map<String, String> uploadsFolders = new LinkedHashMap<>();
    private final String mediaBase;

    /** {@code mediaBase}: where the uploads folder now is ({@code --media-base}), or null to keep URLs as exported. */
    MediaLibrary(String mediaBase) {
        this.mediaBase = mediaBase == null || mediaBase.endsWith("/") ? mediaBase : mediaBase + "/";
    }

    /** Keeps {@code item} when it is an attachment. */
    void add(WxrSite site, WxrPost item) {
        WxrRecord r = item.fields();
        if (!r.text("post_type").equals("attachment")) {
            return;
        }
        long id = number(r.text("post_id"));
        if (id <= 0) {
            return;
        }
        String file = r.text("meta:_wp_attached_file");
        String url = r.text("attachment_url");
        String folder = folder(site, url, file);
        if (url.isEmpty() && !file.isEmpty()) {
            url = folder + file;
        }
        if (url.isEmpty()) {
            return;
        }
        uploadsFolders.putIfAbsent(folder, folder);
        String directory = url.substring(0, url.lastIndexOf('/') + 1);
        Integer width = null;
        Integer height = null;
        Map<String, Attachment.Size> sizes = new LinkedHashMap<>();
        if (PhpSerialized.parse(r.raw("meta:_wp_attachment_metadata")) instanceof Map<?, ?> metadata) {
            width = integer(metadata.get("width"));
            height = integer(metadata.get("height"));
            if (metadata.get("sizes") instanceof Map<?, ?> named) {
                named.forEach((name, size) -> {
                    if (size instanceof Map<?, ?> s && s.get("file") instanceof String sizeFile && !sizeFile.contains("/")) {
                        sizes.put(String.valueOf(name), new Attachment.Size(directory + sizeFile, integer(s.get("width")),
                                integer(s.get("height"))));
                    }
                });
            }
        }
        byId.put(id, new Attachment(id, number(r.text("post_parent")), url, mimeType(url), PlainText.of(r.raw("meta:_wp_attachment_image_alt")),
                r.raw("excerpt").strip(), PlainText.of(r.raw("title")), width, height, Map.copyOf(sizes)));
    }

    Optional<Attachment> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The images uploaded to {@code postId}, in the order of their ids (a {@code [gallery]} without ids shows these). */
    List<Attachment> childrenOf(long postId) {
        List<Attachment> children = new ArrayList<>();
        for (Attachment a : byId.values()) {
            if (a.parent() == postId && a.isImage()) {
                children.add(a);
            }
        }
        children.sort(Comparator.comparingLong(Attachment::id));
        return children;
    }

    int size() {
        return byId.size();
    }

    /** {@code html} with every URL under one of the site's uploads folders moved to the media base (none: as it is). */
    String rewrite(String html) {
        if (mediaBase == null) {
            return html;
        }
        String moved = html;
        for (String folder : uploadsFolders.keySet()) {
            moved = moved.replace(folder, mediaBase);
            if (folder.startsWith("https://")) {
                moved = moved.replace("http://" + folder.substring("https://".length()), mediaBase);
            } else if (folder.startsWith("http://")) {
                moved = moved.replace("https://" + folder.substring("http://".length()), mediaBase);
            }
        }
        return moved;
    }

    /** The uploads folder: the attachment's URL without its file, else the site's {@code /wp-content/uploads/}. */
    private static String folder(WxrSite site, String url, String file) {
        if (!file.isEmpty() && url.endsWith("/" + file)) {
            return url.substring(0, url.length() - file.length());
        }
        String base = site.url().endsWith("/") ? site.url() : site.url() + "/";
        return base + "wp-content/uploads/";
    }

    private static String mimeType(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        String extension = lower.substring(lower.lastIndexOf('.') + 1);
        return switch (extension) {
            case "jpg", "jpeg", "png", "gif", "webp", "avif", "svg" -> "image/" + (extension.equals("jpg") ? "jpeg" : extension);
            case "mp3", "m4a", "ogg", "wav" -> "audio/" + (extension.equals("mp3") ? "mpeg" : extension);
            case "mp4", "m4v", "webm", "ogv", "mov" -> "video/" + extension;
            default -> "application/octet-stream";
        };
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Integer integer(Object value) {
        if (value instanceof Long n && n > 0 && n < 100_000) {
            return n.intValue();
        }
        if (value instanceof String s) {
            long n = number(s);
            return n > 0 && n < 100_000 ? (int) n : null;
        }
        return null;
    }
}
