package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's thread as a tree, paged as WordPress pages it: {@code perPage} top-level comments a page, each with
 * all its replies, oldest first. A held comment shown to its author ({@code held}, may be null) takes its place
 * under its parent, or at the end. A reply whose parent is not in the thread is shown at the top level.
 */
record ThreadView(List<Node> roots, int page, int pages, long total, String heldId) {

    /** One comment and its replies. */
    record Node(Comment comment, List<Node> children) {
    }

    /** The page {@code requestedPage} (from 1), or, when 0, the one holding {@code focusId} (the first when null). */
    static ThreadView of(List<Comment> approved, Comment held, long total, int perPage, int requestedPage,
                         String focusId) {
        Map<String, Node> byId = new HashMap<>();
        List<Node> roots = new ArrayList<>();
        List<Comment> all = new ArrayList<>(approved);
        if (held != null && approved.stream().noneMatch(c -> c.id().equals(held.id()))) {
            all.add(held);
        }
        for (Comment c : all) {
            byId.put(c.id(), new Node(c, new ArrayList<>()));
        }
        for (Comment c : all) {
            Node parent = c.parentId() == null ? null : byId.get(c.parentId());
            (parent == null ? roots : parent.children()).add(byId.get(c.id()));
        }
        int pages = Math.max(1, (roots.size() + perPage - 1) / perPage);
        int page = Math.min(Math.max(1, requestedPage), pages);
        if (requestedPage <= 0 && focusId != null) {
            page = pageOf(roots, focusId, perPage);
        }
        int from = (page - 1) * perPage;
        return new ThreadView(List.copyOf(roots.subList(Math.min(from, roots.size()),
                Math.min(from + perPage, roots.size()))), page, pages, total, held == null ? null : held.id());
    }

    /** The page (from 1) whose top-level comment is, or holds, the comment {@code id}; 1 when it is not there. */
    static int pageOf(List<Node> roots, String id, int perPage) {
        for (int i = 0; i < roots.size(); i++) {
            if (holds(roots.get(i), id)) {
                return i / perPage + 1;
            }
        }
        return 1;
    }

    /** Whether {@code node} is, or holds among its replies, the comment {@code id}. */
    static boolean holds(Node node, String id) {
        if (node.comment().id().equals(id)) {
            return true;
        }
        return node.children().stream().anyMatch(child -> holds(child, id));
    }
}
