package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.html.JsoupArticleHtmlSanitizer;
import dev.newsroom.domain.Article;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The test exports' posts as the import maps them, for tests outside this package (the browser test). */
public final class WordPressImportFixtures {
    private WordPressImportFixtures() {
    }

    /** The articles of media.xml, read as the command reads it, with {@code mediaBase} as {@code --media-base}. */
    public static List<Article> mediaArticles(String mediaBase) throws Exception {
        MediaLibrary library = new MediaLibrary(mediaBase);
        try (InputStream in = WordPressImportFixtures.class.getResourceAsStream("/wordpress/media.xml")) {
            WxrReader.read(in, library::add);
        }
        PostMapper mapper = new PostMapper(false, new JsoupArticleHtmlSanitizer(), new ImportReport(), library);
        List<Article> articles = new ArrayList<>();
        try (InputStream in = WordPressImportFixtures.class.getResourceAsStream("/wordpress/media.xml")) {
            WxrReader.read(in, (site, post) -> mapper.map(site, post).ifPresent(m -> articles.add(m.article())));
        }
        return articles;
    }
}
