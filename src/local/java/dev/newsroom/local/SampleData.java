package dev.newsroom.local;

import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.ArticleLink;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.RelatedPost;
import dev.newsroom.domain.Source;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sample data modelled on the seed article page: a lead story with its categories, source, "See also"
 * links and related posts (summaries written for this project), the linked stories themselves, a few more
 * to show paging, and a short approved thread. Loaded only into an empty database.
 */
public final class SampleData {
    public static final String LEAD_SLUG = "wagner-to-withdraw-from-mali-after-completing-mission";
    /** When the lead story was published; sample times are fixed so sample ids are stable. */
    public static final Instant PUBLISHED = Instant.parse("2026-11-22T09:00:00Z");
    private static final Source BBC = new Source("BBC", "https://www.bbc.com/news");

    private SampleData() {
    }

    public static void seedIfEmpty(AppContext app) {
        if (!app.articles().listPublished(null, 1, null).items().isEmpty()) {
            return;
        }
        Instant now = PUBLISHED;
        int hour = 0;
        for (String[] story : OTHER_STORIES) {
            hour += 7;
            app.articles().create(new ArticleDraft(story[0], story[1], story[2], List.of(story[2], story[3]),
                    List.of(story[4]), BBC, List.of(), List.of(), "published", true, now.minus(hour, ChronoUnit.HOURS)));
        }
        app.articles().create(new ArticleDraft(LEAD_SLUG, "Wagner to Withdraw From Mali After \u2018Completing Mission\u2019",
                "The Russian mercenary group says its work in Mali is done, even as militant attacks on army bases in the Sahel increase.",
                List.of(
                        "The Wagner Group says it is leaving Mali, declaring that its main task in the West African country has been accomplished.",
                        "The mercenaries arrived in 2021 to support the army against Islamist fighters, and Wagner now claims to have killed thousands of militants.",
                        "The announcement coincides with reports that Malian troops abandoned a large base in central Mali after repeated deadly assaults.",
                        "Jihadist groups, including one linked to al-Qaeda, have stepped up attacks across the Sahel in recent weeks, raising doubts about how effective Wagner has been.",
                        "Russia's influence does not end with the exit: fighters of Africa Corps, a Russian force created to take over Wagner's role on the continent, will stay in Mali.",
                        "It is not yet clear whether Wagner will also leave the Central African Republic, home to its African headquarters."),
                List.of("Latest News", "Lead Story"), BBC,
                List.of(new ArticleLink("germany-expresses-interest-in-decentralisation-policy",
                                "Germany Expresses Interest In Decentralisation Policy"),
                        new ArticleLink("un-human-rights-chief-makes-first-visit-to-burkina-faso",
                                "UN Human Rights Chief Makes First Visit To Burkina Faso"),
                        new ArticleLink("mauritius-reopens-to-foreign-visitors-after-coronavirus-shutdown",
                                "Mauritius Reopens To Foreign Visitors After Coronavirus Shutdown")),
                List.of(new RelatedPost("imf-approves-second-tranche-600m-loan", "IMF Approves Second Tranche $600m Loan For Economic Recovery",
                                "The IMF's executive board has signed off the next instalment of a $600m support programme."),
                        new RelatedPost("canadian-government-supports-sirigu-women-basket-weavers",
                                "Canadian Government supports Sirigu women Basket Weavers",
                                "Canada is backing a cooperative of women basket weavers in Sirigu through a local knowledge centre."),
                        new RelatedPost("ghana-drops-to-95th-in-2021-world-ranking", "Ghana Drops To 95th In 2021 World Ranking",
                                "A newly published 2021 world index places Ghana 95th, down from last year.")),
                "published", true, now));
        seedThread(app);
    }

    private static void seedThread(AppContext app) {
        comment(app, 1, null, 1, "Ama Mensah", "ama@example.com", "https://ama.example",
                "Thanks for this report. It will be interesting to see what Africa Corps does differently.");
        comment(app, 2, sampleId(1), 2, "Kofi", "kofi@example.org", null,
                "Agreed. The timing, right after the base was abandoned, says a lot.");
        comment(app, 3, null, 1, "Claire D.", "claire@example.net", null,
                "Does anyone know whether the withdrawal includes the CAR headquarters?");
    }

    /** The id of sample comment {@code n}: a ULID of its creation time, {@code n} x 15 minutes after publication. */
    public static String sampleId(int n) {
        return timePrefix(commentTime(n).toEpochMilli()) + "SAMPLE000000000" + n;
    }

