package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-LD checked against schema.org's shapes for the types the pages use: every property must be one schema.org
 * defines for that type (or inherits from Thing / CreativeWork), each node's type must be known, and the properties
 * search engines need for a news article (headline, dates, publisher, author) and a comment (author, date, text)
 * must be there. Property lists as schema.org lists them (schema.org/NewsArticle, /Comment, /Person, ...).
 */
final class SchemaOrgShapes {
    private static final Set<String> THING = Set.of("@context", "@type", "@id", "name", "url", "description", "image",
            "sameAs", "identifier", "alternateName", "mainEntityOfPage");
    private static final Set<String> CREATIVE_WORK = Set.of("headline", "author", "publisher", "datePublished",
            "dateModified", "dateCreated", "comment", "commentCount", "text", "isAccessibleForFree", "inLanguage",
            "keywords", "thumbnailUrl", "about", "creator", "discussionUrl", "interactionStatistic", "isPartOf",
            "copyrightHolder", "license", "caption");
    private static final Map<String, Set<String>> OWN = Map.of(
            "NewsArticle", Set.of("articleSection", "articleBody", "wordCount", "dateline", "printSection", "speakable"),
            "Comment", Set.of("parentItem", "upvoteCount", "downvoteCount", "sharedContent"),
            "Person", Set.of("givenName", "familyName", "affiliation", "jobTitle"),
            "Organization", Set.of("logo", "address", "email", "telephone"),
            "ImageObject", Set.of("contentUrl", "width", "height", "caption", "encodingFormat", "representativeOfPage"),
            "WebPage", Set.of("breadcrumb", "lastReviewed", "primaryImageOfPage"));
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "NewsArticle", List.of("headline", "datePublished", "dateModified", "author", "publisher", "url"),
            "Comment", List.of("author", "datePublished", "text"),
            "Person", List.of("name"),
            "Organization", List.of("name"),
            "ImageObject", List.of("url", "width", "height"));

    private SchemaOrgShapes() {
    }

    static void assertConforms(JsonNode node) {
        if (node.isArray()) {
            node.forEach(SchemaOrgShapes::assertConforms);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("@type").asText();
        assertTrue(OWN.containsKey(type), "a type schema.org has and the pages use: " + type);
        boolean creativeWork = !type.equals("Person") && !type.equals("Organization");
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            assertTrue(THING.contains(name) || (creativeWork && CREATIVE_WORK.contains(name)) || OWN.get(type).contains(name),
                    type + " has no property " + name + " in schema.org");
            assertConforms(node.get(name));
        }
        for (String required : REQUIRED.getOrDefault(type, List.of())) {
            assertTrue(node.hasNonNull(required), type + " lacks " + required);
        }
    }
}
