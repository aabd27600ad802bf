package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * An article's thread as a tree, paged as WordPress pages it: {@code perPage} top-level comments a page, each with
 * all its replies, oldest first, and also no more comments on a page than fit its byte budget (see {@link Paging}).
 * A page that the budget ends early goes on at the next page, even in the middle of a comment's replies: the first
 * reply there stands at the top level of its page. Every comment is on exactly one page, in reading order. A held
 * comment shown to its author ({@code held}, may be null) takes its place under its parent, or at the end. A reply
 * whose parent is not in the thread is shown at the top level.
 */
record ThreadView(List<Node> roots, int page, int pages, long total, String heldId) {

    /** One comment and its replies. */
    record Node(Comment comment, List<Node> children) {
    }

    /**
     * How a thread is cut into pages: at most {@code perPage} top-level comments a page, and at most {@code maxBytes}
     * of the comments' {@code size}s (an upper bound of what each adds to the page); a page always holds one comment.
     */
    record Paging(int perPage, ToLongFunction<Comment> size, long maxBytes) {
    }

    /** The page {@code requestedPage} (from 1), or, when 0, the one holding {@code focusId} (the first when null). */
    static ThreadView of(List<Comment> approved, Comment held, long total, Paging paging, int requestedPage,
                         String focusId) {
        List<Comment> all = new ArrayList<>(approved);
        if (held != null && approved.stream().noneMatch(c -> c.id().equals(held.id()))) {
            all.add(held);
        }
        List<List<Comment>> pages = cut(tree(all), paging);
        int page = Math.min(Math.max(1, requestedPage), pages.size());
        if (requestedPage <= 0 && focusId != null) {
            page = pageOf(pages, focusId);
        }
        return new ThreadView(List.copyOf(tree(pages.get(page - 1))), page, pages.size(), total,
                held == null ? null : held.id());
    }

    /** Whether {@code node} is, or holds among its replies, the comment {@code id}. */
    static boolean holds(Node node, String id) {
        if (node.comment().id().equals(id)) {
            return true;
        }
        return node.children().stream().anyMatch(child -> holds(child, id));
    }

    /** The comments as trees, in their order: each under its parent when the parent is among them, else at the top. */
    private static List<Node> tree(List<Comment> comments) {
        Map<String, Node> byId = new HashMap<>();
        for (Comment c : comments) {
            byId.put(c.id(), new Node(c, new ArrayList<>()));
        }
        List<Node> roots = new ArrayList<>();
        for (Comment c : comments) {
            Node parent = c.parentId() == null ? null : byId.get(c.parentId());
            (parent == null ? roots : parent.children()).add(byId.get(c.id()));
        }
        return roots;
    }

    /** The thread in reading order (each comment, then its replies), cut into pages; at least one, maybe empty. */
    private static List<List<Comment>> cut(List<Node> roots, Paging paging) {
        List<List<Comment>> pages = new ArrayList<>();
        Page current = new Page();
        for (Node root : roots) {
            current = add(root, true, current, pages, paging);
        }
        pages.add(current.comments);
        return pages;
    }

    private static Page add(Node node, boolean topLevel, Page current, List<List<Comment>> pages, Paging paging) {
        long size = paging.size().applyAsLong(node.comment());
        boolean full = !current.comments.isEmpty() && ((topLevel && current.topLevel >= paging.perPage())
                || current.bytes + size > paging.maxBytes());
        Page page = current;
        if (full) {
            pages.add(current.comments);
            page = new Page();
        }
        page.comments.add(node.comment());
        page.bytes += size;
        page.topLevel += topLevel ? 1 : 0;
        for (Node child : node.children()) {
            page = add(child, false, page, pages, paging);
        }
        return page;
    }

    /** The page (from 1) that holds the comment {@code id}; 1 when it is not there. */
    private static int pageOf(List<List<Comment>> pages, String id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).stream().anyMatch(c -> c.id().equals(id))) {
                return i + 1;
            }
        }
        return 1;
    }

    /** A page being filled. */
    private static final class Page {
        private final List<Comment> comments = new ArrayList<>();
        private long bytes;
        private int topLevel;
    }
}
