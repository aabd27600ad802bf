package dev.newsroom.local.wordpress;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shortcode's attributes read as WordPress's {@code shortcode_parse_atts} reads them: {@code name="value"},
 * {@code name='value'} and {@code name=value}, names in lower case; positional values are not used here.
 */
final class ShortcodeAttributes {
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)"
                    + "|\"[^\"]*\"(?:\\s|$)|'[^']*'(?:\\s|$)|\\S+(?:\\s|$)");
    private final Map<String, String> values;

    private ShortcodeAttributes(Map<String, String> values) {
        this.values = values;
    }

    static ShortcodeAttributes parse(String text) {
        Map<String, String> values = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(text.replace('\u00a0', ' ').replace('\u200b', ' '));
        while (m.find()) {
            for (int name = 1; name <= 5; name += 2) {
                if (m.group(name) != null) {
                    values.put(m.group(name).toLowerCase(Locale.ROOT), m.group(name + 1));
                }
            }
        }
        return new ShortcodeAttributes(values);
    }

    String get(String name, String otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : value.strip();
    }

    int number(String name, int otherwise, int min, int max) {
        try {
            int n = Integer.parseInt(get(name, ""));
            return Math.max(min, Math.min(max, n));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
