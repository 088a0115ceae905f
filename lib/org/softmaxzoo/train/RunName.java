package org.softmaxzoo.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.spec.HeadSpec;
import org.softmaxzoo.heads.spec.SpecException;
import org.softmaxzoo.model.Networks;

/**
 * A run's name, written from its configuration and read back to it; {@link #format} is the one place that writes
 * names ({@link TrainConfig#name()} asks it). Two styles: the reference tables'
 * ({@link ExperimentName}, {@code mnist.softmax.weight_decay1e-3.feature2.normface.scale10}) for the heads
 * those tables have, on the reference network and all classes, and the spec style for every other run, the spec with
 * its punctuation dropped ({@code mnist.arcface-s10-m30deg.weight_decay1e-3.feature2}; each argument is its declared
 * key and its value, so the heads' declarations split it again). A spec-style name may end in {@code .net-<network>},
 * either may end in {@code .limit<n>}, {@code .seed<s>} and (spec style) {@code .classes<a>-<b>} (trained on those
 * classes only, the open-set runs), in that order. {@link #parse} refuses a name its configuration writes otherwise
 * ({@code weight_decay0.001}, a reference head in spec style), so each run has one name.
 *
 * <p>A name without a head suffix is ambiguous: {@code mnist.softmax.weight_decay1e-3.feature2} is the reference's plain
 * row ({@code softmax(bias=false)}) and also the spec-style name of {@code softmax}. A name with a training set part
 * is spec style (the open-set runs'); otherwise the reference reading wins, and committed runs sit in collection
 * folders under the runs root that settle it ({@link #ofFolder}): {@code with-bias/} and {@code seeds/seed<s>[-<tag>]/}
 * hold reference-style names trained
 * before the tables' rows dropped the bias, so their plain softmax keeps it, and a seeds folder gives the seed of
 * runs named without a seed part. Other collections ({@code writeup/}, {@code variants/}) only group.
 *
 * @param config      what the run trains (a custom name it carries is not read by {@link #format})
 * @param trainingSet "" for the whole training set, or {@code classes<a>-<b>}
 */
public record RunName(TrainConfig config, String trainingSet) {
    private static final String NUM = "([0-9]+(?:\\.[0-9]+)?(?:e-?[0-9]+)?)";
    /** A training set label, classes {@code <a>-<b>}: the one definition the name's suffix, the check and the count use. */
    private static final Pattern TRAINING_SET = Pattern.compile("classes([0-9]+)-([0-9]+)");
    private static final Pattern CLASSES = Pattern.compile("(.+)\\.(" + TRAINING_SET.pattern() + ")");
    private static final Pattern LIMIT = Pattern.compile("(.+)\\.limit([0-9]+)");
    private static final Pattern NET = Pattern.compile("(.+)\\.net-([a-z][a-z-]*)");
    private static final Pattern SPEC_STYLE = Pattern.compile(
            "(mnist|fashion_mnist)\\.([A-Za-z0-9_.+-]+?)\\.weight_decay" + NUM + "\\.feature([0-9]+)");
    private static final Pattern SEEDS_COLLECTION = Pattern.compile("seeds/seed([0-9]+)(?:-[A-Za-z0-9_-]+)?");
    static final String WITH_BIAS = "with-bias";
    private static final String BIAS_FREE = ExperimentName.PLAIN;
    private static final String WITH_BIAS_HEAD = "softmax";

    public RunName {
        if (!trainingSet.isEmpty() && !TRAINING_SET.matcher(trainingSet).matches()) {
            throw new IllegalArgumentException("training set label must be empty or classes<a>-<b>, got " + trainingSet);
        }
    }

    /** How many classes the run trains on: {@code all}, or b - a + 1 for a {@code classes<a>-<b>} training set. */
    public int classesTrained(int all) {
        if (trainingSet.isEmpty()) {
            return all;
        }
        Matcher ends = TRAINING_SET.matcher(trainingSet);
        ends.matches(); // the constructor checked the form
        return Integer.parseInt(ends.group(2)) - Integer.parseInt(ends.group(1)) + 1;
    }

    /** The name of a run of {@code config} on the whole training set. */
    public static String of(TrainConfig config) {
        return new RunName(config, "").format();
    }

    /** The name of a run of {@code config} on the training classes {@code first..last}. */
    public static String of(TrainConfig config, int first, int last) {
        return new RunName(config, "classes" + first + "-" + last).format();
    }

