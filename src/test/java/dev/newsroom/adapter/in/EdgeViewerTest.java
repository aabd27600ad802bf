package dev.newsroom.adapter.in;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EdgeViewerTest {
    private static final String TOKEN = "0f6a3c1e-8a47-11ee-b9d1-0242ac120002";

    @Test
    void takesTheViewersAddressOnlyWithTheStacksOriginToken() {
        assertEquals("198.51.100.7", EdgeViewer.ip(TOKEN, TOKEN, "198.51.100.7:46532"));
        assertEquals("2001:db8::8a2e:370:7334", EdgeViewer.ip(TOKEN, TOKEN, "2001:db8::8a2e:370:7334:443"));
        assertNull(EdgeViewer.ip(TOKEN, "guess", "198.51.100.7:46532"), "a wrong token");
        assertNull(EdgeViewer.ip(TOKEN, null, "198.51.100.7:46532"), "sent to the gateway directly");
        assertNull(EdgeViewer.ip(null, TOKEN, "198.51.100.7:46532"), "no distribution (the runner)");
        assertNull(EdgeViewer.ip("", "", "198.51.100.7:46532"), "an empty token is no token");
    }

    @Test
    void takesTheReadersHostOnlyWithTheTokenAndOnlyAsAHostName() {
        assertEquals("d111111abcdef8.cloudfront.net", EdgeViewer.host(TOKEN, TOKEN, "d111111abcdef8.cloudfront.net"));
        assertEquals("www.example.com", EdgeViewer.host(TOKEN, TOKEN, "www.example.com"));
        assertNull(EdgeViewer.host(TOKEN, "guess", "www.example.com"));
        assertNull(EdgeViewer.host(null, null, "www.example.com"));
        assertNull(EdgeViewer.host(TOKEN, TOKEN, "evil.example/path"));
        assertNull(EdgeViewer.host(TOKEN, TOKEN, "evil.example\"><script>"));
        assertNull(EdgeViewer.host(TOKEN, TOKEN, "localhost"), "a name with a dot");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertNull(EdgeViewer.ip(TOKEN, TOKEN, "198.51.100.7"), "no port");
        assertNull(EdgeViewer.ip(TOKEN, TOKEN, "evil.example:80"));
        assertNull(EdgeViewer.ip(TOKEN, TOKEN, "1.2.3:80"));
        assertNull(EdgeViewer.ip(TOKEN, TOKEN, "1.2.3.4, 5.6.7.8:80"));
        assertNull(EdgeViewer.ip(TOKEN, TOKEN, ":80"));
    }

    @Test
    void theRequestsSourceIpIsTheGatewaysWithoutAToken() {
        var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent()
                .withHeaders(java.util.Map.of("CloudFront-Viewer-Address", "203.0.113.9:1234", "X-Newsroom-Edge", "forged"))
                .withRequestContext(new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withIdentity(new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("192.0.2.44")));
        assertEquals("192.0.2.44", new dev.newsroom.adapter.in.api.ApiRequest(event).sourceIp());
    }
}
