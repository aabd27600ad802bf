package dev.newsroom.adapter.in.api;

import dev.newsroom.support.ApiHarness;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SnapStart priming hook answers its harmless request (a 404 read) without failing. */
class PrimingTest {
    @Test
    void beforeCheckpoint_answersThePrimingRequest() throws Exception {
        ApiHarness api = new ApiHarness();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Priming.forTesting(api.articles).beforeCheckpoint(null);
        } finally {
            System.setOut(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"requestId\":\"priming\"") && log.contains("\"status\":404"), log);
    }
}
