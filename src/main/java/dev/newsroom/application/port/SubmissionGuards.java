package dev.newsroom.application.port;

import java.time.Instant;
import java.util.List;

/**
 * What a new comment's write is guarded by, known before the comment is made: the fingerprints of its duplicate
 * mark (the folded one, and the one marks had before folding), its IP and email (either may be null) for the flood
 * marks, the flood window ({@code floodSeconds} 0 turns it off) and the time of the submission.
 */
public record SubmissionGuards(List<String> fingerprints, String ip, String email, int floodSeconds, Instant now) {
}
