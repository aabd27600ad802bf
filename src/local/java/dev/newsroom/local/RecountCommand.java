package dev.newsroom.local;

import dev.newsroom.adapter.out.dynamodb.TableLayout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code recount [SLUG...]}: sets each article's {@code commentCount} from its approved comments (the admin route
 * {@code POST /admin/articles/{slug}/recount}, for every article or the ones named), against the runner's database.
 * The repair when the database's change stream is missing or does not carry transactional writes.
 */
final class RecountCommand {
    static final String NAME = "recount";

    private RecountCommand() {
    }

    /** Prints one {@code slug: count} line per article and a summary; the exit status. */
    static int run(List<String> slugs, LocalSession session, PrintStream out) {
        List<String> articles = slugs.isEmpty() ? everyArticle(session) : slugs;
        for (String slug : articles) {
            out.println(slug + ": " + session.app().countApprovals().recount(slug));
        }
        out.println("Recounted " + articles.size() + (articles.size() == 1 ? " article." : " articles."));
        return 0;
    }

    /** Every article item's slug (a scan: this is a local tool on a local table, never a Lambda path). */
    private static List<String> everyArticle(LocalSession session) {
        TreeSet<String> slugs = new TreeSet<>();
        String table = session.app().config().tableName();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = session.app().dynamo().scan(b -> b.tableName(table).exclusiveStartKey(from)
                    .filterExpression("begins_with(#pk, :article) AND #sk = :a")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                    .expressionAttributeValues(Map.of(":article", AttributeValue.fromS("ARTICLE#"), ":a", AttributeValue.fromS("A"))));
            page.items().forEach(item -> slugs.add(item.get(TableLayout.PK).s().substring("ARTICLE#".length())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new ArrayList<>(slugs);
    }
}
