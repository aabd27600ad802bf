package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.adapter.out.dynamodb.CursorCodec;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.SubmissionRules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer fuzz tests of request parsing and validation. In a normal build they replay the saved inputs under
 * {@code src/test/resources/.../RequestParsingFuzzTestInputs}; with {@code JAZZER_FUZZ=1} they explore.
 * The property: bad input only ever fails as a 4xx {@link ServiceException}, never anything else.
 */
class RequestParsingFuzzTest {
    private static final Json JSON = new Json();
    private static final CursorCodec CURSORS = new CursorCodec("fuzz-cursor-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    @FuzzTest(maxDuration = "30s")
    void commentJson(FuzzedDataProvider data) {
        boolean base64 = data.consumeBoolean();
        parseAndValidate("application/json", data.consumeRemainingAsBytes(), base64);
    }

    @FuzzTest(maxDuration = "30s")
    void commentForm(FuzzedDataProvider data) {
        parseAndValidate("application/x-www-form-urlencoded", data.consumeRemainingAsBytes(), true);
    }

    @FuzzTest(maxDuration = "30s")
    void cursor(FuzzedDataProvider data) {
        String list = data.consumeString(40);
        String cursor = data.consumeRemainingAsString();
        try {
            CURSORS.decode(list, cursor, Set.of("pk", "sk"));
        } catch (ServiceException e) {
            assertTrue(e.code() == ErrorCode.INVALID_CURSOR, e.code().wire());
        }
    }

    private static void parseAndValidate(String contentType, byte[] body, boolean base64) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withPath("/articles/a/comments").withHeaders(headers)
                .withBody(base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(base64);
        try {
            CommentForm form = CommentFormReader.read(new ApiRequest(event), JSON).form();
            SubmissionRules.check(form, DiscussionSettings.defaults());
        } catch (ServiceException e) {
            int status = ErrorResponses.statusOf(e.code());
            assertTrue(status >= 400 && status < 500, e.code().wire());
        }
    }
}
