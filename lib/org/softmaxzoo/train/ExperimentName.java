package org.softmaxzoo.train;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.heads.spec.SpecException;

/**
 * Parses experiment names in the reference tables' style,
 * {@code <mnist|fashion_mnist>.softmax.weight_decay<wd>.feature<d>[.<head suffix>]}, into a
 * configuration with the reference protocol's defaults, and an optional {@code .seed<s>} ending for a
 * seed other than the default 1. The suffix names the head, e.g.
 * {@code normface.scale10} is {@code normface(s=10)}; no suffix is plain softmax. The reference's class
 * layer has no bias in any of its table's rows (its source builds it with {@code bias=False}; the runs
 * with a bias, named {@code .withbias}, are left out of its tables), so neither have ours.
 */
public final class ExperimentName {
    private static final String NUM = "([0-9]+(?:\\.[0-9]+)?(?:e-?[0-9]+)?)";
    private static final Pattern NAME = Pattern.compile(
            "(mnist|fashion_mnist)\\.softmax\\.weight_decay" + NUM + "\\.feature([0-9]+)(?:\\.(.+))?");

    /**
     * A suffix form and the head spec it stands for, both as templates whose {@code $1}, {@code $2} are the
     * same numbers, so that a suffix reads as a spec ({@link #headOf}) and a spec writes as a suffix ({@link #suffixOf}).
     */
    private record Suffix(String suffix, String spec, Pattern suffixPattern, Pattern specPattern) {
        Suffix(String suffix, String spec) {
            this(suffix, spec, templatePattern(suffix), templatePattern(spec));
        }

        /** The template as a regex: literal text quoted, each {@code $k} a number. */
        private static Pattern templatePattern(String template) {
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\$[0-9]").matcher(template);
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(at, m.start()))).append(NUM);
                at = m.end();
            }
            return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).toString());
        }

        /** {@code from} matched by {@code pattern}, written in the other template. */
        static String translate(Pattern pattern, String to, String from) {
            Matcher m = pattern.matcher(from);
            return m.matches() ? m.replaceFirst(Matcher.quoteReplacement(to).replace("\\$", "$")) : null;
        }
    }

    /** The head of the row without a suffix. */
    public static final String PLAIN = "softmax(bias=false)";
    /** What a reference name has where a spec-style name has its head (every reference name starts {@code <data set>.softmax}). */
    static final String HEAD_PART = "softmax";

    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix("normweight", "normweight"),
            new Suffix("normfeature.scale$1", "normfeature(s=$1)"),
            new Suffix("normface.scale$1", "normface(s=$1)"),
            new Suffix("normface.scalelearn", "normface(s=learn)"),
            new Suffix("amsoftmax.scale$1.margin$2", "cosface(s=$1,m=$2)"),
            new Suffix("arcface.scale$1.margin$2", "arcface(s=$1,m=$2deg)"),
            new Suffix("normweight.ringloss.$1", "normweight+ringloss(lambda=$1)"),
            new Suffix("ringloss.$1", "softmax(bias=false)+ringloss(lambda=$1)"));

    private ExperimentName() {
    }

    /** A name's {@code .seed<s>} ending: group 1 the rest, group 2 the seed. */
    static final Pattern SEED = Pattern.compile("(.+)\\.seed([0-9]+)");

    /** The seed a matched {@link #SEED} ending names; seed 1 is written without one. */
    static long seedOf(Matcher seeded, String name) {
        long seed = Long.parseLong(seeded.group(2));
        if (seed == TrainConfig.SEED || seed < 1) {
            throw new SpecException("experiment name '" + name + "': seed " + seed + " is written without a .seed part "
                    + "(seed 1 is the default); other seeds as .seed2, .seed3, ...");
        }
        return seed;
    }

    /**
     * The run of an experiment (named in either style) for one seed: the name of its configuration with that seed, as
     * {@link RunName} writes it (the name itself for the default seed 1, else with {@code .seed<s>} appended), which
     * {@link #parse} reads back.
     */
    public static String forSeed(String experiment, long seed) {
        if (SEED.matcher(experiment.trim()).matches()) {
            throw new SpecException("experiment name '" + experiment + "' already names a seed; list it without its .seed part");
        }
        if (seed < 1) {
            throw new SpecException("seeds must be >= 1, got " + seed);
        }
        return RunName.experiment(experiment).withSeed(seed).name();
    }

    public static TrainConfig parse(String name) {
        Matcher seeded = SEED.matcher(name.trim());
        if (seeded.matches()) {
            return parse(seeded.group(1)).withSeed(seedOf(seeded, name));
        }
        Matcher m = NAME.matcher(name.trim());
        if (!m.matches()) {
            throw new SpecException("cannot parse experiment name '" + name
                    + "'; expected <mnist|fashion_mnist>.softmax.weight_decay<wd>.feature<d>[.<head>], e.g. "
                    + "mnist.softmax.weight_decay1e-3.feature2.normface.scale10");
        }
        DatasetKind dataset = DatasetKind.parse(m.group(1));
        float wd = Float.parseFloat(m.group(2));
        int dim = Integer.parseInt(m.group(3));
        String head = m.group(4) == null ? PLAIN : headOf(m.group(4), name);
        TrainConfig config = new TrainConfig(null, dataset, head, dim, TrainConfig.EPOCHS, TrainConfig.BATCH,
                TrainConfig.LEARNING_RATE, wd, TrainConfig.SEED, 0, null);
        if (!config.name().equals(name.trim())) { // one name per run: a grid list's line is the run's folder
            throw new SpecException("experiment name '" + name + "' is written '" + config.name() + "' (one name per run)");
        }
        return config;
    }

    static String headOf(String suffix, String name) {
        for (Suffix s : SUFFIXES) {
            String spec = Suffix.translate(s.suffixPattern(), s.spec(), suffix);
            if (spec != null) {
                return spec;
            }
        }
        throw new SpecException("unknown head suffix '" + suffix + "' in experiment name '" + name + "'; accepted: "
                + String.join(", ", SUFFIXES.stream().map(s -> s.suffix().replaceAll("\\$[0-9]", "<n>")).toList()));
    }

    /** The name suffix of a head spec ("" for the plain row), or null when no reference row has that head. */
    static String suffixOf(String head) {
        if (PLAIN.equals(head)) {
            return "";
        }
        for (Suffix s : SUFFIXES) {
            String suffix = Suffix.translate(s.specPattern(), s.suffix(), head);
            if (suffix != null) {
                return suffix;
            }
        }
        return null;
    }
}