    /**
     * The name written from the configuration (a custom name it carries is not used): reference style where the tables
     * have the head, the reference network and the whole set of classes are used, else spec style. This is the one
     * place that writes run names.
     */
    public String format() {
        TrainConfig c = config;
        String suffix = trainingSet.isEmpty() && Networks.DEFAULT.equals(c.network()) ? ExperimentName.suffixOf(c.head()) : null;
        StringBuilder name = new StringBuilder(c.dataset().experimentName()).append('.')
                .append(suffix == null ? headToken(trainingSet.isEmpty() ? biasSpelled(c.head()) : c.head()) : ExperimentName.HEAD_PART)
                .append(".weight_decay").append(formatDecay(c.weightDecay())).append(".feature").append(c.featureDim());
        if (suffix != null && !suffix.isEmpty()) {
            name.append('.').append(suffix);
        }
        if (!Networks.DEFAULT.equals(c.network())) {
            name.append(".net-").append(c.network());
        }
        if (c.trainLimit() > 0) {
            name.append(".limit").append(c.trainLimit());
        }
        if (c.seed() != TrainConfig.SEED) {
            name.append(".seed").append(c.seed());
        }
        if (!trainingSet.isEmpty()) {
            name.append('.').append(trainingSet);
        }
        return name.toString();
    }

    /**
     * A weight decay as names write it: one significant digit in the reference's 1e-3 style, or, for a value that
     * style would round (2.5e-4) or cannot write without a plus sign (1, 0), the float's shortest decimal.
     */
    static String formatDecay(float weightDecay) {
        String oneDigit = String.format(Locale.ROOT, "%.0e", weightDecay).replace("e-0", "e-");
        return !oneDigit.contains("+") && Float.parseFloat(oneDigit) == weightDecay ? oneDigit
                : Float.toString(weightDecay).toLowerCase(Locale.ROOT);
    }

    /**
     * Softmax with its bias (the default) spelled {@code softmax(bias=true)}: written as a bare {@code softmax} its
     * spec-style name would be the reference-style name of the bias-free row (names with a training-set part are
     * spec style only, so there the bare {@code softmax} of the committed open-set runs stays).
     */
    private static String biasSpelled(String head) {
        return head.equals(WITH_BIAS_HEAD) ? WITH_BIAS_HEAD + "(bias=true)" : head;
    }

    /** A head spec as it appears in a spec-style name: {@code arcface(s=10,m=30deg)} is {@code arcface-s10-m30deg}. */
    static String headToken(String head) {
        return head.replace("(", "-").replace(")", "").replace("=", "").replace(",", "-").replaceAll("[^A-Za-z0-9._+-]", "_");
    }

    /** The configuration (epochs: the protocol's) and training set a run name stands for. */
    public static RunName parse(String name) {
        String rest = name.trim();
        String trainingSet = "";
        Matcher m = CLASSES.matcher(rest);
        if (m.matches()) {
            rest = m.group(1);
            trainingSet = m.group(2);
        }
        long seed = TrainConfig.SEED;
        if ((m = ExperimentName.SEED.matcher(rest)).matches()) {
            seed = ExperimentName.seedOf(m, name);
            rest = m.group(1);
        }
        int limit = 0;
        if ((m = LIMIT.matcher(rest)).matches()) {
            limit = Integer.parseInt(m.group(2));
            rest = m.group(1);
        }
        String network = null;
        if ((m = NET.matcher(rest)).matches()) {
            network = m.group(2);
            rest = m.group(1);
        }
        TrainConfig base;
        if (trainingSet.isEmpty() && rest.contains(".softmax.weight_decay")) {
            base = ExperimentName.parse(rest);
        } else if ((m = SPEC_STYLE.matcher(rest)).matches()) {
            base = TrainConfig.of(DatasetKind.parse(m.group(1)), headOfToken(m.group(2), name)).withWeightDecay(Float.parseFloat(m.group(3)))
                    .withFeatureDim(Integer.parseInt(m.group(4)));
        } else {
            throw new SpecException("cannot parse run name '" + name + "'; expected <mnist|fashion_mnist>.softmax.weight_decay<wd>"
                    + ".feature<d>[.<reference head>] or <mnist|fashion_mnist>.<head spec>.weight_decay<wd>.feature<d>, then optionally "
                    + ".net-<network>, .limit<n>, .seed<s>, .classes<a>-<b>");
        }
        TrainConfig config = new TrainConfig(null, base.dataset(), base.head(), base.featureDim(), TrainConfig.EPOCHS,
                TrainConfig.BATCH, TrainConfig.LEARNING_RATE, base.weightDecay(), seed, limit, network);
        RunName parsed = new RunName(config, trainingSet);
        String written = parsed.format();
        if (!written.equals(name.trim())) {
            throw new SpecException("run name '" + name + "' is not written the way its configuration writes it: '" + written + "'");
        }
        return new RunName(config.withName(written), trainingSet);
    }

