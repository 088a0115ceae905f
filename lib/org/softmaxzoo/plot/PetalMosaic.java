package org.softmaxzoo.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.softmaxzoo.model.Networks;
import org.softmaxzoo.train.RunName;
import org.softmaxzoo.train.TrainConfig;

/**
 * The petal figures the grid drew for one data set's runs at one epoch ({@code grid --figures}), side by side in one
 * image, one per experiment: a glance at how every head shapes the test features. Each tile keeps its own title
 * (head, epoch, accuracy), small at the tile's size, under a readable caption (head and seed) from its file name.
 */
public final class PetalMosaic {
    // Two to a row at half the petal figure's width: its two panels stay readable, the whole still one glance.
    public static final int COLUMNS = 2;
    public static final int TILE_WIDTH = 700;

    private PetalMosaic() {
    }

    /**
     * The petal files of {@code dataset}'s runs at {@code epoch} in {@code dir}, one per experiment (the lowest seed's:
     * seed 1, written without a seed part, else {@code .seed<s>}), in experiment name order; none when the folder is absent.
     */
    public static List<Path> petals(Path dir, String dataset, int epoch) {
        return lowestSeeds(dir, dataset, epoch).stream().map(Petal::file).toList();
    }

    /** The mosaic of those petals under {@code title}, written to {@code file}; empty (nothing written) when there is none. */
    public static Optional<BufferedImage> write(Path dir, String dataset, int epoch, String title, Path file) {
        List<Petal> petals = lowestSeeds(dir, dataset, epoch);
        if (petals.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage mosaic = Figures.withTitle(tiles(petals.stream().map(p -> read(p.file())).toList(),
                petals.stream().map(p -> caption(p.run())).toList()), title);
        Figures.writePng(mosaic, file);
        return Optional.of(mosaic);
    }

    /** A petal file {@code petal-<run>-e<epoch>.png}, its run being {@code <experiment>} (seed 1) or {@code <experiment>.seed<s>}. */
    private record Petal(String run, String experiment, long seed, Path file) {
    }

    private static List<Petal> lowestSeeds(Path dir, String dataset, int epoch) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern name = Pattern.compile("petal-((" + Pattern.quote(dataset) + "\\..+?)(?:\\.seed([0-9]+))?)-e" + epoch + "\\.png");
        Map<String, Petal> byExperiment = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches()) {
                    Petal petal = new Petal(m.group(1), m.group(2), m.group(3) == null ? 1 : Long.parseLong(m.group(3)), p);
                    byExperiment.merge(petal.experiment(), petal, (a, b) -> a.seed() <= b.seed() ? a : b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return List.copyOf(byExperiment.values());
    }

    /**
     * A tile's caption, readable where the figure's own title shrinks with the tile: the run's head and seed (and its
     * network when not the default), or the run name itself when it is not one the project reads.
     */
    static String caption(String run) {
        try {
            TrainConfig c = RunName.parse(run).config();
            return c.head() + ", seed " + c.seed() + (c.network() == null || c.network().equals(Networks.DEFAULT) ? "" : ", network " + c.network());
        } catch (RuntimeException e) {
            return run;
        }
    }

    /**
     * Images scaled to {@link #TILE_WIDTH}, each under its caption, {@link #COLUMNS} to a row (a full row wide even with
     * one image), on white.
     */
    static BufferedImage tiles(List<BufferedImage> images, List<String> captions) {
        List<BufferedImage> captioned = new ArrayList<>();
        for (int k = 0; k < images.size(); k++) {
            captioned.add(Figures.withTitle(scaled(images.get(k)), captions.get(k)));
        }
        int columns = COLUMNS;
        int rows = (captioned.size() + columns - 1) / columns;
        int tileHeight = captioned.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(columns * TILE_WIDTH, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int k = 0; k < captioned.size(); k++) {
            g.drawImage(captioned.get(k), (k % columns) * TILE_WIDTH, (k / columns) * tileHeight, null);
        }
        g.dispose();
        return out;
    }

    private static BufferedImage scaled(BufferedImage image) {
        BufferedImage out = new BufferedImage(TILE_WIDTH, scaledHeight(image), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private static int scaledHeight(BufferedImage image) {
        return (int) Math.round((double) image.getHeight() * TILE_WIDTH / image.getWidth());
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new UncheckedIOException(new IOException(file + " is not an image the mosaic can read; delete or redraw it"));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
