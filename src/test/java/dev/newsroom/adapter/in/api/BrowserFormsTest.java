package dev.newsroom.adapter.in.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which clients get HTML: those whose Accept ranks text/html above application/json, as browsers' forms do. */
class BrowserFormsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "text/html",
            "text/*",
            "application/json;q=0.5, text/html",
            "TEXT/HTML; Q=1, */*; q=0.1"})
    void browsersAndHtmlFirstClients_preferHtml(String accept) {
        assertTrue(BrowserForms.prefersHtml(accept), accept);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "*/*", "application/json", "application/json, text/html", "text/html;q=0.5, application/*",
            "text/html;q=0", "text/html;q=abc, application/json;q=0.1", "text/plain", "garbage"})
    void jsonAndIndifferentClients_doNot(String accept) {
        assertFalse(BrowserForms.prefersHtml(accept), String.valueOf(accept));
    }
}
