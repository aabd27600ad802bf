package dev.newsroom.adapter.in.pages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonFactory;
import dev.newsroom.adapter.in.EdgeViewer;
import dev.newsroom.adapter.in.JsonWriter;
import dev.newsroom.adapter.in.Metrics;
import dev.newsroom.adapter.in.RequestLog;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.Hashes;
import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pages function: routes a page request (by the resource API Gateway matched) to the article or list pages,
 * turns a refusal into a page (404 for an unknown article or category), and adds the headers every page has: a
 * strict Content-Security-Policy (scripts, styles and connections from this site only; images also over https),
 * {@code Cache-Control} that lets a CDN keep shared pages a short while and serve them stale while it revalidates,
 * and an {@code ETag} ({@code 304} to a matching {@code If-None-Match}).
 */
public final class PagesFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    /** The site's Content-Security-Policy: the pages', the runner's static files' and (a test holds it) the CDN's. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
            "style-src 'self'", "img-src 'self' data: https:", "media-src https:", "connect-src 'self'", "object-src 'none'",
            "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
    /**
     * The query parameters the page routes read, which are the ones the distribution keys its cached pages by
     * (template.yaml's SitePublicCachePolicy; TemplateTest holds the two equal), and the only ones the
     * distribution's viewer-request function passes on (ViewerRequestFunctionTest). A route acts on these alone:
     * deciding on another would keep that answer for the address without it.
     */
    public static final Set<String> CACHE_KEY_QUERY = Set.of("cpage", "replytocom", "unapproved", "moderation-hash",
            "after", "comment", "month", "part");
    static final int MAX_AGE = 60;
    static final int STALE_WHILE_REVALIDATE = 600;
    /** The pages' one JSON writer: their JSON-LD, the request log's and the metrics' lines. */
    static final JsonWriter JSON = new JsonWriter(new JsonFactory());
    private final RequestLog log = new RequestLog(JSON::write);
    private final AppContext app;
    private final ArticlePages articles;
    private final ListPages lists;

    /** Lambda's entry point: wiring happens here, once per container. */
    public PagesFunction() {
        this(AppContext.shared());
    }

    public PagesFunction(AppContext app) {
        this.app = app;
        ModerationHash hash = new ModerationHash(app.config().cursorSecret());
        this.articles = new ArticlePages(app, hash, new Metrics(JSON::write));
        this.lists = new ListPages(app);
        PagePriming.register(this);
    }

    AppContext app() {
        return app;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        PageRequest request = new PageRequest(event);
        SiteUrls urls = urls(request);
        PageAnswer answer;
        ServiceException failure = null;
        try {
            answer = route(request, urls);
            failure = request.refusal();
        } catch (ServiceException e) {
            failure = e;
            answer = refused(e, urls);
        } catch (RuntimeException e) {
            log.failure(request.requestId(), e);
            answer = ErrorPages.page(500, "Something went wrong", "Something went wrong on our side. Please try again.",
                    urls).forOneReader();
        }
        APIGatewayProxyResponseEvent response = finish(request, answer);
        log.request(request.requestId(), request.method(), request.resource(), response.getStatusCode(),
                (System.nanoTime() - started) / 1_000_000, request.outcome(), failure);
        return response;
    }

    private PageAnswer route(PageRequest r, SiteUrls urls) {
        String method = r.method();
        boolean get = method.equals("GET") || method.equals("HEAD");
        String slug = r.pathParameter("slug");
        return switch (r.resource()) {
            case "/" -> get ? lists.front(r, urls) : notAllowed("GET");
            case "/category/{name}" -> get ? lists.category(r, urls, r.pathParameter("name")) : notAllowed("GET");
            case "/feed" -> get ? lists.feed(urls) : notAllowed("GET");
            case "/robots.txt" -> get ? PageAnswer.of(PageAnswer.TEXT, Sitemaps.robots(urls)) : notAllowed("GET");
            case "/sitemap.xml" -> get ? lists.sitemap(r, urls) : notAllowed("GET");
            case "/news-sitemap.xml" -> get ? lists.newsSitemap(urls) : notAllowed("GET");
            case "/news/{slug}" -> get ? articles.page(r, urls, slug)
                    : method.equals("POST") ? articles.post(r, urls, slug) : notAllowed("GET, POST");
            case "/news/{slug}/feed" -> get ? articles.commentsFeed(urls, slug) : notAllowed("GET");
            case "/articles/{slug}/comments.html" -> get ? articles.fragment(r, urls, slug) : notAllowed("GET");
            default -> throw new ServiceException(ErrorCode.NOT_FOUND, "No page here.");
        };
    }

    private static PageAnswer notAllowed(String allow) {
        throw new ServiceException(ErrorCode.METHOD_NOT_ALLOWED, "Allow: " + allow);
    }

    private static PageAnswer refused(ServiceException e, SiteUrls urls) {
        return switch (e.code()) {
            case ARTICLE_NOT_FOUND, NOT_FOUND, COMMENT_NOT_FOUND -> ErrorPages.notFound(urls);
            case METHOD_NOT_ALLOWED -> ErrorPages.page(405, "Method not allowed", "This page cannot be used that way.",
                    urls).header("Allow", e.getMessage().substring("Allow: ".length())).forOneReader();
            case UNAVAILABLE -> ErrorPages.page(503, "Briefly unavailable", e.getMessage(), urls).header("Retry-After", "2")
                    .forOneReader();
            default -> ErrorPages.page(PageStatus.of(e.code()), "Not accepted", e.getMessage(), urls).forOneReader();
        };
    }

    /**
     * The site's address: {@code SITE_URL}, else the host the reader asked the stack's distribution for, else this
     * request's host (with the API stage on API Gateway's own domain).
     */
    private SiteUrls urls(PageRequest r) {
        if (app.config().siteUrl() != null) {
            return new SiteUrls(app.config().siteUrl());
        }
        String edgeHost = EdgeViewer.host(r::header);
        if (edgeHost != null) {
            return new SiteUrls("https://" + edgeHost);
        }
        String host = r.header("Host");
        if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
            host = "localhost";
        }
        boolean gatewayDomain = host.endsWith(".amazonaws.com") && r.stage() != null;
        String proto = "http".equals(r.header("X-Forwarded-Proto")) ? "http" : "https";
        return new SiteUrls(proto + "://" + host + (gatewayDomain ? "/" + r.stage() : ""));
    }

    private static APIGatewayProxyResponseEvent finish(PageRequest request, PageAnswer answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Content-Type", answer.type());
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        boolean cacheable = answer.shared() && (answer.status() == 200 || answer.status() == 302 || answer.status() == 404);
        headers.put("Cache-Control", cacheable ? "public, max-age=" + MAX_AGE + ", stale-while-revalidate="
                + STALE_WHILE_REVALIDATE : "private, no-store");
        String body = answer.body();
        int status = answer.status();
        if (answer.status() == 200) {
            String etag = "\"" + Hashes.sha256Hex(body).substring(0, 32) + "\"";
            headers.put("ETag", etag);
            String ifNoneMatch = request.header("If-None-Match");
            if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
                status = 304;
                body = "";
                headers.remove("Content-Type");
            }
        }
        if (request.method().equals("HEAD")) {
            body = "";
        }
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body);
    }
}
