package nn.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/** Reading what runs wrote, for comparing a run on Spark with the same run here. */
final class RunFiles {

    private RunFiles() {
    }

    /** An entry of the run's model.zip, e.g. {@code weights.bin}. */
    static byte[] modelEntry(Path run, String name) throws IOException {
        try (ZipFile zip = new ZipFile(run.resolve("model.zip").toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /** A CSV's rows without the columns of times (seconds, overheads), which differ between any two runs. */
    static List<String> withoutTimes(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        return lines.stream().map(line -> {
            String[] cells = line.split(",", -1);
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).contains("second") || header.get(c).contains("overhead")) {
                    cells[c] = "";
                }
            }
            return String.join(",", cells);
        }).toList();
    }
}
