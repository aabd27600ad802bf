package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a comment shows of its author. */
class CommentTest {
    private static Comment by(String email, boolean byModerator) {
        Instant at = Instant.parse("2026-11-23T19:29:58Z");
        return new Comment("01J0000000000000000000000A", "a-story", null, 1, "ama", email, null, "Hi",
                CommentStatus.APPROVED, null, null, at, at, null, null, 1, null, "<p>Hi</p>\n", byModerator);
    }

    @Test
    void avatarHash_ofAReader_isTheHashOfTheirEmail() {
        assertEquals(Hashes.avatarHash("ama@newsroom.example"), by(" Ama@Newsroom.example", false).avatarHash());
    }

    @Test
    void avatarHash_ofAModeratorsReply_givesNothingAwayAboutTheirEmail() {
        assertEquals(Hashes.avatarHash(null), by("ama@newsroom.example", true).avatarHash());
    }
}
