package nn.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir
    Path tmp;
    Path home;
    Path system;
    Path fromEnv;
    Path explicit;

    @BeforeEach
    void folders() {
        home = tmp.resolve("home");
        system = tmp.resolve("system");
        fromEnv = tmp.resolve("env");
        explicit = tmp.resolve("explicit");
    }

    private DataLocator locator(Map<String, String> env) {
        return new DataLocator(env, home, system);
    }

    @Test
    void cacheIsUnderTheHomeFolder() {
        assertEquals(home.resolve(".nn/datasets/fashion-mnist"), locator(Map.of()).cacheDir());
    }

    @Test
    void looksInOrderEnvThenCacheThenSystem() {
        DataLocator locator = locator(Map.of("NN_DATA_DIR", fromEnv.toString()));
        assertEquals(Optional.empty(), locator.locate(null));

        IdxTestFiles.completeFolder(system);
        assertEquals(Optional.of(system), locator.locate(null));

        IdxTestFiles.completeFolder(locator.cacheDir());
        assertEquals(Optional.of(locator.cacheDir()), locator.locate(null));

        IdxTestFiles.completeFolder(fromEnv);
        assertEquals(Optional.of(fromEnv), locator.locate(null));
    }

    @Test
    void envFolderMayHoldAFashionMnistSubfolder() {
        IdxTestFiles.completeFolder(fromEnv.resolve("fashion-mnist"));
        IdxTestFiles.completeFolder(system);

        assertEquals(Optional.of(fromEnv.resolve("fashion-mnist")),
                locator(Map.of("NN_DATA_DIR", fromEnv.toString())).locate(null));
    }

    @Test
    void incompleteFoldersAreSkipped() throws Exception {
        IdxTestFiles.completeFolder(fromEnv);
        Files.delete(fromEnv.resolve(FashionMnist.TEST_LABELS));
        IdxTestFiles.completeFolder(system);

        assertEquals(Optional.of(system), locator(Map.of("NN_DATA_DIR", fromEnv.toString())).locate(null));
    }

    @Test
    void explicitFolderWinsOverEverything() {
        IdxTestFiles.completeFolder(explicit);
        IdxTestFiles.completeFolder(fromEnv);

        assertEquals(Optional.of(explicit), locator(Map.of("NN_DATA_DIR", fromEnv.toString())).locate(explicit));
    }

    @Test
    void explicitFolderWithoutTheFilesIsAnErrorNotAFallback() throws Exception {
        IdxTestFiles.completeFolder(explicit);
        Files.delete(explicit.resolve(FashionMnist.TRAIN_LABELS));
        Files.delete(explicit.resolve(FashionMnist.TEST_IMAGES));
        IdxTestFiles.completeFolder(system);

        NnException e = assertThrows(NnException.class, () -> locator(Map.of()).locate(explicit));

        assertTrue(e.getMessage().contains(explicit.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("lacks " + FashionMnist.TRAIN_LABELS + ", " + FashionMnist.TEST_IMAGES),
                e.getMessage());
    }

    @Test
    void explicitFolderThatDoesNotExist() {
        NnException e = assertThrows(NnException.class, () -> locator(Map.of()).locate(explicit));

        assertTrue(e.getMessage().contains(explicit + " does not exist"), e.getMessage());
    }

    @Test
    void aDataFileGivenAsTheFolder() throws Exception {
        IdxTestFiles.completeFolder(explicit);
        Path file = explicit.resolve(FashionMnist.TRAIN_IMAGES);
        NnException e = assertThrows(NnException.class, () -> locator(Map.of()).locate(file));

        assertEquals("data folder " + file + " is a file, not a folder: give the folder that holds "
                + String.join(", ", FashionMnist.FILES), e.getMessage());
    }

    @Test
    void aFolderNamedLikeADataFileIsNotReportedMissing() throws Exception {
        IdxTestFiles.completeFolder(explicit);
        Files.delete(explicit.resolve(FashionMnist.TEST_LABELS));
        Files.createDirectory(explicit.resolve(FashionMnist.TEST_LABELS));
        NnException e = assertThrows(NnException.class, () -> locator(Map.of()).locate(explicit));

        assertEquals("data folder " + explicit + ": " + FashionMnist.TEST_LABELS + " is a folder, not a data file", e.getMessage());
    }

    @Test
    void candidatesListEveryPlaceInOrder() {
        assertEquals(List.of(fromEnv, fromEnv.resolve("fashion-mnist"), home.resolve(".nn/datasets/fashion-mnist"), system),
                locator(Map.of("NN_DATA_DIR", fromEnv.toString())).candidates());
        assertEquals(List.of(home.resolve(".nn/datasets/fashion-mnist"), system), locator(Map.of()).candidates());
    }
}
