package dev.newsroom.local.wordpress;

import dev.newsroom.domain.Comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article's imported comments threaded by their source's parent ids: each reply gets its parent's id here and
 * a depth one more than its parent's; a reply whose parent is not among them (never exported, skipped, or in a
 * loop) becomes top-level and is counted. The list comes back parents before replies (by depth, then id).
 */
public final class CommentThreads {
    /** The comments threaded, and how many replies were made top-level. */
    public record Threaded(List<Comment> comments, int orphans) {
    }

    private CommentThreads() {
    }

    /** {@code comments} by their source id; {@code parents}: each one's parent's source id (0 for none). */
    public static <K> Threaded thread(Map<K, Comment> comments, Map<K, K> parents) {
        List<Comment> threaded = new ArrayList<>();
        Map<K, Integer> depths = new HashMap<>();
        int orphans = 0;
        for (Map.Entry<K, Comment> entry : comments.entrySet()) {
            Comment c = entry.getValue();
            K parentId = parents.get(entry.getKey());
            int depth = depth(entry.getKey(), comments, parents, depths);
            String parent = depth > 1 ? comments.get(parentId).id() : null;
            if (depth == 1 && parentId != null && isReply(parentId)) {
                orphans++;
            }
            threaded.add(new Comment(c.id(), c.articleSlug(), parent, depth, c.authorName(), c.authorEmail(), c.authorUrl(),
                    c.content(), c.status(), c.ip(), c.userAgent(), c.createdAt(), c.updatedAt(), null, null, 1, null,
                    c.contentHtml(), false));
        }
        threaded.sort(Comparator.comparingInt(Comment::depth).thenComparing(Comment::id));
        return new Threaded(threaded, orphans);
    }

    /** A parent id that names a comment (WordPress's 0 and an empty id name none). */
    private static boolean isReply(Object parentId) {
        return !(parentId instanceof Long n && n == 0) && !"".equals(parentId);
    }

    /** 1 plus the parent's depth; 1 when the parent is none, missing, or the chain loops back. */
    private static <K> int depth(K id, Map<K, Comment> comments, Map<K, K> parents, Map<K, Integer> depths) {
        List<K> chain = new ArrayList<>();
        Set<K> seen = new HashSet<>();
        K at = id;
        int base = 0;
        while (true) {
            Integer known = depths.get(at);
            if (known != null) {
                base = known;
                break;
            }
            chain.add(at);
            seen.add(at);
            K parent = parents.get(at);
            if (parent == null || !isReply(parent) || !comments.containsKey(parent) || seen.contains(parent)) {
                break; // the top of the thread, or a parent missing or looping back: top-level
            }
            at = parent;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            depths.put(chain.get(i), ++base);
        }
        return depths.get(id);
    }
}
