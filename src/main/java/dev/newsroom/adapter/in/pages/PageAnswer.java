package dev.newsroom.adapter.in.pages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page route answers: status, media type, body, extra headers, and whether the answer is the same for every
 * reader (then shared caches may keep it); a page for one reader (a held preview, a refused form) is never cached.
 */
record PageAnswer(int status, String type, String body, Map<String, String> headers, boolean shared) {
    static final String HTML = "text/html; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static PageAnswer html(int status, String body) {
        return new PageAnswer(status, HTML, body, new LinkedHashMap<>(), true);
    }

    static PageAnswer of(String type, String body) {
        return new PageAnswer(200, type, body, new LinkedHashMap<>(), true);
    }

    /** {@code 303} after a form's post: never kept. */
    static PageAnswer seeOther(String location) {
        return redirect(303, location, false);
    }

    /** {@code 301}: this address is answered at {@code location}; not kept (it costs nothing to make again). */
    static PageAnswer movedPermanently(String location) {
        return redirect(301, location, false);
    }

    /** {@code 302}: the answer is elsewhere for now (a comment's link resolved to its page), kept as a page is. */
    static PageAnswer found(String location) {
        return redirect(302, location, true);
    }

    private static PageAnswer redirect(int status, String location, boolean shared) {
        PageAnswer answer = new PageAnswer(status, HTML, "", new LinkedHashMap<>(), shared);
        answer.headers().put("Location", location);
        return answer;
    }

    PageAnswer forOneReader() {
        return new PageAnswer(status, type, body, headers, false);
    }

    PageAnswer header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
