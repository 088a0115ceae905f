package org.softmaxzoo.cli;

import java.nio.file.Path;
import org.softmaxzoo.data.DataRoot;
import org.softmaxzoo.data.Datasets;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by the commands that load data sets. */
final class DataOption {
    @Option(names = "--data", description = "Data root with mnist/ and fashion-mnist/ (default: $SOFTMAX_ZOO_DATA, else ~/.cache/softmax-zoo/data; then " + Datasets.SYSTEM_FOLDER + "; missing files are downloaded into it)")
    Path data;

    @Option(names = "--allow-unofficial-data", description = "Use data files whose content is not the official one "
            + "(refused by default; each run records the files' SHA-256 and data.official=false)")
    boolean allowUnofficial;

    Datasets datasets() {
        Datasets official = new Datasets(DataRoot.resolve(data));
        return allowUnofficial ? official.acceptingUnofficial() : official;
    }
}
