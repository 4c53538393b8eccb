package sspr.errors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

/** Replays tests/vectors/lookup.tsv, written by the C library: Java must give
 * the same ids in the same order as C, Python, Rust, Go and C#. */
public class VectorsTest {
    static Path vectors() {
        String p = System.getenv("SSPR_ERRORS_VECTORS");
        return p != null ? Paths.get(p) : Paths.get("..", "..", "tests", "vectors", "lookup.tsv");
    }

    static String ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).collect(Collectors.joining(" "));
    }

    static String replay(Path dir, String function, String query) throws IOException {
        switch (function) {
        case "lookup":
            return ids(SsprErrors.lookup(query));
        case "by_id":
            return SsprErrors.byId(query).map(Entry::id).orElse("");
        case "by_name":
            return SsprErrors.byName(query).map(Entry::id).orElse("");
        case "by_code": {
            int colon = query.lastIndexOf(':');
            String source = query.substring(0, colon);
            return ids(SsprErrors.byCode(source.isEmpty() ? null : source, Long.parseLong(query.substring(colon + 1))));
        }
        case "by_hresult":
            return ids(SsprErrors.byHResult(Integer.parseUnsignedInt(query.substring(2), 16)));
        case "search":
            return SsprErrors.search(query, 5).stream().map(h -> h.entry().id()).collect(Collectors.joining(" "));
        case "scan": {
            byte[] data = Files.readAllBytes(dir.resolve(query));
            String got = SsprErrors.scanMatches(data).stream().map(m -> m.line() + ":" + m.entry().id())
                    .collect(Collectors.joining(" "));
            // Records do not depend on how the input is cut.
            List<ScanRecord> whole = SsprErrors.scan(data);
            List<ScanRecord> bytes = new ArrayList<>();
            try (Scanner s = new Scanner()) {
                for (int i = 0; i < data.length; i++) {
                    bytes.addAll(s.feed(data, i, 1));
                }
                bytes.addAll(s.finish());
            }
            assertEquals(query, describe(whole), describe(bytes));
            return got;
        }
        default:
            throw new AssertionError("unknown function " + function);
        }
    }

    static String describe(List<ScanRecord> records) {
        return records.stream().map(r -> r.line() + " " + r.message() + " "
                + r.entries().stream().map(x -> x.entry().id()).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    public void replaysTheVector() throws IOException {
        Path path = vectors();
        List<String> failures = new ArrayList<>();
        int rows = 0;
        String[] lines = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() || lines[i].startsWith("#")) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            rows++;
            String got = replay(path.getParent(), f[0], f[1]);
            if (!got.equals(f[2])) {
                failures.add(path + ":" + (i + 1) + ": " + f[0] + "(" + f[1] + ") gave [" + got + "], want [" + f[2] + "]");
            }
        }
        assertTrue("vectors read: " + rows, rows > 100);
        assertEquals(String.join("\n", failures), 0, failures.size());
        System.out.println(rows + " vectors replayed");
    }
}
