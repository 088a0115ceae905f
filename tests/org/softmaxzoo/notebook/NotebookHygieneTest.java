package org.softmaxzoo.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a reader sees in the committed notebooks: no stray values of a cell's last expression (the
 * kernel shows {@code display(...)}'s id or {@code printf}'s PrintStream unless the cell ends with a
 * lone {@code ;}), no TAB in a Markdown cell (a TAB once replaced the "\t" of "\theta"), and a figure
 * under every executed cell that displays one. Checked for the notebooks listed here (01-03 are clean);
 * add the others as they are cleaned.
 */
class NotebookHygieneTest {
    private static final List<String> CLEAN = List.of("01-softmax-basics.ipynb", "02-the-softmax-problem.ipynb", "03-normalization.ipynb",
            "04-margins.ipynb", "05-results.ipynb", "06-beyond.ipynb");
    private static final Pattern STRAY = Pattern.compile(
            "java\\.io\\.PrintStream@[0-9a-f]+|\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"");
    /** A TAB as JSON escapes it ("\t"), not the "\\t" of an escaped backslash before a t. */
    private static final Pattern TAB = Pattern.compile("(?<!\\\\)\\\\t");
    private static final Pattern CELL = Pattern.compile("\\{\\s*\"cell_type\": \"(code|markdown)\"(.*?)(?=\\{\\s*\"cell_type\": |\\],\\s*\"metadata\": \\{\\s*\"kernelspec)",
            Pattern.DOTALL);

    @Test
    void noStrayValuesNoTabsAndEveryDisplayShowsItsImage() throws IOException {
        for (String name : CLEAN) {
            String json = Files.readString(Path.of("notebooks", name));
            Matcher stray = STRAY.matcher(json);
            assertFalse(stray.find(), name + " shows a stray value " + (stray.hitEnd() ? "" : json.substring(stray.start(), stray.end()))
                    + ": end the cell with a lone ';'");
            Matcher cell = CELL.matcher(json);
            int cells = 0;
            while (cell.find()) {
                cells++;
                String body = cell.group(2);
                if (cell.group(1).equals("markdown")) {
                    assertFalse(TAB.matcher(body).find(), name + ": a Markdown cell holds a TAB (a broken \\theta?): " + firstLine(body));
                } else if (showsAnImage(body) && !body.contains("\"execution_count\": null")) {
                    // a cell that shows one figure per committed result may show none when it printed that there are none yet
                    assertTrue(body.contains("image/png") || body.contains("runs yet"),
                            name + ": a cell calls display(...) but shows no image: " + firstLine(body));
                }
            }
            assertTrue(cells > 3, name + ": could not read its cells");
        }
    }

    /** A Markdown image link, ![alt](path), as it sits in the notebook's JSON. */
    private static final Pattern IMAGE_LINK = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void everyImageAMarkdownCellLinksToIsCommitted() throws IOException {
        int links = 0;
        for (String name : CLEAN) {
            Matcher link = IMAGE_LINK.matcher(Files.readString(Path.of("notebooks", name)));
            while (link.find()) {
                links++;
                Path target = Path.of("notebooks").resolve(link.group(1)).normalize();
                assertTrue(Files.isRegularFile(target), name + " links to " + link.group(1) + ", which is not there (" + target + ")");
            }
        }
        assertTrue(links >= 2, "notebook 04 shows notebook 06's two target-curve charts by link; found " + links + " links");
    }

    /** A cell that calls display(...) or the notebooks' show(...) helper; the cell defining that helper only defines it. */
    private static boolean showsAnImage(String body) {
        return (body.contains("display(") || body.contains("show(")) && !body.contains("void show(");
    }

    private static String firstLine(String cellBody) {
        int at = cellBody.indexOf("\"source\"");
        return cellBody.substring(at, Math.min(cellBody.length(), at + 120));
    }
}
