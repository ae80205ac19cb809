package nn.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import nn.api.Config;
import nn.api.Dataset;
import nn.api.DatasetProvider;
import nn.api.NnException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistProviderTest {
    @TempDir
    Path tmp;
    DataLocator locator;
    final Fetcher fetcher = mock(Fetcher.class);

    @BeforeEach
    void fakeMachine() {
        locator = new DataLocator(Map.of(), tmp.resolve("home"), tmp.resolve("system"));
    }

    private Dataset create(Map<String, ?> config) {
        return new FashionMnistProvider(locator, fetcher).create(Config.of("dataset fashion_mnist", config));
    }

    @Test
    void isFoundByServiceLoaderUnderItsNames() {
        // The test code runs inside nn.data.fashionmnist, which itself provides but does not use the service.
        getClass().getModule().addUses(DatasetProvider.class);

        DatasetProvider provider = ServiceLoader.load(DatasetProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("fashion_mnist")).findFirst().orElseThrow();

        assertEquals(List.of("fashion-mnist", "FashionMNIST"), provider.aliases());
    }

    @Test
    void readsAnExplicitFolder() {
        Path folder = IdxTestFiles.completeFolder(tmp.resolve("data"));

        Dataset ds = create(Map.of("data_dir", folder.toString()));

        assertEquals(3, ds.trainFeatures().rows());
        assertEquals(2, ds.testFeatures().rows());
        assertEquals(10, ds.classNames().size());
        assertEquals("Ankle boot", ds.classNames().get(9));
        verify(fetcher, never()).fetch(any());
    }

    @Test
    void limitKeepsTheFirstTrainingImages() {
        IdxTestFiles.completeFolder(locator.cacheDir());

        Dataset ds = create(Map.of("limit", 2));

        assertEquals(2, ds.trainFeatures().rows());
        assertEquals(2, ds.testFeatures().rows());
    }

    @Test
    void badLimitNamesTheKey() {
        NnException e = assertThrows(NnException.class, () -> create(Map.of("limit", 0)));

        assertEquals("dataset fashion_mnist: 'limit' must be a positive integer, got 0", e.getMessage());
    }

    @Test
    void fetchesIntoTheCacheWhenNoFolderHasTheData() {
        when(fetcher.fetch(locator.cacheDir())).thenAnswer(call -> IdxTestFiles.completeFolder(call.getArgument(0)));

        Dataset ds = create(Map.of());

        assertEquals(3, ds.trainFeatures().rows());
        verify(fetcher).fetch(locator.cacheDir());
    }

    @Test
    void downloadFalseNeverFetchesAndSaysHowToGetTheData() {
        NnException e = assertThrows(NnException.class, () -> create(Map.of("download", false)));

        verify(fetcher, never()).fetch(any());
        assertTrue(e.getMessage().contains("Fashion-MNIST data not found"), e.getMessage());
        assertTrue(e.getMessage().contains("downloading is off"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install"), e.getMessage());
    }

    @Test
    void explicitFolderWithoutDataIsAnErrorEvenWhenDownloadIsAllowed() {
        Path empty = tmp.resolve("empty");

        NnException e = assertThrows(NnException.class, () -> create(Map.of("data_dir", empty.toString())));

        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        verify(fetcher, never()).fetch(any());
    }
}
