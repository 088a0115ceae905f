package org.softmaxzoo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.softmaxzoo.train.AtomicFiles;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.Worklog;
import org.softmaxzoo.train.RunFolder;

/**
 * The spread of a reference row over the seeds it was run with: the runs {@code <experiment>} (seed 1)
 * and {@code <experiment>.seed<s>}, each run's best test accuracy within a basis's epochs, and their
 * count, mean, sample standard deviation, minimum, maximum and number of collapsed runs. A run counts
 * for a basis once it has run the basis's epochs; it <em>collapsed</em> when its best test accuracy
 * within them stays below {@value #COLLAPSE_BELOW} (on ten classes a run that never gets past half
 * right has lost classes, as the collapsed NormFace runs in {@code results/NOTES.md} did).
 */
public final class SeedSpread {
    public static final double COLLAPSE_BELOW = 0.5;
    public static final String FILE_SUFFIX = "-seeds.md";

    /** One row's runs on one basis. {@code accuracies} in seed order; empty when no run has the basis's epochs. */
    public record Row(String experiment, double reference, ResultsSummary.Basis basis, List<Long> seeds, List<Double> accuracies) {
        public int n() {
            return accuracies.size();
        }

        /** The accuracies as a {@link Sample}: mean, sample standard deviation (n - 1), range. */
        public Sample sample() {
            return new Sample(accuracies);
        }

        public double mean() {
            return sample().mean();
        }

        /** Sample standard deviation (n - 1); NaN for fewer than two runs. */
        public double std() {
            return sample().std();
        }

        public double min() {
            return sample().min();
        }

        public double max() {
            return sample().max();
        }

        public long collapsed() {
            return accuracies.stream().filter(a -> a < COLLAPSE_BELOW).count();
        }

        /** With two seeds or more: the reference lies outside our seeds' range. */
        public boolean referenceOutsideSpread() {
            return n() >= 2 && (reference < min() || reference > max());
        }
    }

    private SeedSpread() {
    }

    /** Every reference row of a data set on one basis. */
    public static List<Row> rows(Path runsDir, String dataset, ResultsSummary.Basis basis) {
        List<Row> rows = new ArrayList<>();
        SameData sameData = new SameData(runsDir.toString());
        for (ReferenceResults.Row ref : ReferenceResults.of(dataset)) {
            List<Long> seeds = new ArrayList<>();
            List<Double> accuracies = new ArrayList<>();
            for (SeedRun run : runsOf(runsDir, ref.experiment())) {
                // an unreadable worklog is left out here; summarize reports it with the results table
                List<EpochRecord> log = RunFolder.at(run.dir()).worklogOrEmpty(reason -> { });
                if (Worklog.lastEpoch(log) >= basis.minEpochs) {
                    sameData.add(dataset, run.dir());
                    seeds.add(run.seed());
                    accuracies.add(log.stream().filter(r -> r.epoch() <= basis.minEpochs)
                            .mapToDouble(EpochRecord::testAccuracy).max().orElseThrow());
                }
            }
            rows.add(new Row(ref.experiment(), ref.bestAccuracy(), basis, seeds, accuracies));
        }
        sameData.check();
        return rows;
    }

    private record SeedRun(long seed, Path dir) {
    }

    /** The folders of an experiment's seeds, in seed order. */
    private static List<SeedRun> runsOf(Path runsDir, String experiment) {
        Pattern seeded = Pattern.compile(Pattern.quote(experiment) + "\\.seed([0-9]+)");
        List<SeedRun> runs = new ArrayList<>();
        if (Files.isDirectory(runsDir.resolve(experiment))) {
            runs.add(new SeedRun(1, runsDir.resolve(experiment)));
        }
        if (!Files.isDirectory(runsDir)) {
            return runs;
        }
        try (Stream<Path> children = Files.list(runsDir)) {
            children.map(p -> seeded.matcher(p.getFileName().toString())).filter(java.util.regex.Matcher::matches)
                    .map(m -> new SeedRun(Long.parseLong(m.group(1)), runsDir.resolve(m.group(0))))
                    .sorted(java.util.Comparator.comparingLong(SeedRun::seed)).forEach(runs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
        return runs;
    }

    /** Spearman rank correlation between the reference and our seed means, over rows with at least {@code minSeeds} runs. */
    public static double spearmanOfMeans(List<Row> rows, int minSeeds) {
        List<Row> used = rows.stream().filter(r -> r.n() >= minSeeds).toList();
        return used.size() < 2 ? Double.NaN : Spearman.correlation(used.stream().mapToDouble(Row::reference).toArray(),
                used.stream().mapToDouble(Row::mean).toArray());
    }

    /** The Markdown of a data set's spread on both bases ({@code <dataset>-seeds.md}). */
    static String markdown(String dataset, List<Row> protocol, List<Row> firstStage) {
        StringBuilder sb = new StringBuilder("# ").append(dataset).append(": spread over seeds\n\n")
                .append("Each row's best test accuracy within the epochs of the basis, over the seeds that have run them ")
                .append("(seed 1 is `<experiment>`, seed s is `<experiment>.seed<s>`); std is the sample standard deviation; ")
                .append("a run collapsed when its best stays below ").append(COLLAPSE_BELOW).append(". Generated by `summarize`.\n");
        for (List<Row> rows : List.of(firstStage, protocol)) {
            ResultsSummary.Basis basis = rows.get(0).basis();
            long spread = rows.stream().filter(r -> r.n() >= 2).count();
            long outside = rows.stream().filter(Row::referenceOutsideSpread).count();
            sb.append("\n## ").append(basis.label).append("\n\n")
                    .append(String.format(Locale.ROOT, "Rows with two seeds or more: %d of %d; Spearman of the reference against our "
                            + "seed means over them: %s; the reference outside our seeds' range: %d of %d.%n%n", spread, rows.size(),
                            fmt(spearmanOfMeans(rows, 2), 3), outside, spread))
                    .append("| experiment | reference | seeds | n | mean | std | min | max | collapsed |\n")
                    .append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "| %s | %.4f | %s | %d | %s | %s | %s | %s | %d |%n",
                        r.experiment().replace(ReferenceResults.prefix(dataset), "…"), r.reference(),
                        r.seeds().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-"), r.n(), fmt(r.mean(), 4),
                        fmt(r.std(), 4), fmt(r.min(), 4), fmt(r.max(), 4), r.collapsed()));
            }
        }
        return sb.toString();
    }

    /** Writes {@code <dataset>-seeds.md} for both bases. */
    public static Path write(Path runsDir, String dataset, Path outDir) {
        Path md = outDir.resolve(dataset + FILE_SUFFIX);
        AtomicFiles.writeString(md, markdown(dataset, rows(runsDir, dataset, ResultsSummary.Basis.PROTOCOL),
                rows(runsDir, dataset, ResultsSummary.Basis.FIRST_STAGE)));
        return md;
    }

    /** A number with {@code digits} decimals, "-" for NaN (a statistic that needs more seeds). */
    static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
