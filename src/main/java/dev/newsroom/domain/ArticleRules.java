package dev.newsroom.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Editors' input rules for articles: slug format, lengths, list sizes, URLs and status, all errors at once.
 * A published article without {@code publishedAt} is published now; without an excerpt, one is made from the body
 * (WordPress's 55 words); a body of plain paragraphs is also kept as HTML (each an escaped {@code <p>}).
 */
public final class ArticleRules {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_SLUG = 200;
    public static final int MAX_TITLE = 300;
    public static final int MAX_EXCERPT = 1_000;
    public static final int MAX_PARAGRAPHS = 500;
    public static final int MAX_PARAGRAPH = 20_000;
    public static final int MAX_CATEGORIES = 20;
    public static final int MAX_CATEGORY = 60;
    public static final int MAX_LINKS = 20;
    public static final int MAX_SOURCE_NAME = 100;
    public static final int MAX_IMAGE_URL = 2_048;
    public static final int MAX_IMAGE_ALT = 300;
    public static final int MAX_IMAGE_CAPTION = 1_000;
    public static final int MAX_IMAGE_CREDIT = 200;
    public static final int MAX_IMAGE_SIDE = 20_000;
    /**
     * The largest body as HTML, in UTF-8 bytes. An article's item holds at most 400 KB, the text of the body
     * (within a request's 128 KiB) beside it; escaping can make HTML several times the text it shows.
     */
    public static final int MAX_BODY_HTML_BYTES = 192 * 1024;

    private ArticleRules() {
    }

    public static boolean isValidSlug(String slug) {
        return slug != null && slug.length() <= MAX_SLUG && SLUG.matcher(slug).matches();
    }

    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Checks the draft and builds the article with the given count and version; throws {@code validation_failed}. */
    public static Article toArticle(ArticleDraft d, Instant now, long commentCount, long version) {
        List<FieldError> errors = new ArrayList<>();
        if (!isValidSlug(d.slug())) {
            errors.add(new FieldError("slug", "invalid",
                    "The slug must be 1 to " + MAX_SLUG + " lower-case letters, digits and single hyphens."));
        }
        text(errors, "title", d.title(), true, MAX_TITLE);
        text(errors, "excerpt", d.excerpt(), false, MAX_EXCERPT);
        String bodyField = d.bodyHtml() == null ? "body" : "bodyHtml";
        List<String> body = d.body().stream().map(TextRules::normalize).toList();
        String bodyHtml = null;
        if (paragraphs(errors, body, bodyField)) {
            bodyHtml = d.bodyHtml() == null ? ArticleBody.html(body) : d.bodyHtml();
            if (TextRules.utf8Length(bodyHtml) > MAX_BODY_HTML_BYTES) {
                errors.add(new FieldError(bodyField, "too_long", "The body must be at most " + MAX_BODY_HTML_BYTES
                        + " bytes once written as HTML."));
            }
        }
        categories(errors, d.categories());
        source(errors, d.source());
        leadImage(errors, d.leadImage());
        links(errors, d.seeAlso().size(), d.seeAlso().stream().map(ArticleLink::slug).toList(),
                d.seeAlso().stream().map(ArticleLink::title).toList(), "seeAlso");
        links(errors, d.related().size(), d.related().stream().map(RelatedPost::slug).toList(),
                d.related().stream().map(RelatedPost::title).toList(), "related");
        for (RelatedPost r : d.related()) {
            if (!validText(r.excerpt(), false, MAX_EXCERPT)) {
                errors.add(new FieldError("related", "invalid", "Each related excerpt must be at most " + MAX_EXCERPT + " characters."));
                break;
            }
        }
        ArticleStatus status = d.status() == null ? ArticleStatus.DRAFT : ArticleStatus.parse(d.status()).orElse(null);
        if (status == null) {
            errors.add(new FieldError("status", "invalid", "The status must be \"draft\" or \"published\"."));
        }
        if (d.publishedAt() != null && (d.publishedAt().isBefore(EARLIEST) || d.publishedAt().isAfter(LATEST))) {
            // beyond 9999 (or before year 0) an instant is written with a sign and no longer sorts among the others;
            // before 1000 is no news site's date either
            errors.add(new FieldError("publishedAt", "invalid", "The publication date must be in the years 1000 to 9999."));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.validation(errors);
        }
        Instant publishedAt = d.publishedAt() != null ? d.publishedAt() : (status == ArticleStatus.PUBLISHED ? now : null);
        String excerpt = TextRules.normalize(d.excerpt());
        return new Article(d.slug(), TextRules.normalize(d.title()),
                TextRules.isBlank(excerpt) ? ArticleBody.excerpt(body, MAX_EXCERPT) : excerpt, body,
                d.categories().stream().map(TextRules::normalize).toList(), d.source(), d.seeAlso(), d.related(),
                status, d.commentsOpen() == null || d.commentsOpen(), publishedAt, now, commentCount, version, bodyHtml,
                normalized(d.leadImage()));
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
        if (!validText(value, required, max)) {
            errors.add(new FieldError(field, required && TextRules.isBlank(TextRules.normalize(value)) ? "required" : "invalid",
                    field + (required ? " is required and" : "") + " must be at most " + max
                            + " characters of text."));
        }
    }

    private static boolean validText(String value, boolean required, int max) {
        String v = TextRules.normalize(value);
        if (TextRules.isBlank(v)) {
            return !required;
        }
        return v.length() <= max && !TextRules.hasForbiddenCharacters(v);
    }

    /** Whether the paragraphs are valid; adds the error when they are not. */
    private static boolean paragraphs(List<FieldError> errors, List<String> body, String field) {
        boolean bad = body.isEmpty() || body.size() > MAX_PARAGRAPHS
                || body.stream().anyMatch(p -> !validText(p, true, MAX_PARAGRAPH));
        if (bad) {
            errors.add(new FieldError(field, "invalid",
                    "The body must be 1 to " + MAX_PARAGRAPHS + " non-empty paragraphs of at most " + MAX_PARAGRAPH
                            + " characters."));
        }
        return !bad;
    }

    private static void categories(List<FieldError> errors, List<String> categories) {
        boolean bad = categories.size() > MAX_CATEGORIES
                || categories.stream().anyMatch(c -> !validText(c, true, MAX_CATEGORY) || c.contains("#"))
                || categories.stream().map(TextRules::normalize).distinct().count() != categories.size();
        if (bad) {
            errors.add(new FieldError("categories", "invalid",
                    "Up to " + MAX_CATEGORIES + " distinct category names of 1 to " + MAX_CATEGORY
                            + " characters, without '#'."));
        }
    }

    private static void source(List<FieldError> errors, Source source) {
        if (source == null) {
            return;
        }
        if (!validText(source.name(), true, MAX_SOURCE_NAME)) {
            errors.add(new FieldError("source.name", "invalid", "The source name must be 1 to " + MAX_SOURCE_NAME + " characters."));
        }
        if (source.url() != null && !TextRules.isValidWebUrl(source.url())) {
            errors.add(new FieldError("source.url", "invalid", "The source URL must be an http or https address."));
        }
    }

    private static void leadImage(List<FieldError> errors, LeadImage image) {
        if (image == null) {
            return;
        }
        if (image.url() == null || image.url().length() > MAX_IMAGE_URL || !TextRules.isValidWebUrl(image.url())) {
            errors.add(new FieldError("leadImage.url", "invalid",
                    "The lead image URL must be an http or https address of at most " + MAX_IMAGE_URL + " characters."));
        }
        if (image.alt() == null || !validText(image.alt(), false, MAX_IMAGE_ALT)) {
            errors.add(new FieldError("leadImage.alt", "invalid", "The lead image needs alternative text of at most "
                    + MAX_IMAGE_ALT + " characters (empty for a decorative image)."));
        }
        if (!validText(image.caption(), false, MAX_IMAGE_CAPTION)) {
            errors.add(new FieldError("leadImage.caption", "invalid",
                    "The lead image caption must be at most " + MAX_IMAGE_CAPTION + " characters of text."));
        }
        if (!validText(image.credit(), false, MAX_IMAGE_CREDIT)) {
            errors.add(new FieldError("leadImage.credit", "invalid",
                    "The lead image credit must be at most " + MAX_IMAGE_CREDIT + " characters of text."));
        }
        if (image.width() < 1 || image.width() > MAX_IMAGE_SIDE || image.height() < 1 || image.height() > MAX_IMAGE_SIDE) {
            errors.add(new FieldError("leadImage.size", "invalid",
                    "The lead image width and height must be 1 to " + MAX_IMAGE_SIDE + " pixels."));
        }
    }

    /** The image with its texts normalized, a blank caption or credit dropped (null stays null). */
    private static LeadImage normalized(LeadImage image) {
        if (image == null) {
            return null;
        }
        return new LeadImage(image.url(), TextRules.normalize(image.alt()), optional(image.caption()),
                optional(image.credit()), image.width(), image.height());
    }

    private static String optional(String text) {
        String v = TextRules.normalize(text);
        return TextRules.isBlank(v) ? null : v;
    }

    private static void links(List<FieldError> errors, int size, List<String> slugs, List<String> titles, String field) {
        boolean bad = size > MAX_LINKS || slugs.stream().anyMatch(s -> !isValidSlug(s))
                || titles.stream().anyMatch(t -> !validText(t, true, MAX_TITLE));
        if (bad) {
            errors.add(new FieldError(field, "invalid",
                    "Up to " + MAX_LINKS + " links, each with a valid slug and a title of at most " + MAX_TITLE
                            + " characters."));
        }
    }
}
