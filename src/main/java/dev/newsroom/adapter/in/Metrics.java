package dev.newsroom.adapter.in;

import dev.newsroom.domain.CommentStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Comment metrics as CloudWatch Embedded Metric Format lines on standard output, for every way a comment is
 * submitted (the API's JSON and form routes, and the pages' own form): Lambda ships them to
 * CloudWatch Logs and CloudWatch turns them into metrics, with no agent and no API call. Namespace
 * {@code Newsroom}; {@code CommentsSubmitted} plus one of {@code CommentsApproved}, {@code CommentsHeld},
 * {@code CommentsSpam}, or {@code CommentsRejected} with the dimension {@code Reason} (an error code). Nothing is
 * counted while a function primes itself ({@link SnapStartPriming#running}): its submissions are not readers'.
 */
public final class Metrics {
    static final String NAMESPACE = "Newsroom";
    private final Function<Object, String> json;

    /** {@code json}: writes a map as one line of JSON. */
    public Metrics(Function<Object, String> json) {
        this.json = json;
    }

    /** What storing a comment of {@code status} was: {@code approved}, {@code held} or {@code spam}. */
    public static String outcome(CommentStatus status) {
        return switch (status) {
            case APPROVED -> "approved";
            case SPAM -> "spam";
            default -> "held";
        };
    }

    /** A stored comment: {@code outcome} is approved, held or spam. */
    public void stored(String outcome) {
        String metric = switch (outcome) {
            case "approved" -> "CommentsApproved";
            case "spam" -> "CommentsSpam";
            default -> "CommentsHeld";
        };
        emit(Map.of(), List.of("CommentsSubmitted", metric));
    }

    /** A submission refused with {@code reason}, an error code such as {@code comment_flood}. */
    public void rejected(String reason) {
        emit(Map.of("Reason", reason), List.of("CommentsRejected"));
    }

    private void emit(Map<String, String> dimensions, List<String> metrics) {
        if (SnapStartPriming.running()) {
            return;
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", dimensions.isEmpty() ? List.of(List.of()) : List.of(List.copyOf(dimensions.keySet())));
        directive.put("Metrics", metrics.stream().map(m -> Map.of("Name", m, "Unit", "Count")).toList());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics", List.of(directive)));
        line.putAll(dimensions);
        metrics.forEach(m -> line.put(m, 1));
        System.out.println(json.apply(line));
    }
}
