package dev.newsroom.adapter.in.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training run writes to its table, so it refuses any database that is not on this machine. */
class TrainingTest {
    @Test
    void isThisMachine_acceptsOnlyLocalhostAndLoopbackLiterals() {
        for (String local : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]")) {
            assertTrue(Training.isThisMachine(local), local);
        }
        for (String remote : List.of("127.evil.example", "dynamodb.us-east-1.amazonaws.com", "10.0.0.1", "[2001:db8::1]", "")) {
            assertFalse(Training.isThisMachine(remote), remote);
        }
        assertFalse(Training.isThisMachine(null));
    }
}
