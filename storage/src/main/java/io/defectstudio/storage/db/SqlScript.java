package io.defectstudio.storage.db;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements at top-level semicolons, skipping those inside quotes, comments,
 * {@code BEGIN ... END} bodies (SQLite triggers) and dollar quotes (PostgreSQL functions), so scripts can be written
 * naturally.
 */
public final class SqlScript {
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private SqlScript() {
    }

    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int blockDepth = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(script, i, c);
                current.append(script, i, end);
                i = end;
            } else if (c == '$' && dollarTag(script, i) != null) {
                // PostgreSQL's dollar-quoted function bodies, $$ ... $$ or $tag$ ... $tag$.
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated " + tag + " quote in SQL script");
                }
                int end = close + tag.length();
                current.append(script, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated /* comment in SQL script");
                }
                i = end + 2;
                current.append(' ');
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
                    end++;
                }
                String word = script.substring(i, end);
                if (word.equalsIgnoreCase("BEGIN") && startsTrigger(current)) {
                    blockDepth++;
                } else if (word.equalsIgnoreCase("END") && blockDepth > 0) {
                    blockDepth--;
                }
                current.append(word);
                i = end;
            } else if (c == ';' && blockDepth == 0) {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        if (blockDepth != 0) {
            throw new IllegalArgumentException("unterminated BEGIN ... END block in SQL script");
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static String dollarTag(String script, int start) {
        Matcher m = DOLLAR_TAG.matcher(script).region(start, script.length());
        return m.lookingAt() ? m.group() : null;
    }

    private static boolean startsTrigger(CharSequence statementSoFar) {
        return statementSoFar.toString().trim().toUpperCase().startsWith("CREATE")
                && statementSoFar.toString().toUpperCase().contains("TRIGGER");
    }

    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated " + quote + " quote in SQL script");
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String trimmed = statement.toString().trim();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }
}