    /**
     * The 10-character time part of the ULIDs made at {@code millis} (48 bits of milliseconds in Crockford base 32,
     * as {@code UlidGenerator} writes them), for fixed ids that sort where real ones of that time would.
     */
    public static String timePrefix(long millis) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        char[] out = new char[10];
        for (int i = 9; i >= 0; i--, millis >>>= 5) {
            out[i] = alphabet.charAt((int) (millis & 31));
        }
        return new String(out);
    }

    private static Instant commentTime(int n) {
        return PUBLISHED.plus(15L * n, ChronoUnit.MINUTES);
    }

    private static void comment(AppContext app, int n, String parentId, int depth, String name, String email,
                                String url, String content) {
        Instant at = commentTime(n);
        Comment c = new Comment(sampleId(n), LEAD_SLUG, parentId, depth, name, email, url, content, CommentStatus.APPROVED,
                "192.0.2.1", "sample-data", at, at, "sample-data", at, 1, null, CommentHtml.format(content), false);
        app.commentRepository().submit(new CommentSubmission(c, 0, at, null));
    }

    private static final String[][] OTHER_STORIES = {
            {"germany-expresses-interest-in-decentralisation-policy", "Germany Expresses Interest In Decentralisation Policy",
                    "German officials say they want to support the country's plans to give local assemblies more power.",
                    "Officials pointed to Germany's federal system as a model and offered technical help.", "Latest News"},
            {"un-human-rights-chief-makes-first-visit-to-burkina-faso", "UN Human Rights Chief Makes First Visit To Burkina Faso",
                    "The UN's human rights chief has travelled to Burkina Faso for the first time since taking office.",
                    "The visit is expected to focus on the protection of civilians caught in the conflict.", "Latest News"},
            {"mauritius-reopens-to-foreign-visitors-after-coronavirus-shutdown", "Mauritius Reopens To Foreign Visitors After Coronavirus Shutdown",
                    "The island nation is welcoming international tourists again after months of closed borders.",
                    "Visitors must follow health rules on arrival, and hotels are preparing for the first guests.", "Travel"},
            {"imf-approves-second-tranche-600m-loan", "IMF Approves Second Tranche $600m Loan For Economic Recovery",
                    "The IMF's executive board has signed off the next instalment of a $600m support programme.",
                    "The money is meant to support reforms and stabilise public finances.", "Business"},
            {"canadian-government-supports-sirigu-women-basket-weavers", "Canadian Government supports Sirigu women Basket Weavers",
                    "Canada is backing a cooperative of women basket weavers in Sirigu through a local knowledge centre.",
                    "The support covers training, materials and help reaching new markets.", "Business"},
            {"ghana-drops-to-95th-in-2021-world-ranking", "Ghana Drops To 95th In 2021 World Ranking",
                    "A newly published 2021 world index places Ghana 95th, down from last year.",
                    "Analysts say the change reflects shifts in several of the index's measures.", "Latest News"},
            {"sahel-leaders-meet-on-regional-security", "Sahel Leaders Meet On Regional Security",
                    "Leaders from across the Sahel are meeting to coordinate their response to rising attacks.",
                    "Border cooperation and intelligence sharing are on the agenda.", "Latest News"},
            {"cocoa-prices-climb-as-harvest-forecasts-fall", "Cocoa Prices Climb As Harvest Forecasts Fall",
                    "Cocoa futures rose again after forecasters cut their estimates for the West African harvest.",
                    "Farmers hope higher prices will reach them at the farm gate.", "Business"},
            {"new-rail-link-opens-between-two-west-african-capitals", "New Rail Link Opens Between Two West African Capitals",
                    "A long-awaited passenger rail service has started running between two capitals in the region.",
                    "Officials say the line will cut travel times and boost trade.", "Travel"},
            {"solar-mini-grids-reach-rural-communities", "Solar Mini-Grids Reach More Rural Communities",
                    "A programme of solar mini-grids is bringing electricity to villages far from the national grid.",
                    "Residents say small businesses are already staying open longer.", "Latest News"},
            {"football-federation-names-new-national-coach", "Football Federation Names New National Coach",
                    "The national football federation has appointed a new head coach ahead of qualifiers.",
                    "The coach promised to give young players a chance.", "Sport"},
    };
}
