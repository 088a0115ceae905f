package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PetalMosaicTest {
    @TempDir
    Path dir;

    private void square(String name, Color color) throws IOException {
        BufferedImage img = new BufferedImage(350, 350, BufferedImage.TYPE_INT_RGB); // scaled 2x to a 700-pixel tile
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 350, 350);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve(name).toFile());
    }

    @Test
    void onlyTheDataSetsPetalsAtTheEpochAreTiledInNameOrder() throws IOException {
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE, Color.MAGENTA};
        String[] runs = {"mnist.a", "mnist.b", "mnist.c", "mnist.d", "mnist.e"};
        for (int k = 0; k < runs.length; k++) {
            square("petal-" + runs[k] + "-e40.png", colors[k]);
        }
        square("petal-fashion_mnist.a-e40.png", Color.BLACK); // another data set
        square("petal-mnist.a-e10.png", Color.BLACK); // another epoch
        assertEquals(List.of("petal-mnist.a-e40.png", "petal-mnist.b-e40.png", "petal-mnist.c-e40.png", "petal-mnist.d-e40.png",
                "petal-mnist.e-e40.png"), PetalMosaic.petals(dir, "mnist", 40).stream().map(p -> p.getFileName().toString()).toList());

        Path file = dir.resolve("out").resolve("mosaic.png");
        BufferedImage mosaic = PetalMosaic.write(dir, "mnist", 40, "MNIST at 40 epochs", file).orElseThrow();
        assertTrue(Files.exists(file));
        int band = 36; // the title band of Figures.withTitle, over the mosaic and over each tile (its caption)
        int tile = band + 700;
        // 5 tiles, 2 to a row: 3 rows of a caption over 700 x 700, under the mosaic's band
        assertEquals(2 * 700, mosaic.getWidth());
        assertEquals(band + 3 * tile, mosaic.getHeight());
        for (int k = 0; k < 5; k++) {
            int x = (k % 2) * 700 + 350;
            int y = band + (k / 2) * tile + band + 350;
            assertEquals(colors[k].getRGB(), mosaic.getRGB(x, y), "tile " + k + " holds " + runs[k]);
            assertTrue(hasDarkPixel(mosaic, (k % 2) * 700, band + (k / 2) * tile, 700, band), "tile " + k + " has its caption");
        }
        assertEquals(Color.WHITE.getRGB(), mosaic.getRGB(700 + 350, band + 2 * tile + band + 350), "an empty cell stays white");
    }

    @Test
    void oneTilePerExperimentTheLowestSeeds() throws IOException {
        square("petal-mnist.b.seed3-e40.png", Color.RED);
        square("petal-mnist.b.seed2-e40.png", Color.GREEN); // b has seeds 2 and 3: seed 2's
        square("petal-mnist.a.seed2-e40.png", Color.BLUE);
        square("petal-mnist.a-e40.png", Color.ORANGE); // a has seed 1 (no seed part): its own
        square("petal-mnist.a.seed10-e40.png", Color.MAGENTA);
        assertEquals(List.of("petal-mnist.a-e40.png", "petal-mnist.b.seed2-e40.png"),
                PetalMosaic.petals(dir, "mnist", 40).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void oneTileStillTakesARowSoTheTitleFits() throws IOException {
        square("petal-mnist.a-e40.png", Color.RED);
        BufferedImage mosaic = PetalMosaic.write(dir, "mnist", 40, "t", dir.resolve("one.png")).orElseThrow();
        assertEquals(2 * 700, mosaic.getWidth());
        assertEquals(36 + 36 + 700, mosaic.getHeight());
    }

    @Test
    void aTileIsCaptionedWithItsRunsHeadSeedAndNetwork() {
        assertEquals("arcface(s=10,m=20deg), seed 2",
                PetalMosaic.caption("fashion_mnist.softmax.weight_decay1e-3.feature2.arcface.scale10.margin20.seed2"));
        assertEquals("softmax(bias=false), seed 1", PetalMosaic.caption("mnist.softmax.weight_decay1e-3.feature2"));
        assertEquals("normweight+ringloss(lambda=0.1,form=abs), seed 1, network writeup-narrow",
                PetalMosaic.caption("fashion_mnist.normweight+ringloss-lambda0.1-formabs.weight_decay1e-3.feature2.net-writeup-narrow"));
        assertEquals("not.a-run", PetalMosaic.caption("not.a-run"), "a name the project does not read is shown as it is");
    }

    private static boolean hasDarkPixel(BufferedImage image, int x0, int y0, int width, int height) {
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 200) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void noPetalsNoFigure() {
        assertFalse(PetalMosaic.write(dir.resolve("absent"), "mnist", 40, "t", dir.resolve("m.png")).isPresent());
        assertFalse(Files.exists(dir.resolve("m.png")));
    }
}
