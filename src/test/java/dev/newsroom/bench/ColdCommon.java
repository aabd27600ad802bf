package dev.newsroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.UUID;

/**
 * Cold start (c), the common way: default client setup (region and credentials from the default chains),
 * the Enhanced client with {@code TableSchema.fromBean}, a new {@code ObjectMapper}, one {@code PutItem}.
 */
public final class ColdCommon {
    private ColdCommon() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB"))).build();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<CommentBean> table = enhanced.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(CommentBean.class));
        ObjectMapper mapper = new ObjectMapper();
        long initialised = System.nanoTime();
        CommentBean comment = mapper.readValue("{\"authorName\":\"Bench\",\"authorEmail\":\"" + args[1]
                + "\",\"content\":\"Cold start\"}", CommentBean.class);
        comment.setPk("COMMENT#" + UUID.randomUUID());
        comment.setSk("C");
        table.putItem(comment);
        mapper.writeValueAsString(comment);
        ColdReport.print(start, initialised, System.nanoTime(), 201);
    }
}
