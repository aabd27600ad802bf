package dev.newsroom.bench;

import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.SubmissionRules;
import dev.newsroom.domain.SubmittedComment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The comment formatter's worst cases: {@link CommentHtml#format} of a plain 65 KB comment beside an adversarial
 * corpus of inputs at the comment limit (65,525 bytes), and beside the slowest inputs a short seeded search finds
 * (random short patterns of the formatter's own marks, repeated to the limit) and the slowest entries of a fuzz
 * run's corpus when one is there ({@code .cifuzz-corpus}, left by {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=CommentHtmlFuzzTest}). Prints the median milliseconds of
 * each and its ratio to the plain comment; then the moderation decision of the plain comment with 1,000 moderation
 * and 1,000 disallowed keys beside none. {@link Benchmark} runs it in a JVM with Lambda's flags (C1 only); run
 * alone: {@code mvn -q -Pbench package -Dbench.formatterOnly=true}.
 */
public final class FormatterBench {
    private static final int LIMIT = SubmissionRules.MAX_CONTENT_BYTES;
    /** Marks the formatter's scanners react to: the search's alphabet. */
    private static final List<String> MARKS = List.of("!a://", "http://", "https://x", "www.", "ftp.", "@", "a", "b.",
            ".", ",", "(", ")", "[", "]", "<", ">", "&", "&#", "&amp;", "&lt", ";", "=", "\"", "'", "/", ":", "-",
            " ", "\n", "\n\n", "\t", "\u00a0", "é", "<q>", "</q>", "<b>", "</b>", "<b/>", "<i>", "<a href=http://x>",
            "<a href='", "</a>", "<code>", "</code>", "<blockquote>", "</blockquote>", "<!--", "-->", "<p>", "<br>",
            "<pre>", "</ b>", "<x ");

    private FormatterBench() {
    }

    public static void main(String[] args) {
        Map<String, String> corpus = corpus();
        corpus.putAll(slowestFinds(Integer.getInteger("bench.formatterSearch", 300), 3));
        corpus.putAll(slowestFuzzFinds(Path.of(System.getProperty("bench.fuzzCorpus", ".cifuzz-corpus")), 3));
        String plain = corpus.get("plain 65 KB comment");
        double plainMs = medianMillis(plain, 9);
        System.out.printf("%-46s %9s %9s %7s%n", "comment formatter, " + System.getProperty("java.vm.name"), "bytes",
                "median ms", "x plain");
        for (Map.Entry<String, String> input : corpus.entrySet()) {
            double ms = input.getValue() == plain ? plainMs : medianMillis(input.getValue(), 9);
            System.out.printf("%-46s %9d %9.2f %7.1f%n", input.getKey(), bytes(input.getValue()), ms, ms / plainMs);
        }
        double keysMs = medianMillis(() -> decideWithKeys(plain, 1_000), 9);
        double noKeysMs = medianMillis(() -> decideWithKeys(plain, 0), 9);
        System.out.printf("%-46s %9d %9.2f %7.1f%n", "moderation: no keys, plain 65 KB", bytes(plain), noKeysMs, 1.0);
        System.out.printf("%-46s %9d %9.2f %7.1f%n", "moderation: 1,000 + 1,000 keys, plain 65 KB", bytes(plain),
                keysMs, keysMs / noKeysMs);
    }

    /**
     * The moderation decision on a formatted comment with {@code keys} moderation and {@code keys} disallowed keys
     * of 200 characters, none of them matching (so every key is tried).
     */
    private static void decideWithKeys(String content, int keys) {
        List<String> moderation = new ArrayList<>();
        List<String> disallowed = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            moderation.add(("moderation key " + k + " ").repeat(12).substring(0, 200));
            disallowed.add(("disallowed key " + k + " ").repeat(12).substring(0, 200));
        }
        DiscussionSettings settings = KEYED.computeIfAbsent(keys, k -> new DiscussionSettings(true, 15, 0, moderation,
                disallowed, false, false, 5, 0, 0));
        SubmittedComment comment = new SubmittedComment("Ama", "ama@example.com", null, content, null, false);
        ModerationPolicy.decide(comment, CommentHtml.format(content), new ModerationPolicy.Sender("203.0.113.9",
                "Mozilla/5.0 (bench)"), settings, true);
    }

    /** The settings of each key count, built once, as a function holds them between refreshes. */
    private static final Map<Integer, DiscussionSettings> KEYED = new java.util.HashMap<>();

    /** A plain comment and the hand-built worst cases, each at (or just under) the comment limit. */
    public static Map<String, String> corpus() {
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("plain 65 KB comment", fill("I read the report twice. The council's figures, published on "
                + "https://example.org/budget-2026, do not add up: see www.example.com/notes (page 4) or write to "
                + "desk@example.com.\nA <b>second</b> look at <i>the tables</i> helps.\n\n"));
        corpus.put("\"!a://\" x 13,000", "!a://".repeat(13_000));
        corpus.put("\"<q>\\n\\n\" x 9,300", "<q>\n\n".repeat(9_300));
        corpus.put("one URL of 65 KB", "http://" + "a".repeat(LIMIT - 7));
        corpus.put("\"a.\" repeated after \" a@\"", " a@" + "a.".repeat((LIMIT - 3) / 2));
        for (String unit : List.of("http://a ", "http://a(", "http://a)", "www.", " www.a", "a@", " a@a.", "&#", "&#x1",
                "<b>", "<b>x<b>y</b>z</b>", "<blockquote>", "<a href=http://x>http://y ", "<!--", "<!--<a>", "<",
                "x\n", "<code>http://a ")) {
            corpus.put(printable(unit) + " repeated", fill(unit));
        }
        return corpus;
    }

    /**
     * A short seeded search: random patterns of one to five marks, each repeated to the limit and timed once; the
     * {@code keep} slowest are returned under their pattern.
     */
    static Map<String, String> slowestFinds(int tries, int keep) {
        Random random = new Random(22);
        List<Object[]> timed = new ArrayList<>();
        for (int t = 0; t < tries; t++) {
            StringBuilder pattern = new StringBuilder();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                pattern.append(MARKS.get(random.nextInt(MARKS.size())));
            }
            String input = fill(pattern.toString());
            long start = System.nanoTime();
            CommentHtml.format(input);
            timed.add(new Object[]{System.nanoTime() - start, pattern.toString(), input});
        }
        timed.sort(Comparator.comparingLong((Object[] row) -> (Long) row[0]).reversed());
        Map<String, String> slowest = new LinkedHashMap<>();
        for (Object[] row : timed.subList(0, Math.min(keep, timed.size()))) {
            slowest.put("search: " + printable((String) row[1]) + " repeated", (String) row[2]);
        }
        return slowest;
    }

    /**
     * The {@code keep} slowest entries of a fuzz run's corpus (what {@code JAZZER_FUZZ=1 mvn test
     * -Dtest=CommentHtmlFuzzTest} leaves in {@code .cifuzz-corpus}), each repeated to the limit; none when the
     * directory is missing.
     */
    static Map<String, String> slowestFuzzFinds(Path corpus, int keep) {
        if (!Files.isDirectory(corpus)) {
            return Map.of();
        }
        List<Object[]> timed = new ArrayList<>();
        try (var files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String unit = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (!unit.isEmpty() && bytes(unit) <= LIMIT) {
                    String input = fill(unit);
                    long start = System.nanoTime();
                    CommentHtml.format(input);
                    timed.add(new Object[]{System.nanoTime() - start, file.getFileName().toString(), input});
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return Map.of();
        }
        timed.sort(Comparator.comparingLong((Object[] row) -> (Long) row[0]).reversed());
        Map<String, String> slowest = new LinkedHashMap<>();
        for (Object[] row : timed.subList(0, Math.min(keep, timed.size()))) {
            slowest.put("fuzz find " + ((String) row[1]).substring(0, 8) + " repeated", (String) row[2]);
        }
        return slowest;
    }

    private static double medianMillis(String input, int runs) {
        return medianMillis(() -> CommentHtml.format(input), runs);
    }

    private static double medianMillis(Runnable work, int runs) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** {@code unit} repeated to as many whole copies as fit in the comment limit. */
    static String fill(String unit) {
        return unit.repeat(LIMIT / bytes(unit));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String printable(String s) {
        String shown = s.replace("\n", "\\n").replace("\t", "\\t").replace("\u00a0", "\\u00a0");
        return "\"" + (shown.length() > 30 ? shown.substring(0, 30) + "…" : shown) + "\"";
    }
}