    /**
     * The run a name asks to train, in either style (a grid list's line, {@code train --experiment}); the open-set runs'
     * names ({@code .classes<a>-<b>}) are refused, since only {@code verify} trains on a subset of the classes.
     */
    public static TrainConfig experiment(String name) {
        RunName parsed = parse(name);
        if (!parsed.trainingSet().isEmpty()) {
            throw new SpecException("'" + name + "' names an open-set run (." + parsed.trainingSet() + "): verify trains those; "
                    + "list the name without its ." + parsed.trainingSet() + " part to train on every class");
        }
        return parsed.config();
    }

    /**
     * The run in {@code runDir}, a folder under {@code runsRoot}: its name, read with what its collection folder
     * adds (see the class comment).
     */
    public static RunName ofFolder(Path runsRoot, Path runDir) {
        String name = runDir.getFileName().toString();
        String collection = collectionOf(runsRoot, runDir);
        RunName parsed = parse(name);
        TrainConfig c = parsed.config();
        Matcher seeds = SEEDS_COLLECTION.matcher(collection);
        if (seeds.matches()) {
            if (c.seed() != TrainConfig.SEED) {
                throw new SpecException(runDir + ": a run in " + collection + "/ is named without a seed part, not " + name);
            }
            c = c.withSeed(Long.parseLong(seeds.group(1)));
        }
        if (biasKept(collection) && c.head().startsWith(BIAS_FREE)) {
            c = c.withHead(WITH_BIAS_HEAD + c.head().substring(BIAS_FREE.length()));
        }
        return new RunName(c.withName(name), parsed.trainingSet()); // the folder's name, which the collection qualifies
    }

    /** The collection folder of a run folder under the runs root: "" at the top, else e.g. "seeds/seed2". */
    public static String collectionOf(Path runsRoot, Path runDir) {
        Path parent = runsRoot.toAbsolutePath().normalize().relativize(runDir.toAbsolutePath().normalize()).getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }

    private static boolean biasKept(String collection) {
        return collection.equals(WITH_BIAS) || SEEDS_COLLECTION.matcher(collection).matches();
    }

    /** The folder name this run has inside {@code collection} (as {@link #ofFolder} reads it back). */
    public String formatIn(String collection) {
        TrainConfig c = config;
        if (SEEDS_COLLECTION.matcher(collection).matches()) {
            c = c.withSeed(TrainConfig.SEED);
        }
        boolean plainWithBias = c.head().equals(WITH_BIAS_HEAD) || c.head().startsWith(WITH_BIAS_HEAD + "+");
        if (biasKept(collection) && plainWithBias) {
            c = c.withHead(BIAS_FREE + c.head().substring(WITH_BIAS_HEAD.length()));
        }
        return new RunName(c, trainingSet).format();
    }

    /**
     * The head spec of a spec-style name's head part: terms split at {@code +}, each term's name first, then
     * its arguments as declared key and value, split at the {@code -} before a declared key.
     */
    static String headOfToken(String token, String name) {
        List<String> terms = new ArrayList<>();
        for (String part : token.split("\\+")) {
            String[] pieces = part.split("-");
            List<String> keys = Heads.argumentKeys(pieces[0]);
            if (keys == null) {
                throw new SpecException("unknown head or term '" + pieces[0] + "' in run name '" + name + "'");
            }
            List<String> args = new ArrayList<>();
            for (int i = 1; i < pieces.length; i++) {
                String key = longestKey(keys, pieces[i]);
                boolean startsArgument = key != null && (args.isEmpty() || !args.get(args.size() - 1).endsWith("="));
                if (startsArgument) {
                    args.add(key + "=" + pieces[i].substring(key.length()));
                } else if (!args.isEmpty()) {
                    args.set(args.size() - 1, args.get(args.size() - 1) + "-" + pieces[i]); // a value with a minus: 1e-3, -0.1
                } else {
                    throw new SpecException("run name '" + name + "': '" + pieces[i] + "' is no argument of " + pieces[0]
                            + " (declared: " + String.join(", ", keys) + ")");
                }
            }
            terms.add(pieces[0] + (args.isEmpty() ? "" : "(" + String.join(",", args) + ")"));
        }
        String spec = String.join("+", terms);
        HeadSpec.parse(spec);
        if (!headToken(spec).equals(token)) {
            throw new SpecException("run name '" + name + "': head part '" + token + "' does not read back to one spec (got " + spec + ")");
        }
        return spec;
    }

    private static String longestKey(List<String> keys, String piece) {
        String best = null;
        for (String key : keys) {
            if (piece.toLowerCase(Locale.ROOT).startsWith(key) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best;
    }
}
