package org.softmaxzoo.cli;

import java.util.Locale;
import org.softmaxzoo.graph.Device;
import picocli.CommandLine.Option;

/** The {@code --device} option of the commands that build graphs. */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", description = "auto (a GPU if TensorFlow sees one), cpu, or gpu "
            + "(refused when no GPU is visible; needs the -Pgpu build). Default: ${DEFAULT-VALUE}")
    String device;

    /** Selects the device for every graph this process builds; called before anything is trained or written. */
    void apply() {
        Device d = Device.parse(device);
        System.setProperty(Device.PROPERTY, d.name().toLowerCase(Locale.ROOT));
        d.check();
    }
}
