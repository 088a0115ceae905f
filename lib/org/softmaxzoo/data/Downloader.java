package org.softmaxzoo.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Fetches a missing {@code .gz} file from the data set's official hosts and checks its published MD5. */
public final class Downloader {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final java.util.function.Function<DatasetKind, List<String>> hosts;

    /** Downloads from the data sets' official hosts. */
    public Downloader() {
        this(kind -> kind.hosts);
    }

    /** Downloads from other hosts (a mirror, or a local server in tests); the published MD5 is still required. */
    public Downloader(java.util.function.Function<DatasetKind, List<String>> hosts) {
        this.hosts = hosts;
    }

    /** Downloads {@code part} of {@code kind} to {@code target} (a {@code .gz} path); nothing is left behind on failure. */
    public void download(DatasetKind kind, DatasetKind.Part part, Path target) {
        List<String> failures = new ArrayList<>();
        for (String host : hosts.apply(kind)) {
            String url = host + part.fileName + ".gz";
            try {
                byte[] body = fetch(url);
                String md5 = md5(body);
                if (!md5.equals(kind.md5(part))) {
                    failures.add(url + ": MD5 " + md5 + " differs from the published " + kind.md5(part));
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), part.fileName, ".part");
                Files.write(tmp, body);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (IOException e) {
                failures.add(url + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(url + ": interrupted");
                break;
            }
        }
        throw new DataException(target + ": file missing and could not be downloaded (" + String.join("; ", failures)
                + "). Copy the four IDX files of " + kind.folder + " there, or point --data / "
                + DataRoot.ENV + " at a folder that has them.");
    }

    private byte[] fetch(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return in.readAllBytes();
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not available", e);
        }
    }
}
