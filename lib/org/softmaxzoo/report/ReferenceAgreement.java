package org.softmaxzoo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softmaxzoo.train.AtomicFiles;
import tech.tablesaw.api.Table;

/**
 * How far the reference tables agree with ours, one line per data set and basis: on seed 1, the rows run, the
 * Spearman rank correlation and the mean absolute difference; over seeds, the rows run with two seeds or more, how
 * many seeds they have, the Spearman of the reference against our seed means and the rows whose reference value lies
 * outside our seeds' range ({@code agreement.md}). {@code RESULTS.md} carries the same table between {@link #BEGIN}
 * and {@link #END}, which {@code summarize} refreshes, so that the page never quotes numbers the runs no longer give.
 */
public final class ReferenceAgreement {
    public static final String FILE = "agreement.md";
    public static final String BEGIN = "<!-- agreement table: written by `summarize` from results/agreement.md; edits here are overwritten -->";
    public static final String END = "<!-- end of agreement table -->";
    /** The page that quotes the table, next to the results folder. */
    public static final String PAGE = "RESULTS.md";

    /** One data set on one basis. {@code minSeeds}/{@code maxSeeds}: fewest and most seeds among the seeded rows. */
    public record Line(String dataset, ResultsSummary.Basis basis, int rowsRun, int rows, double spearman, double meanAbsoluteDifference,
                int seededRows, int minSeeds, int maxSeeds, double spearmanOfMeans, long referenceOutside) {
    }

    private ReferenceAgreement() {
    }

    /**
     * One line per data set and basis (all 40 epochs, then the best within 10): the seed-1 numbers from each data set's
     * results table ({@link ResultsSummary.Summary#table}, which the caller has already read), the seeds' from the
     * worklogs under {@code runsDir}.
     */
    public static List<Line> lines(Map<String, Table> tables, Path runsDir) {
        List<Line> lines = new ArrayList<>();
        tables.forEach((ds, table) -> {
            for (ResultsSummary.Basis basis : List.of(ResultsSummary.Basis.PROTOCOL, ResultsSummary.Basis.FIRST_STAGE)) {
                ResultsSummary.Comparison c = ResultsSummary.compare(table, basis);
                List<SeedSpread.Row> seeded = SeedSpread.rows(runsDir, ds, basis).stream().filter(r -> r.n() >= 2).toList();
                IntSummaryStatistics n = seeded.stream().mapToInt(SeedSpread.Row::n).summaryStatistics();
                lines.add(new Line(ds, basis, c.rows(), table.rowCount(), c.spearman(), c.meanAbsoluteDifference(), seeded.size(),
                        seeded.isEmpty() ? 0 : n.getMin(), seeded.isEmpty() ? 0 : n.getMax(), SeedSpread.spearmanOfMeans(seeded, 2),
                        seeded.stream().filter(SeedSpread.Row::referenceOutsideSpread).count()));
            }
        });
        return lines;
    }

    /** The Markdown table alone (what {@code RESULTS.md} quotes). */
    public static String table(List<Line> lines) {
        StringBuilder sb = new StringBuilder("| data set | basis | rows run (seed 1) | Spearman with the reference (seed 1) "
                + "| mean abs. difference (seed 1) | rows with 2+ seeds | seeds per row | Spearman with our seeds' means "
                + "| reference outside our seeds' range |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Line l : lines) {
            boolean seeded = l.seededRows() > 0;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d of %d | %s | %s | %d | %s | %s | %s |%n", l.dataset(), l.basis().label,
                    l.rowsRun(), l.rows(), SeedSpread.fmt(l.spearman(), 3), SeedSpread.fmt(l.meanAbsoluteDifference(), 4), l.seededRows(),
                    !seeded ? "-" : l.minSeeds() == l.maxSeeds() ? String.valueOf(l.minSeeds()) : l.minSeeds() + "-" + l.maxSeeds(),
                    SeedSpread.fmt(l.spearmanOfMeans(), 3), seeded ? l.referenceOutside() + " of " + l.seededRows() : "-"));
        }
        return sb.toString();
    }

    static String markdown(List<Line> lines) {
        return "# The reference tables against ours\n\nPer data set and basis (all " + ResultsSummary.PROTOCOL_EPOCHS
                + " epochs, or the best within our first " + ResultsSummary.STAGE_EPOCHS + "): on seed 1, the Spearman rank "
                + "correlation between the reference's best accuracy and ours and the mean absolute difference; over the rows run "
                + "with two seeds or more, the Spearman of the reference against our seeds' means and how many rows have the "
                + "reference outside our seeds' range (with two or three seeds a range is narrow: outside says the reference is "
                + "not one of the values our seeds give, not that it differs significantly). Per row: `<data set>-seeds.md`. "
                + "Generated by `summarize`.\n\n" + table(lines);
    }

    /** Writes {@code agreement.md} and refreshes the table in {@code RESULTS.md} next to {@code outDir} if that page marks it. */
    public static List<Path> write(Map<String, Table> tables, Path runsDir, Path outDir) {
        List<Line> lines = lines(tables, runsDir);
        Path md = outDir.resolve(FILE);
        AtomicFiles.writeString(md, markdown(lines));
        List<Path> written = new ArrayList<>(List.of(md));
        Path page = page(outDir);
        if (Files.isRegularFile(page)) {
            String text = read(page);
            String refreshed = withTable(text, table(lines));
            if (!refreshed.equals(text)) {
                AtomicFiles.writeString(page, refreshed);
                written.add(page);
            }
        }
        return written;
    }

    /** What {@code summarize --check} reports: {@code agreement.md} or the page's copy not what the runs give. */
    static List<String> problems(Map<String, Table> tables, Path runsDir, Path outDir) {
        List<Line> lines = lines(tables, runsDir);
        List<String> problems = new ArrayList<>();
        ResultsCheck.compareText(outDir.resolve(FILE), markdown(lines), problems);
        Path page = page(outDir);
        if (Files.isRegularFile(page)) {
            String text = read(page);
            if (!hasMarkers(text)) {
                problems.add(page + ": the agreement table's markers are missing or out of order; restore the two HTML comments that "
                        + "open and close it (ReferenceAgreement.BEGIN and END) and run `summarize`");
            } else if (!withTable(text, table(lines)).equals(text)) {
                problems.add(page + ": its agreement table is not what the worklogs give; run `summarize` and commit " + PAGE);
            }
        }
        return problems;
    }

    /** The page with the text between the markers replaced by {@code table}; unchanged when it has no markers. */
    static String withTable(String page, String table) {
        if (!hasMarkers(page)) {
            return page;
        }
        return page.substring(0, page.indexOf(BEGIN) + BEGIN.length()) + "\n" + table + page.substring(page.indexOf(END));
    }

    /** Without both markers, in order, summarize cannot refresh the copy and the check would pass a stale one. */
    private static boolean hasMarkers(String page) {
        int begin = page.indexOf(BEGIN);
        return begin >= 0 && page.indexOf(END, begin) > begin;
    }

    private static Path page(Path outDir) {
        Path parent = outDir.toAbsolutePath().getParent();
        return parent == null ? outDir.resolve(PAGE) : parent.resolve(PAGE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
