package dev.newsroom.local.disqus;

import dev.newsroom.local.wordpress.Position;

/** A Disqus thread: its internal id, the page's identifier and address, its forum, and where it is in the file. */
record DisqusThread(String dsqId, String identifier, String link, String forum, Position at) {
}
