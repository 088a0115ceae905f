package org.softmaxzoo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.softmaxzoo.heads.spec.HeadSpec;
import org.softmaxzoo.heads.spec.SpecException;
import org.softmaxzoo.model.Networks;
import org.softmaxzoo.plot.Figures;
import org.softmaxzoo.plot.HeatMap;
import org.softmaxzoo.train.AtomicFiles;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.Worklog;
import org.softmaxzoo.train.ExperimentName;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.Sweep;
import org.softmaxzoo.train.TrainConfig;

/**
 * The stability map of the margin heads (issue 24): for each data set, head (CosFace, ArcFace) and feature
 * dimension, every (margin m, scale s) of the sweep list {@value #SWEEP} with its seeds' best test accuracy
 * within the first {@value #EPOCHS} epochs (a run counts once it has run them), their mean, sample standard
 * deviation and the number of collapsed seeds (best below {@value SeedSpread#COLLAPSE_BELOW}, as in the seed
 * tables). Written as a CSV per map, a heat map per map, and {@value #FILE} with the rule of thumb each map supports.
 */
public final class StabilityMap {
    public static final String FOLDER = "stability";
    public static final String SWEEP = "sweep.txt";
    public static final String FILE = "stability.md";
    public static final int EPOCHS = 3;
    private static final String COSFACE = "cosface";
    private static final String ARCFACE = "arcface";

    /** One (m, s) of a map: the seeds that ran the epochs and their best accuracies, in seed order. */
    public record Cell(BigDecimal margin, BigDecimal scale, List<Long> seeds, Sample accuracies) {
        public long collapsed() {
            return accuracies.values().stream().filter(a -> a < SeedSpread.COLLAPSE_BELOW).count();
        }

        /** Ran on at least {@code seeds} seeds. */
        public boolean ranOn(int seeds) {
            return accuracies.n() >= seeds;
        }

        /** Ran on at least {@code seeds} seeds, and none collapsed. */
        public boolean trains(int seeds) {
            return ranOn(seeds) && collapsed() == 0;
        }
    }

    /**
     * One heat map: its sweep's margins and scales (ascending) and the cells that have runs, by (m, s); {@code head} is
     * "cosface" or "arcface" (whose margins are in degrees).
     */
    public record Map2(String dataset, String head, int featureDim, List<BigDecimal> margins, List<BigDecimal> scales,
                       Map<String, Cell> cells, String network) {
        public Cell cell(BigDecimal m, BigDecimal s) {
            return cells.get(key(m, s));
        }

        public String marginUnit() {
            return head.equals(COSFACE) ? "m" : "m (degrees)";
        }

        /** What follows a margin's value in a sentence: nothing for CosFace, " degrees" for ArcFace. */
        String marginSuffix() {
            return head.equals(COSFACE) ? "" : " degrees";
        }

        /** The number of (m, s) cells of the sweep, run or not. */
        public int sweepCells() {
            return margins.size() * scales.size();
        }

        public List<Long> seeds() {
            return cells.values().stream().flatMap(c -> c.seeds().stream()).distinct().sorted().toList();
        }

        String fileStem() {
            return FOLDER + "-" + dataset + "-" + head() + "-d" + featureDim;
        }
    }

    private static String key(BigDecimal m, BigDecimal s) {
        return m.stripTrailingZeros().toPlainString() + "/" + s.stripTrailingZeros().toPlainString();
    }

    private StabilityMap() {
    }

    private record Parsed(String dataset, int dim, String head, BigDecimal scale, BigDecimal margin, long seed) {
        String map() {
            return dataset + "/" + head + "/" + dim;
        }
    }

    /** A CosFace or ArcFace run of the sweep, read by the project's run names; null for any other name. */
    private static Parsed parse(String name) {
        TrainConfig config;
        try {
            config = ExperimentName.parse(name);
        } catch (SpecException e) {
            return null;
        }
        List<HeadSpec.Term> terms = HeadSpec.parse(config.head()).terms();
        HeadSpec.Term head = terms.get(0);
        if (terms.size() != 1 || !List.of(COSFACE, ARCFACE).contains(head.name())) {
            return null;
        }
        // the reference's names write ArcFace's margin in degrees: arcface.scale10.margin30 is arcface(s=10,m=30deg)
        return new Parsed(config.dataset().experimentName(), config.featureDim(), head.name(), new BigDecimal(head.args().get("s")),
                new BigDecimal(head.args().get("m").replace("deg", "")), config.seed());
    }

