/**
 * The site's pages, rendered on the server from the same use cases as the API: the article page with its thread and
 * comment form (complete without script), the front and category pages, feeds, sitemaps and robots.txt. Every value
 * is escaped with the domain's {@link dev.newsroom.domain.HtmlText#escape}; no page holds inline script or style.
 * URL shapes, caching and the no-script journeys: docs/PAGES.md.
 */
package dev.newsroom.adapter.in.pages;
