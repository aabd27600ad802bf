package dev.newsroom.adapter.out.akismet;

import dev.newsroom.application.port.SpamCheck;
import dev.newsroom.application.port.SpamVerdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Akismet's REST API ({@code {endpoint}/1.1/comment-check}, {@code submit-spam}, {@code submit-ham}, form-encoded,
 * {@code api_key} among the fields) over the JDK's {@link HttpURLConnection}, which the SDK's HTTP client has
 * already loaded: no other client, no thread of its own. Each call connects within the budget and must answer
 * within what is left of it; anything but Akismet's documented answers is {@link SpamVerdict#ERROR}. Logs one
 * JSON line per failure and per "discard" tip, with Akismet's own diagnostic headers, never the comment's data.
 */
public final class AkismetSpamCheck implements SpamCheck {
    /** What {@code submit-spam} and {@code submit-ham} answer when they take a report. */
    static final String THANKS = "Thanks for making the web a better place.";
    private static final String USER_AGENT = "newsroom-comments/1.0 | Akismet/1.0";
    private static final int DIAGNOSTIC_LENGTH = 200;
    private final String apiKey;
    private final String base;
    private final String blog;
    private final Duration budget;
    private final boolean test;

    /**
     * {@code endpoint} without the version path (Akismet's is {@code https://rest.akismet.com}); {@code blog} the
     * site's front page; {@code test} marks every call as a test ({@code is_test=1}), which Akismet does not learn from.
     */
    public AkismetSpamCheck(String apiKey, URI endpoint, String blog, Duration budget, boolean test) {
        this.apiKey = apiKey;
        String url = endpoint.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.blog = blog;
        this.budget = budget;
        this.test = test;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public SpamVerdict check(Query query) {
        Answer answer = post("comment-check", fields(query));
        if (answer == null) {
            return SpamVerdict.ERROR;
        }
        if ("true".equals(answer.body())) {
            if ("discard".equals(answer.proTip())) {
                // blatant spam: stored as spam like any other (moderators may still look), logged as such
                log("comment-check", "spam", answer);
            }
            return SpamVerdict.SPAM;
        }
        if ("false".equals(answer.body())) {
            return SpamVerdict.HAM;
        }
        log("comment-check", "unexpected_answer", answer);
        return SpamVerdict.ERROR;
    }

    @Override
    public boolean report(Query query, SpamVerdict truth) {
        String call = truth == SpamVerdict.SPAM ? "submit-spam" : "submit-ham";
        Answer answer = post(call, fields(query));
        if (answer != null && !THANKS.equals(answer.body())) {
            log(call, "unexpected_answer", answer);
            return false;
        }
        return answer != null;
    }

    /** Akismet's fields for a comment; absent values are left out. */
    private Map<String, String> fields(Query query) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", apiKey);
        fields.put("blog", blog);
        fields.put("user_ip", query.ip());
        fields.put("user_agent", query.userAgent());
        fields.put("referrer", query.referrer());
        fields.put("comment_type", "comment");
        fields.put("comment_author", query.authorName());
        fields.put("comment_author_email", query.authorEmail());
        fields.put("comment_author_url", query.authorUrl());
        fields.put("comment_content", query.content());
        fields.put("comment_date_gmt", text(query.createdAt()));
        fields.put("comment_post_modified_gmt", text(query.articleModifiedAt()));
        fields.put("blog_charset", "UTF-8");
        if (test) {
            fields.put("is_test", "1");
        }
        fields.values().removeIf(v -> v == null || v.isEmpty());
        return fields;
    }

    /** Akismet's answer: the body and its diagnostic headers. */
    private record Answer(int status, String body, String proTip, String debugHelp, String error) {
    }

    /** One POST within the budget; null (and a log line) when it failed or ran out of time. */
    private Answer post(String call, Map<String, String> fields) {
        long deadline = System.nanoTime() + budget.toNanos();
        byte[] body = form(fields);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(base + "/1.1/" + call).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            connection.setRequestProperty("User-Agent", USER_AGENT);
            connection.setConnectTimeout(millisLeft(deadline));
            connection.setReadTimeout(millisLeft(deadline));
            connection.connect();
            connection.setReadTimeout(millisLeft(deadline));
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String text;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                text = in == null ? "" : new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
            }
            Answer answer = new Answer(status, status == 200 ? text : "",
                    connection.getHeaderField("X-akismet-pro-tip"), connection.getHeaderField("X-akismet-debug-help"),
                    connection.getHeaderField("X-akismet-error"));
            if (System.nanoTime() - deadline > 0) {
                log(call, "timeout", null);
                return null;
            }
            return answer;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            // a timeout, a refused or reset connection, an endpoint that is not an http(s) URL
            log(call, e instanceof java.net.SocketTimeoutException ? "timeout" : e.getClass().getSimpleName(), null);
            if (connection != null) {
                connection.disconnect();
            }
            return null;
        }
    }

    private static int millisLeft(long deadline) throws java.net.SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("spam service budget spent");
        }
        return (int) left;
    }

    private static byte[] form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** One line: the call, what happened, and Akismet's diagnostic headers (its own words, cut short). */
    private static void log(String call, String outcome, Answer answer) {
        StringBuilder line = new StringBuilder("{\"spamService\":\"").append(call).append("\",\"outcome\":\"")
                .append(outcome).append('"');
        if (answer != null) {
            line.append(",\"status\":").append(answer.status());
            append(line, "proTip", answer.proTip());
            append(line, "debugHelp", answer.debugHelp());
            append(line, "akismetError", answer.error());
        }
        System.out.println(line.append('}'));
    }

    private static void append(StringBuilder line, String name, String value) {
        if (value != null) {
            String safe = value.length() > DIAGNOSTIC_LENGTH ? value.substring(0, DIAGNOSTIC_LENGTH) : value;
            line.append(",\"").append(name).append("\":\"").append(safe.replaceAll("[^A-Za-z0-9 .,:;'()_/-]", "?"))
                    .append('"');
        }
    }
}
