package dev.newsroom.adapter.in.pages;

import static dev.newsroom.adapter.in.pages.Html.esc;

/**
 * The comment form, WordPress's markup and field names, complete without script: it posts to {@code action}
 * with {@code redirect_to} naming the article's page, keeps what the reader typed after a refusal with each message
 * beside its field ({@code aria-describedby}, {@code aria-invalid}), and, when replying, names the parent and offers
 * "Cancel reply" (a link back to the page without {@code replytocom}).
 */
final class CommentFormHtml {
    private CommentFormHtml() {
    }

    static String render(String action, String redirectTo, String articleUrl, FormState form, String replyingToName) {
        boolean replying = form.parentId() != null;
        StringBuilder html = new StringBuilder(3000);
        html.append("<div id=\"respond\" class=\"comment-respond\">\n<h3 id=\"reply-title\" class=\"comment-reply-title\">")
                .append(replying ? "Leave a Reply to " + esc(replyingToName) : "Leave a Reply")
                .append(" <small><a rel=\"nofollow\" id=\"cancel-comment-reply-link\" href=\"").append(esc(articleUrl))
                .append("#respond\"").append(replying ? "" : " hidden").append(">Cancel reply</a></small></h3>\n")
                .append("<form action=\"").append(esc(action)).append("\" method=\"post\" id=\"commentform\" ")
                .append("class=\"comment-form\" accept-charset=\"UTF-8\" novalidate>\n");
        if (form.refused()) {
            html.append("<div class=\"form-errors\" role=\"alert\" id=\"form-errors\"><p><strong>Your comment was not "
                    + "posted.</strong> Please check the fields below.</p>");
            for (String message : form.messages()) {
                html.append("<p>").append(esc(message)).append("</p>");
            }
            html.append("</div>\n");
        }
        html.append("<p class=\"comment-notes\">Your email address will not be published. Required fields are marked "
                + "<span class=\"required\">*</span></p>\n");
        field(html, form, "comment", "Comment", true, "<textarea id=\"comment\" name=\"comment\" rows=\"6\" "
                + "maxlength=\"65525\"", "</textarea>");
        field(html, form, "author", "Name", true, "<input id=\"author\" name=\"author\" type=\"text\" maxlength=\"245\" "
                + "autocomplete=\"name\"", null);
        field(html, form, "email", "Email", true, "<input id=\"email\" name=\"email\" type=\"email\" maxlength=\"100\" "
                + "autocomplete=\"email\"", null);
        field(html, form, "url", "Website", false, "<input id=\"url\" name=\"url\" type=\"url\" maxlength=\"200\" "
                + "autocomplete=\"url\"", null);
        html.append("<p class=\"comment-form-hp\" aria-hidden=\"true\"><label for=\"hp\">Leave this empty</label>")
                .append("<input id=\"hp\" name=\"hp\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></p>\n")
                .append("<input type=\"hidden\" name=\"comment_parent\" id=\"comment_parent\" value=\"")
                .append(replying ? esc(form.parentId()) : "0").append("\">\n")
                .append("<input type=\"hidden\" name=\"redirect_to\" value=\"").append(esc(redirectTo)).append("\">\n")
                .append("<p class=\"form-submit\"><button type=\"submit\" id=\"submit\" class=\"submit\">Post Comment")
                .append("</button></p>\n</form>\n</div>\n");
        return html.toString();
    }

    /** A labelled field with its value kept and its message beside it; {@code close} ends a textarea. */
    private static void field(StringBuilder html, FormState form, String name, String label, boolean required,
                              String open, String close) {
        String error = form.fieldErrors().get(name);
        html.append("<p class=\"comment-form-").append(name).append("\"><label for=\"").append(name).append("\">")
                .append(label).append(required ? " <span class=\"required\">*</span>" : "").append("</label>")
                .append(open);
        if (required) {
            html.append(" required");
        }
        if (error != null) {
            html.append(" aria-invalid=\"true\" aria-describedby=\"").append(name).append("-error\"");
        }
        if (close == null) {
            html.append(" value=\"").append(esc(form.value(name))).append("\">");
        } else {
            // a textarea's first newline is dropped by the parser: one is written so that the reader's own stays
            html.append(">\n").append(esc(form.value(name))).append(close);
        }
        if (error != null) {
            html.append("<span class=\"field-error\" id=\"").append(name).append("-error\">").append(esc(error))
                    .append("</span>");
        }
        html.append("</p>\n");
    }
}
