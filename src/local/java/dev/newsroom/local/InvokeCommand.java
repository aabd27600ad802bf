package dev.newsroom.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.config.AppContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code invoke FunctionName EVENT.json}: what {@code sam local invoke FunctionName -e EVENT.json} does, in this
 * process and without Docker: the function's handler named in {@code template.yaml}, built on the runner's
 * database (see {@link LocalSession}), is given the event file read as Lambda reads it; the response goes to stdout
 * as JSON, the function's own log lines to stderr.
 */
final class InvokeCommand {
    static final String NAME = "invoke";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A handler ready to call: its class, its {@code handleRequest} and the type of event it takes. */
    private record Target(Class<?> type, Method handleRequest, Class<?> eventType) {
    }

    private InvokeCommand() {
    }

    /** Runs it; the exit status (2 for a wrong function name or event file, before the database is opened). */
    static int run(List<String> args, Map<String, String> env, Path projectRoot, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 2) {
            err.println("invoke: usage: invoke FunctionName events/FILE.json (functions: " + functions(projectRoot) + ")");
            return 2;
        }
        String handler = handlerOf(projectRoot, args.get(0));
        if (handler == null) {
            err.println("invoke: template.yaml has no function " + args.get(0) + " (functions: " + functions(projectRoot) + ")");
            return 2;
        }
        Path eventFile = projectRoot.resolve(args.get(1));
        if (!Files.isReadable(eventFile)) {
            err.println("invoke: cannot read " + args.get(1));
            return 2;
        }
        Target target = target(handler.substring(0, handler.indexOf("::")));
        if (target == null) {
            err.println("invoke: " + args.get(0) + " does not run in-process (it needs more than the database): use sam local invoke");
            return 2;
        }
        Object event;
        try {
            event = serializer(target.eventType()).fromJson(Files.readString(eventFile));
        } catch (RuntimeException e) {
            err.println("invoke: " + args.get(1) + " is not a " + target.eventType().getSimpleName() + " event: " + e.getMessage());
            return 2;
        }
        try (LocalSession session = LocalSession.open(env, projectRoot)) {
            Object function = target.type().getConstructor(AppContext.class).newInstance(session.app());
            Object response;
            PrintStream stdout = System.out;
            System.setOut(err); // the function's log lines, as sam local invoke shows them: apart from the response
            try {
                response = target.handleRequest().invoke(function, event, null);
            } finally {
                System.setOut(stdout);
            }
            out.println(response == null ? "null" : toJson(response));
        }
        return 0;
    }

    /** The {@code Handler} of that function in the template, or null. */
    static String handlerOf(Path projectRoot, String function) throws IOException {
        JsonNode node = template(projectRoot).path("Resources").path(function);
        String handler = node.path("Properties").path("Handler").asText("");
        return "AWS::Serverless::Function".equals(node.path("Type").asText()) && handler.contains("::") ? handler : null;
    }

    private static String functions(Path projectRoot) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        template(projectRoot).path("Resources").fields().forEachRemaining(r -> {
            if ("AWS::Serverless::Function".equals(r.getValue().path("Type").asText())) {
                names.add(r.getKey());
            }
        });
        return String.join(", ", names);
    }

    private static JsonNode template(Path projectRoot) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(projectRoot.resolve("template.yaml").toFile());
    }

    /** The handler class's {@code handleRequest(Event, Context)} when it is built from the application alone. */
    private static Target target(String className) throws ClassNotFoundException {
        Class<?> type = Class.forName(className);
        try {
            type.getConstructor(AppContext.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        for (Method method : type.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("handleRequest") && !method.isBridge() && parameters.length == 2
                    && parameters[1] == Context.class) {
                return new Target(type, method, parameters[0]);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, InvokeCommand.class.getClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object response) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer((Class<Object>) response.getClass()).toJson(response, bytes);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(bytes.toString(StandardCharsets.UTF_8)));
    }
}
