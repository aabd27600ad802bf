package dev.newsroom.local.wordpress;

import dev.newsroom.domain.ArticleRules;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Article slugs for one export, in file order: the post's {@code post_name} (WordPress stores it percent-encoded)
 * or, when it has none (drafts often have none), its title, made into lower-case letters, digits and single
 * hyphens (accents dropped); then made unique within the export as WordPress does, with {@code -2}, {@code -3}...
 * The same file gives the same slugs on every run.
 */
public final class Slugs {
    private final Set<String> taken = new HashSet<>();

    String next(String postName, String title, long postId) {
        String base = slugOf(postName);
        if (base.isEmpty()) {
            base = slugOf(title);
        }
        if (base.isEmpty()) {
            base = "post-" + postId;
        }
        String slug = base;
        for (int n = 2; !taken.add(slug); n++) {
            String suffix = "-" + n;
            slug = cut(base, ArticleRules.MAX_SLUG - suffix.length()) + suffix;
        }
        return slug;
    }

    public static String slugOf(String text) {
        String decoded;
        try {
            decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            decoded = text;
        }
        String plain = Normalizer.normalize(decoded, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return cut(slug, ArticleRules.MAX_SLUG);
    }

    private static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        return slug.substring(0, max).replaceAll("-+$", "");
    }
}