    /** The maps of a stability folder: the axes from its {@value #SWEEP}, the cells from the runs that have the epochs. */
    public static List<Map2> read(Path dir) {
        Map<String, TreeSet<BigDecimal>[]> axes = new LinkedHashMap<>();
        for (String name : Sweep.readList(dir.resolve(SWEEP))) {
            Parsed p = parse(name);
            if (p == null) {
                throw new IllegalStateException(dir.resolve(SWEEP) + ": '" + name + "' is not a CosFace (amsoftmax) or ArcFace run name "
                        + "with .scale<s>.margin<m>; fix the line");
            }
            @SuppressWarnings("unchecked")
            TreeSet<BigDecimal>[] ax = axes.computeIfAbsent(p.map(), k -> new TreeSet[] {new TreeSet<BigDecimal>(), new TreeSet<BigDecimal>()});
            ax[0].add(p.margin());
            ax[1].add(p.scale());
        }
        Map<String, Map<String, TreeMap<Long, Double>>> runs = new LinkedHashMap<>();
        Map<String, String> networks = new LinkedHashMap<>();
        SameData sameData = new SameData(dir.toString());
        try (Stream<Path> children = Files.list(dir)) {
            for (Path run : children.filter(Files::isDirectory).sorted().toList()) {
                Parsed p = parse(run.getFileName().toString());
                if (p == null || !axes.containsKey(p.map())) {
                    continue;
                }
                List<EpochRecord> log = RunFolder.at(run).worklog();
                if (Worklog.lastEpoch(log) < EPOCHS) {
                    continue; // still running
                }
                Properties config = RunFolder.at(run).config();
                sameData.add(p.dataset(), run, config);
                double best = log.stream().filter(r -> r.epoch() <= EPOCHS).mapToDouble(EpochRecord::testAccuracy).max().orElseThrow();
                runs.computeIfAbsent(p.map(), k -> new LinkedHashMap<>()).computeIfAbsent(key(p.margin(), p.scale()), k -> new TreeMap<>())
                        .put(p.seed(), best);
                networks.putIfAbsent(p.map(), config.getProperty("network", Networks.DEFAULT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        sameData.check();
        List<Map2> maps = new ArrayList<>();
        for (Map.Entry<String, TreeSet<BigDecimal>[]> e : axes.entrySet()) {
            if (!runs.containsKey(e.getKey())) {
                continue; // a map without runs yet is not drawn
            }
            String[] id = e.getKey().split("/");
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (BigDecimal m : e.getValue()[0]) {
                for (BigDecimal s : e.getValue()[1]) {
                    TreeMap<Long, Double> seeds = runs.get(e.getKey()).get(key(m, s));
                    if (seeds != null) {
                        cells.put(key(m, s), new Cell(m, s, List.copyOf(seeds.keySet()), new Sample(List.copyOf(seeds.values()))));
                    }
                }
            }
            maps.add(new Map2(id[0], id[1], Integer.parseInt(id[2]), List.copyOf(e.getValue()[0]), List.copyOf(e.getValue()[1]), cells,
                    networks.get(e.getKey())));
        }
        return maps;
    }

    /** head, m, s, seeds, n, mean best accuracy, std, collapsed count: one line per cell of the sweep (empty where no run). */
    static String csv(Map2 map) {
        StringBuilder sb = new StringBuilder("head,m,s,seeds,n,mean_best_acc,std,collapsed\n");
        for (BigDecimal m : map.margins()) {
            for (BigDecimal s : map.scales()) {
                Cell c = map.cell(m, s);
                sb.append(map.head()).append(',').append(m.toPlainString()).append(',').append(s.toPlainString()).append(",\"");
                if (c != null) {
                    sb.append(String.join(",", c.seeds().stream().map(String::valueOf).toList())).append("\",").append(c.accuracies().n())
                            .append(',').append(number(c.accuracies().mean())).append(',').append(number(c.accuracies().std())).append(',')
                            .append(c.collapsed());
                } else {
                    sb.append("\",0,,,");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** The title of a map's figure: data set, head, network, epochs, seeds, and what its marks mean. */
    static String title(Map2 map) {
        boolean missing = map.cells().size() < map.sweepCells();
        return String.format(Locale.ROOT, "Stability: %s, %s, d = %d, network %s, %d epochs, seeds %s: mean best test accuracy (x: a seed collapsed%s)",
                map.dataset(), map.head(), map.featureDim(), map.network(), EPOCHS,
                String.join(",", map.seeds().stream().map(String::valueOf).toList()), missing ? "; grey: no run yet" : "");
    }

    /** The text of {@value #FILE}. */
    static String markdown(List<Map2> maps) {
        StringBuilder sb = new StringBuilder("# Stability map of the margin heads\n\n")
                .append("CosFace (m) and ArcFace (m in degrees) against the scale s, from the runs of `results/runs/stability/` ")
                .append("(the sweep in its `").append(SWEEP).append("`): each cell's best test accuracy within the first ").append(EPOCHS)
                .append(" epochs, mean and sample standard deviation over its seeds; a seed *collapsed* when its best stays below ")
                .append(SeedSpread.COLLAPSE_BELOW).append(". A margin *trains* at a scale when every seed of the map ran it and none collapsed. Each map's line gives the rule of ")
                .append("thumb this supports, then the cell with the highest mean and, by scale, the cells within ").append(StabilityRules.NEAR_BEST_POINTS)
                .append(" points of it: collapse is the coarse answer, this the finer one. ")
                .append("Per map: a CSV (`results/<map>.csv`) and a heat map (`figures/results/<map>.png`; its colours span that map's ")
                .append("own range, see its colour bar). Generated by `summarize`.\n\n");
        if (maps.isEmpty()) {
            sb.append("No stability runs yet.\n");
        }
        for (Map2 map : maps) {
            sb.append("- **").append(map.dataset()).append(", ").append(map.head()).append(", d = ").append(map.featureDim())
                    .append("** (`").append(map.fileStem()).append("`, ").append(map.cells().size()).append(" of ")
                    .append(map.sweepCells()).append(" cells run): ").append(StabilityRules.ruleOfThumb(map)).append("; ")
                    .append(StabilityRules.collapsesAndBest(map)).append(".\n");
        }
        return sb.toString();
    }

    /** The texts {@link #write} writes to the tables folder, by file name. */
    public static Map<String, String> texts(Path dir) {
        List<Map2> maps = read(dir);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(FILE, markdown(maps));
        maps.forEach(m -> texts.put(m.fileStem() + ".csv", csv(m)));
        return texts;
    }

    /** Writes {@value #FILE} and each map's CSV to {@code outDir}, and its heat map to {@code figuresDir}. */
    public static List<Path> write(Path dir, Path outDir, Path figuresDir) {
        List<Path> written = new ArrayList<>();
        texts(dir).forEach((file, text) -> {
            AtomicFiles.writeString(outDir.resolve(file), text);
            written.add(outDir.resolve(file));
        });
        for (Map2 map : read(dir)) {
            written.add(Figures.writePng(figure(map), figuresDir.resolve(map.fileStem() + ".png")));
        }
        return written;
    }

    /** Colour steps of the heat map's range: its ends are the map's lowest and highest mean rounded out to this. */
    static final double COLOUR_STEP = 0.05;

    /**
     * The heat map's colour range {lo, hi}: the map's lowest and highest cell mean rounded out to {@value #COLOUR_STEP}, so
     * that the few points between a map's cells show as colours (on [0, 1] a Fashion-MNIST map's 0.63-0.79 were one
     * green); [0, 1] for a map without values. The colour bar gives the range; the cells print their numbers.
     */
    static double[] colourRange(Map2 map) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Cell cell : map.cells().values()) {
            double mean = cell.accuracies().mean();
            lo = Math.min(lo, mean);
            hi = Math.max(hi, mean);
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        // 1e-9: a mean such as (0.90 + 0.20) / 2 is 0.5499999... in binary and belongs to the step at 0.55
        lo = Math.floor(lo / COLOUR_STEP + 1e-9) * COLOUR_STEP;
        hi = Math.max(Math.ceil(hi / COLOUR_STEP - 1e-9) * COLOUR_STEP, lo + COLOUR_STEP);
        return new double[] {lo, hi};
    }

    /** The heat map: m up, s across, mean best accuracy as colour on {@link #colourRange}, collapsed cells crossed, cells without runs grey. */
    public static java.awt.image.BufferedImage figure(Map2 map) {
        double[][] values = new double[map.margins().size()][map.scales().size()];
        boolean[][] crossed = new boolean[values.length][values[0].length];
        double[] range = colourRange(map);
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[0].length; c++) {
                Cell cell = map.cell(map.margins().get(r), map.scales().get(c));
                values[r][c] = cell == null ? Double.NaN : cell.accuracies().mean();
                crossed[r][c] = cell != null && cell.collapsed() > 0;
            }
        }
        return HeatMap.render(title(map), "scale s", map.scales().stream().map(BigDecimal::toPlainString).toList(), map.marginUnit(),
                map.margins().stream().map(BigDecimal::toPlainString).toList(), values, crossed, range[0], range[1], "mean best test accuracy");
    }
}
