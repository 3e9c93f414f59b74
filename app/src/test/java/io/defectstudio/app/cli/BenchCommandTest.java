package io.defectstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void eachNetworkIsMeasuredInItsOwnJvmThroughTheProductsCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectStudioCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                (project, detail, onProblem) -> Optional.empty()).execute("bench", "--arch", "matcher", "--backbone",
                "compact", "--size", "64", "--query", "96x64", "--warmup", "0", "--iterations", "2", "--queue", "2");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("| matcher | compact | 64x64 | 96x64 | 64 |"), out.toString());
        assertEquals(DefectStudioCli.BAD_INPUT, DefectStudioCli.commandLine(new PrintWriter(out, true),
                new PrintWriter(err, true), (project, detail, onProblem) -> Optional.empty())
                .execute("bench", "--query", "96"), "a bad size is refused, not measured");
    }
}
