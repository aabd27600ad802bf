package dev.newsroom.adapter.in.pages;

import static dev.newsroom.adapter.in.pages.Html.esc;

/** The pages that say something went wrong: the 404 page (with a way back home) and other failures. */
final class ErrorPages {
    private ErrorPages() {
    }

    static PageAnswer notFound(SiteUrls urls) {
        String main = "<h1 class=\"page-title\">Page not found</h1>\n<p>Sorry, there is nothing at this address. It may "
                + "have moved, or the link may be mistyped.</p>\n<p><a href=\"" + esc(urls.home())
                + "\">Go to the front page</a></p>\n";
        return PageAnswer.html(404, Layout.page(urls, PageHead.of("Page not found – " + Layout.SITE_NAME,
                null, null).noindexed(), main, null));
    }

    static PageAnswer page(int status, String title, String message, SiteUrls urls) {
        String main = "<h1 class=\"page-title\">" + esc(title) + "</h1>\n<p>" + esc(message) + "</p>\n<p><a href=\""
                + esc(urls.home()) + "\">Go to the front page</a></p>\n";
        return PageAnswer.html(status, Layout.page(urls, PageHead.of(title + " – " + Layout.SITE_NAME, null, null)
                .noindexed(), main, null));
    }
}
