package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionRulesTest {
    private static final DiscussionSettings DEFAULTS = DiscussionSettings.defaults();

    private static CommentForm form(String name, String email, String url, String content) {
        return new CommentForm(name, email, url, content, null, null);
    }

    private static List<FieldError> errorsOf(CommentForm form, DiscussionSettings settings) {
        ServiceException e = assertThrows(ServiceException.class, () -> SubmissionRules.check(form, settings));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        return e.fields();
    }

    /** A name with a bidi control or a zero-width character could pass for another name: refused on the field. */
    @Test
    void check_nameWithBidiControlsOrZeroWidthCharacters_isRefusedOnTheName() {
        for (char c : new char[]{'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068',
                '\u2069', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'}) {
            assertEquals(List.of(new FieldError("authorName", "invalid_characters", SubmissionRules.HIDDEN_NAME_CHARACTERS)),
                    errorsOf(form("mod" + c + "erator", "ama@example.com", null, "Hi"), DEFAULTS), Integer.toHexString(c));
        }
        assertEquals("Ama Kofi-Mensah", SubmissionRules.check(form("Ama Kofi-Mensah", "ama@example.com", null,
                "with \u200b in the text"), DEFAULTS).authorName());
        assertEquals("عمر", SubmissionRules.check(form("عمر", "o@example.com", null, "Hi"), DEFAULTS).authorName());
    }

    @Test
    void check_whenEverythingMissing_reportsEveryRequiredFieldAtOnce() {
        List<FieldError> errors = errorsOf(form(" ", null, null, "\n"), DEFAULTS);
        assertEquals(List.of(
                new FieldError("authorName", "required", "Please fill the required fields."),
                new FieldError("authorEmail", "required", "Please fill the required fields."),
                new FieldError("content", "required", "Please type your comment text.")), errors);
    }

    @Test
    void check_whenNameAndEmailNotRequired_acceptsAnonymousComment() {
        var settings = new DiscussionSettings(false, 15, 2, List.of(), List.of(), false, true, 5, 0, 0);
        SubmittedComment c = SubmissionRules.check(form(null, "", null, "Hi"), settings);
        assertNull(c.authorName());
        assertNull(c.authorEmail());
    }

    @Test
    void check_whenEmailInvalid_saysPleaseEnterAValidEmailAddress() {
        for (String bad : List.of("plainaddress", "a@b", "a@@b.com", "a b@example.com", "\"q\"@example.com",
                "a@exa mple.com", "a@-example.com", "a@example..com", ".a@example.com", "a@example_x.com")) {
            List<FieldError> errors = errorsOf(form("Ama", bad, null, "Hello"), DEFAULTS);
            assertEquals(List.of(new FieldError("authorEmail", "invalid", "Please enter a valid email address.")),
                    errors, bad);
        }
    }

    @Test
    void check_acceptsOrdinaryAddresses() {
        for (String good : List.of("ama@example.com", "o'brien+news@mail.example.co.uk", "x@a-b.io")) {
            assertEquals(good, SubmissionRules.check(form("Ama", good, null, "Hello"), DEFAULTS).authorEmail());
        }
    }

    @Test
    void check_whenLocalPartLongerThan64_rejectsEmail() {
        String email = "a".repeat(65) + "@ex.com";
        assertEquals("invalid", errorsOf(form("Ama", email, null, "Hi"), DEFAULTS).get(0).code());
        assertFalse(TextRules.isValidEmail("a".repeat(65) + "@ex.com"));
        assertTrue(TextRules.isValidEmail("a".repeat(64) + "@ex.com"));
    }

    @Test
    void check_whenNameIsOneByteTooLong_saysYourNameIsTooLong() {
        assertEquals("a".repeat(245), SubmissionRules.check(form("a".repeat(245), "a@ex.com", null, "Hi"), DEFAULTS).authorName());
        List<FieldError> errors = errorsOf(form("a".repeat(246), "a@ex.com", null, "Hi"), DEFAULTS);
        assertEquals(List.of(new FieldError("authorName", "too_long", "Your name is too long.")), errors);
    }

    @Test
    void check_countsLengthsInUtf8Bytes() {
        String twoByteName = "\u00e9".repeat(123);
        assertEquals("too_long", errorsOf(form(twoByteName, "a@ex.com", null, "Hi"), DEFAULTS).get(0).code());
    }

    @Test
    void check_whenEmailUrlOrContentOneByteTooLong_usesWordPressMessages() {
        String email101 = "a".repeat(60) + "@" + "b".repeat(36) + ".com";
        assertEquals(101, email101.length());
        String url201 = "https://example.com/" + "p".repeat(181);
        assertEquals(201, url201.length());
        String content = "c".repeat(65_526);
        List<FieldError> errors = errorsOf(form("Ama", email101, url201, content), DEFAULTS);
        assertEquals(List.of(
                new FieldError("authorEmail", "too_long", "Your email address is too long."),
                new FieldError("authorUrl", "too_long", "Your URL is too long."),
                new FieldError("content", "too_long", "Your comment is too long.")), errors);
        assertEquals(65_525, SubmissionRules.check(form("Ama", "a@ex.com", null, "c".repeat(65_525)), DEFAULTS)
                .content().length());
    }

    @Test
    void check_whenUrlIsNotHttp_rejectsIt() {
        for (String bad : List.of("javascript:alert(1)", "ftp://example.com", "example.com", "http://", "https:///x",
                "data:text/html,hi")) {
            assertEquals("authorUrl", errorsOf(form("Ama", "a@ex.com", bad, "Hi"), DEFAULTS).get(0).field(), bad);
        }
        assertEquals("https://ama.example/a?b=c", SubmissionRules.check(
                form("Ama", "a@ex.com", "https://ama.example/a?b=c", "Hi"), DEFAULTS).authorUrl());
    }

    @Test
    void check_whenControlCharacters_rejectsThemButKeepsNewlineAndTab() {
        assertEquals("invalid_characters", errorsOf(form("Ama", "a@ex.com", null, "bell\u0007"), DEFAULTS).get(0).code());
        assertEquals("invalid_characters", errorsOf(form("A\u0000ma", "a@ex.com", null, "ok"), DEFAULTS).get(0).code());
        assertEquals("invalid_characters", errorsOf(form("Ama", "a@ex.com", null, "lone \ud800 surrogate"), DEFAULTS)
                .get(0).code());
        assertEquals("line one\n\tline two", SubmissionRules.check(
                form("Ama", "a@ex.com", null, "line one\r\n\tline two"), DEFAULTS).content());
    }

    @Test
    void check_trimsAndNormalisesToNfc() {
        SubmittedComment c = SubmissionRules.check(form("  Jose\u0301  ", " a@ex.com ", null, "  caf\u0065\u0301 "), DEFAULTS);
        assertEquals("Jos\u00e9", c.authorName());
        assertEquals("a@ex.com", c.authorEmail());
        assertEquals("caf\u00e9", c.content());
    }

    @Test
    void check_keepsTextExactlyAsTyped() {
        String typed = "<script>alert('x')</script> \\ \"quoted\" &amp; \\n";
        assertEquals(typed, SubmissionRules.check(form("<b>Ama</b>", "a@ex.com", null, typed), DEFAULTS).content());
    }

    @Test
    void check_honeypotFilled_isRemembered() {
        var form = new CommentForm("Ama", "a@ex.com", null, "Hi", null, "http://spam.example");
        assertTrue(SubmissionRules.check(form, DEFAULTS).honeypotFilled());
    }

    @Test
    void check_whenAuthorUrlHoldsUnpairedSurrogateOrControl_refusesIt() {
        for (String url : List.of("https://example.com/\ud800", "https://example.com/a\udc00", "https://example.com/\u0085")) {
            assertEquals(List.of("authorUrl"), errorsOf(form("Ama", "a@ex.com", url, "Hi"), DEFAULTS).stream()
                    .map(FieldError::field).toList(), url);
        }
    }
}
