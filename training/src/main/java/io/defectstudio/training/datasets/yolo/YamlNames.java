package io.defectstudio.training.datasets.yolo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code names} of a YOLO {@code data.yaml}, in the three spellings Ultralytics writes and reads: a map
 * ({@code 0: scratch}), a block list ({@code - scratch}) or a flow list ({@code [scratch, pit]}). Only that key is
 * read; a full YAML parser would be a dependency for one list.
 */
final class YamlNames {
    private YamlNames() {
    }

    /** The class names by 0-based id; empty when the file names none. */
    static List<String> parse(String yaml) {
        List<String> lines = yaml.lines().map(YamlNames::withoutComment).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("names:")) {
                continue;
            }
            String rest = line.substring("names:".length()).strip();
            if (rest.startsWith("[")) {
                return flow(rest);
            }
            Map<Integer, String> byId = new TreeMap<>();
            List<String> listed = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && (lines.get(j).startsWith(" ") || lines.get(j).isBlank()); j++) {
                String item = lines.get(j).strip();
                if (item.startsWith("- ")) {
                    listed.add(unquote(item.substring(2).strip()));
                } else if (item.contains(":")) {
                    int colon = item.indexOf(':');
                    byId.put(Integer.parseInt(item.substring(0, colon).strip()),
                            unquote(item.substring(colon + 1).strip()));
                }
            }
            if (!listed.isEmpty()) {
                return listed;
            }
            List<String> names = new ArrayList<>();
            byId.forEach((id, name) -> {
                while (names.size() < id) {
                    names.add(null);
                }
                names.add(name);
            });
            return names;
        }
        return List.of();
    }

    /** A name as YAML needs it: quoted when it holds anything but letters, digits, spaces, dashes and dots. */
    static String quote(String name) {
        return name.matches("[A-Za-z0-9_.\\- ]+") && name.equals(name.strip())
                ? name : "'" + name.replace("'", "''") + "'";
    }

    private static List<String> flow(String list) {
        String inner = list.substring(1, list.lastIndexOf(']'));
        List<String> names = new ArrayList<>();
        for (String part : inner.split(",")) {
            if (!part.isBlank()) {
                names.add(unquote(part.strip()));
            }
        }
        return names;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return (line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
    }
}
