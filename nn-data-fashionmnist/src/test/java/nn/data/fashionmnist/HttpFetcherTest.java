package nn.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nn.api.NnException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFetcherTest {
    @TempDir
    Path tmp;
    HttpServer server;
    URI baseUrl;
    final Map<String, byte[]> served = new HashMap<>();
    final Map<String, Set<String>> checksums = new HashMap<>();
    final List<String> requested = new CopyOnWriteArrayList<>();
    volatile String cutOff;

    @BeforeEach
    void startLoopbackServer() throws IOException {
        Path source = IdxTestFiles.completeFolder(tmp.resolve("source"));
        for (String name : FashionMnist.FILES) {
            served.put(name, Files.readAllBytes(source.resolve(name)));
            checksums.put(name, Set.of(VerifiedFiles.sha256(source.resolve(name))));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/data/".length());
            requested.add(name);
            byte[] body = served.get(name);
            if (name.equals(cutOff)) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body, 0, body.length / 2);
                exchange.close(); // the connection drops mid-body
                return;
            }
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpFetcher fetcher() {
        return new HttpFetcher(baseUrl, checksums, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void saysWhatItDownloadsWithItsProgress() {
        Path cache = tmp.resolve("cache");
        StringBuilder told = new StringBuilder();
        new HttpFetcher(baseUrl, checksums, Duration.ofSeconds(5), Duration.ofSeconds(5), told::append).fetch(cache);
        List<String> lines = told.toString().lines().toList();
        assertEquals(4, lines.size(), told::toString);
        assertEquals("downloading " + baseUrl.resolve(FashionMnist.TRAIN_IMAGES) + " into " + cache + ": 0 MB 10% 20% 30% 40% 50%"
                + " 60% 70% 80% 90% 100%", lines.get(0));
    }

    @Test
    void downloadsAllFourFilesIntoTheCache() throws IOException {
        Path cache = tmp.resolve("home/.nn/datasets/fashion-mnist");

        Path folder = fetcher().fetch(cache);

        assertEquals(cache, folder);
        assertEquals(List.of(), FashionMnist.missingIn(cache));
        for (String name : FashionMnist.FILES) {
            assertArrayEquals(served.get(name), Files.readAllBytes(cache.resolve(name)));
        }
        assertEquals(3, FashionMnistReader.read(cache, Integer.MAX_VALUE).trainLabels().numRows);
        assertEquals(List.of(), partFiles(cache));
    }

    @Test
    void keepsFilesAlreadyInTheCache() throws IOException {
        Path cache = tmp.resolve("cache");
        IdxTestFiles.write(cache.resolve(FashionMnist.TRAIN_IMAGES), served.get(FashionMnist.TRAIN_IMAGES));

        fetcher().fetch(cache);

        assertEquals(List.of(FashionMnist.TRAIN_LABELS, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS), requested);
    }

    @Test
    void wrongChecksumRejectsTheFileAndLeavesNothing() throws IOException {
        checksums.put(FashionMnist.TRAIN_IMAGES, Set.of("0".repeat(64)));
        Path cache = tmp.resolve("cache");

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(cache));

        assertTrue(e.getMessage().contains(baseUrl.resolve(FashionMnist.TRAIN_IMAGES).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256 mismatch for " + FashionMnist.TRAIN_IMAGES), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + "0".repeat(64)), e.getMessage());
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.toList(), "nothing left in the cache");
        }
    }

    @Test
    void interruptedDownloadLeavesNoFile() throws IOException {
        cutOff = FashionMnist.TRAIN_IMAGES;
        Path cache = tmp.resolve("cache");

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(cache));

        assertTrue(e.getMessage().contains(baseUrl.resolve(FashionMnist.TRAIN_IMAGES).toString()), e.getMessage());
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.toList(), "nothing left in the cache");
        }
    }

    @Test
    void httpErrorNamesTheUrlAndStatus() {
        served.remove(FashionMnist.TEST_LABELS);
        Path cache = tmp.resolve("cache");

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(cache));

        assertTrue(e.getMessage().contains(baseUrl.resolve(FashionMnist.TEST_LABELS) + ": HTTP status 404"), e.getMessage());
        assertFalse(Files.exists(cache.resolve(FashionMnist.TEST_LABELS)));
    }

    @Test
    void unreachableServerIsAnErrorNamingTheUrl() {
        server.stop(0);

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(tmp.resolve("cache")));

        assertTrue(e.getMessage().contains(baseUrl.resolve(FashionMnist.TRAIN_IMAGES) + ": download failed"), e.getMessage());
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".part")).toList();
        }
    }
}
