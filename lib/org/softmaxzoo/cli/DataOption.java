package org.softmaxzoo.cli;

import java.nio.file.Path;
import org.softmaxzoo.data.DataRoot;
import org.softmaxzoo.data.Datasets;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by the commands that load data sets. */
final class DataOption {
    @Option(names = "--data", description = "Data root with mnist/ and fashion-mnist/ (default: $SOFTMAX_ZOO_DATA, else ~/.cache/softmax-zoo/data)")
    Path data;

    Datasets datasets() {
        return new Datasets(DataRoot.resolve(data));
    }
}
