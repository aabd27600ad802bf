package dev.newsroom.adapter.in.api;

import dev.newsroom.adapter.in.FormFields;
import dev.newsroom.adapter.in.QueryParameters;
import dev.newsroom.adapter.in.RedirectTargets;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.HtmlText;
import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answers to a form posted by a browser without script, as WordPress gives them: {@code 303 See Other} back
 * to the page (the form's {@code redirect_to}, else the {@code Referer}) at {@code #comment-<id>}, with
 * {@code ?moderation=held} when the comment is held; a refusal as an HTML page with the status, the messages
 * and a link back. Targets pass {@link RedirectTargets}; without an allowed one, success is a page of this
 * service's own. Pages are built from escaped text only, with no script or style, under a policy that allows
 * nothing to load.
 */
final class BrowserForms {
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String HELD_QUERY = "moderation=held";
    private final RedirectTargets targets;

    BrowserForms(RedirectTargets targets) {
        this.targets = targets;
    }

    /** A form POST whose {@code Accept} ranks HTML above JSON (what browsers send); JSON clients are never one. */
    static boolean wanted(ApiRequest request) {
        return request.method().equals("POST") && FormFields.FORM.equals(request.mediaType())
                && prefersHtml(request.header("Accept"));
    }

    /** Where to send the browser back: {@code redirectTo} when allowed, else the {@code Referer} when allowed, else null. */
    String target(ApiRequest request, String redirectTo) {
        String fromForm = targets.allowed(redirectTo);
        return fromForm != null ? fromForm : targets.allowed(request.header("Referer"));
    }

    /**
     * A stored comment: back to {@code target} at the comment, or, without a target, a page saying what happened
     * with the JSON answer's status (201 published, 202 held).
     */
    ApiResponse stored(String target, String commentId, boolean held) {
        if (target == null) {
            return page(held ? 202 : 201, "Comment submitted", List.of(held ? CommentsFunction.AWAITING_MODERATION
                    : "Your comment is published."), null, false);
        }
        String back = held ? withHeldQuery(target) : withoutHeldQuery(target);
        return ApiResponse.seeOther(back + "#comment-" + commentId);
    }

    /** A refused comment: WordPress's "Comment Submission Failure" page with every message once and a link back. */
    ApiResponse refused(ServiceException e, String target) {
        Set<String> messages = new LinkedHashSet<>();
        for (FieldError field : e.fields()) {
            messages.add(field.message());
        }
        if (messages.isEmpty()) {
            messages.add(e.getMessage());
        }
        ApiResponse page = page(ErrorResponses.statusOf(e.code()), "Comment Submission Failure", List.copyOf(messages),
                target == null ? null : withoutHeldQuery(target), true);
        if (e.retryAfterSeconds() > 0) {
            page.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return page;
    }

    private static ApiResponse page(int status, String title, List<String> messages, String back, boolean errors) {
        StringBuilder html = new StringBuilder(512).append("<!doctype html>\n<html lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>").append(HtmlText.escape(title)).append("</title>\n")
                .append("</head>\n<body>\n<h1>").append(HtmlText.escape(title)).append("</h1>\n");
        for (String message : messages) {
            html.append("<p>").append(errors ? "<strong>Error:</strong> " : "").append(HtmlText.escape(message)).append("</p>\n");
        }
        if (back != null) {
            html.append("<p><a href=\"").append(HtmlText.escape(back)).append("\">&laquo; Back</a></p>\n");
        }
        html.append("</body>\n</html>\n");
        return ApiResponse.html(status, html.toString())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer");
    }


    private static String withHeldQuery(String target) {
        String plain = withoutHeldQuery(target);
        return plain + (plain.indexOf('?') < 0 ? "?" : "&") + HELD_QUERY;
    }

    /** {@code target} without a {@code moderation} parameter from an earlier submission. */
    private static String withoutHeldQuery(String target) {
        return QueryParameters.without(target, Set.of("moderation"));
    }

    /**
     * Whether {@code accept} gives {@code text/html} a higher quality than {@code application/json}, each taking
     * its most specific matching range ({@code text/html}, then {@code text/*}, then {@code *}{@code /*}).
     */
    static boolean prefersHtml(String accept) {
        return accept != null && quality(accept, "text", "html") > quality(accept, "application", "json");
    }

    private static double quality(String accept, String type, String subtype) {
        double quality = 0;
        int specificity = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] mediaRange = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (mediaRange.length != 2) {
                continue;
            }
            int matches = mediaRange[0].equals(type) && mediaRange[1].equals(subtype) ? 2
                    : mediaRange[0].equals(type) && mediaRange[1].equals("*") ? 1
                    : mediaRange[0].equals("*") && mediaRange[1].equals("*") ? 0 : -1;
            if (matches > specificity) {
                specificity = matches;
                quality = qualityOf(parts);
            }
        }
        return quality;
    }

    private static double qualityOf(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
