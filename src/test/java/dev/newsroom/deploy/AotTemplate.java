package dev.newsroom.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code template-aot.yaml} made from {@code template.yaml}: the same stack with every function as the container image
 * of {@code Dockerfile} (JDK 25, the AOT cache trained in the image build) instead of the zip on {@code java21} with
 * SnapStart. SAM takes {@code PackageType} from no parameter or condition, hence a second template. Line by line:
 * the functions' globals lose {@code Runtime}, {@code CodeUri} and {@code SnapStart} (SAM takes no {@code PackageType}
 * there); each function's {@code Handler} becomes {@code PackageType: Image} with its image's {@code Command}, its
 * makefile build the image build, and a
 * {@code SnapStart} of its own goes. Everything else is kept as written, so the two cannot drift apart
 * ({@code AotTemplateTest}); {@code -Daot.template.write=true} on that test writes the file.
 */
public final class AotTemplate {
    static final Path SOURCE = Path.of("template.yaml");
    static final Path TARGET = Path.of("template-aot.yaml");
    private static final Pattern HANDLER = Pattern.compile("^( {6})Handler: (\\S+)$");
    private static final String HEADER = """
            # GENERATED from template.yaml by src/test/java/dev/newsroom/deploy/AotTemplate.java: do not edit; change
            # template.yaml and run `mvn -q test -Dtest=AotTemplateTest -Daot.template.write=true`.
            # The functions as the JDK 25 + AOT cache container image (Dockerfile) instead of the zip with SnapStart:
            # `mvn -q -Paot package && sam build --config-env aot && sam deploy --config-env aot` (docs/DEPLOY.md).
            """;

    private AotTemplate() {
    }

    /** The image template for this zip template's text. */
    public static String from(String template) {
        List<String> out = new ArrayList<>();
        String section = "";
        boolean globals = false;
        List<String> lines = template.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith(" ") && !line.isBlank()) {
                section = line;
            }
            if (section.equals("Globals:")) {
                globals |= line.equals("  Function:");
                if (globals && (line.equals("    Runtime: java21") || line.equals("    CodeUri: ."))) {
                    continue;
                }
                if (globals && line.equals("    SnapStart:")) {
                    i = skipChildren(lines, i, 4);
                    continue;
                }
            }
            if (section.equals("Resources:")) {
                if (line.equals("      BuildMethod: makefile")) {
                    out.add("      Dockerfile: Dockerfile");
                    out.add("      DockerContext: .");
                    out.add("      DockerTag: aot");
                    continue;
                }
                if (line.startsWith("    # sam build runs the Makefile's ")) {
                    out.add("    # sam build builds the image of Dockerfile (JDK 25, the AOT cache trained in its build).");
                    continue;
                }
                Matcher handler = HANDLER.matcher(line);
                if (handler.matches()) {
                    out.add(handler.group(1) + "PackageType: Image");
                    out.add(handler.group(1) + "ImageConfig:");
                    out.add(handler.group(1) + "  Command: [\"" + handler.group(2) + "\"]");
                    continue;
                }
                if (line.equals("      SnapStart:")) {
                    while (out.get(out.size() - 1).startsWith("      # ")) {
                        out.remove(out.size() - 1); // the comment that explained the SnapStart setting
                    }
                    i = skipChildren(lines, i, 6);
                    continue;
                }
            }
            out.add(line);
        }
        return HEADER + String.join("\n", out) + "\n";
    }

    /** The index of the last line indented deeper than {@code indent} after line {@code i}. */
    private static int skipChildren(List<String> lines, int i, int indent) {
        while (i + 1 < lines.size() && lines.get(i + 1).startsWith(" ".repeat(indent + 1))) {
            i++;
        }
        return i;
    }

    /** Writes {@code template-aot.yaml} from {@code template.yaml} in the working folder. */
    public static void write() throws IOException {
        Files.writeString(TARGET, from(Files.readString(SOURCE)));
    }
}
