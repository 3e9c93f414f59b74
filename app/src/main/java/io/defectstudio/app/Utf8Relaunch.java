package io.defectstudio.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Under a locale that is not UTF-8 (LANG=C on a server) the JVM decodes file names and arguments as ASCII: a path like
 * {@code /data/prüfung} is refused as malformed or listed as {@code pr??fung}. Such a run starts itself once more
 * with {@code LC_ALL=C.UTF-8}. The arguments cannot travel on that command line (this JVM would mangle them again),
 * so their original bytes, read from {@code /proc/self/cmdline}, go in a file the new run reads first.
 */
final class Utf8Relaunch {
    static final String ARGS_FILE = "--defect-studio-args-file";

    private Utf8Relaunch() {
    }

    /** The exit code of the UTF-8 run, or empty when this run can go on itself. */
    static Optional<Integer> ifNeeded(String[] args) throws IOException, InterruptedException {
        Path cmdline = Path.of("/proc/self/cmdline");
        if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")) || !Files.isReadable(cmdline)
                || (args.length == 2 && args[0].equals(ARGS_FILE))) {
            return Optional.empty();
        }
        List<byte[]> words = split(Files.readAllBytes(cmdline));
        if (words.size() < args.length + 1) {
            return Optional.empty();
        }
        Path file = Files.createTempFile("defect-studio-args", ".bin");
        try {
            Files.write(file, join(words.subList(words.size() - args.length, words.size())));
            List<String> command = new ArrayList<>();
            for (byte[] w : words.subList(0, words.size() - args.length)) {
                command.add(new String(w, StandardCharsets.UTF_8));
            }
            command.addAll(List.of(ARGS_FILE, file.toString()));
            ProcessBuilder child = new ProcessBuilder(command).inheritIO();
            child.environment().put("LC_ALL", "C.UTF-8");
            return Optional.of(child.start().waitFor());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The arguments of a relaunched run: the original bytes, decoded as UTF-8. */
    static String[] arguments(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals(ARGS_FILE)) {
            return args;
        }
        return split(Files.readAllBytes(Path.of(args[1]))).stream()
                .map(w -> new String(w, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    /** NUL-terminated words, as in {@code /proc/self/cmdline}. */
    static List<byte[]> split(byte[] raw) {
        List<byte[]> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                words.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            words.add(Arrays.copyOfRange(raw, start, raw.length));
        }
        return words;
    }

    static byte[] join(List<byte[]> words) {
        int n = words.stream().mapToInt(w -> w.length + 1).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] w : words) {
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length + 1;
        }
        return out;
    }
}
