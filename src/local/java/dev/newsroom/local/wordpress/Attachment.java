package dev.newsroom.local.wordpress;

import java.util.Map;

/**
 * An exported media file ({@code attachment} item): its id, the post it was uploaded to, its URL, alt text,
 * caption and full size, and its other sizes by name ({@code thumbnail}, {@code medium}, {@code large}, ...).
 */
record Attachment(long id, long parent, String url, String mimeType, String alt, String caption, String title,
                  Integer width, Integer height, Map<String, Size> sizes) {

    /** One size WordPress made of an image. */
    record Size(String url, Integer width, Integer height) {
    }

    /** The size by name, or the full image when there is no such size. */
    Size size(String name) {
        Size size = sizes.get(name);
        return size != null ? size : new Size(url, width, height);
    }

    boolean isImage() {
        return mimeType.startsWith("image/") || mimeType.isEmpty();
    }
}
