package nn.data.fashionmnist;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import nn.api.IoProblem;
import nn.api.NnException;

/** Downloads the missing files over HTTP(S) into the cache, each checked against its SHA-256. */
public final class HttpFetcher implements Fetcher {
    /**
     * Where Zalando Research publishes the files. It is an S3 website endpoint, which serves plain
     * HTTP only; the pinned SHA-256 protects the content.
     */
    public static final URI ORIGINAL_URL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    /** The same files in the project's GitHub repository, over HTTPS. */
    public static final URI GITHUB_URL =
            URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/");

    private final URI baseUrl;
    private final Map<String, Set<String>> acceptedSha256;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final FetchLog log;
    private HttpClient client;

    /**
     * @param baseUrl ends with {@code /}; the file names are resolved against it
     * @param log     told each download and its progress
     */
    public HttpFetcher(URI baseUrl, Map<String, Set<String>> acceptedSha256, Duration connectTimeout, Duration timeout,
            FetchLog log) {
        this.baseUrl = baseUrl;
        this.acceptedSha256 = Map.copyOf(acceptedSha256);
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.log = log;
    }

    public HttpFetcher(URI baseUrl, Map<String, Set<String>> acceptedSha256, Duration connectTimeout, Duration timeout) {
        this(baseUrl, acceptedSha256, connectTimeout, timeout, FetchLog.NONE);
    }

    public HttpFetcher(URI baseUrl, FetchLog log) {
        this(baseUrl, Checksums.KNOWN, Duration.ofSeconds(20), Duration.ofMinutes(10), log);
    }

    @Override
    public String description() {
        return "download from " + baseUrl;
    }

    @Override
    public Path fetch(Path cacheDir) {
        for (String name : FashionMnist.FILES) {
            Path target = cacheDir.resolve(name);
            if (!Files.isRegularFile(target)) {
                download(baseUrl.resolve(name), target);
            }
        }
        return cacheDir;
    }

    /** Built on first use: a provider is created whenever plugins are discovered, mostly never to download. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    private void download(URI url, Path target) {
        log.text("downloading " + url + " into " + target.getParent() + ":");
        try {
            get(url, target);
        } finally {
            log.line("");
        }
    }

    private void get(URI url, Path target) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new NnException(url + ": download failed: " + IoProblem.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NnException(url + ": download interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new NnException(url + ": HTTP status " + response.statusCode());
            }
            long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            log.text(size > 0 ? " " + (size + 500_000) / 1_000_000 + " MB" : "");
            VerifiedFiles.install(new ProgressInputStream(body, size, log), target,
                    acceptedSha256.get(target.getFileName().toString()), url.toString());
        } catch (IOException e) {
            throw new NnException(url + ": download failed: " + IoProblem.describe(e), e);
        }
    }
}
