package nn.app.parallel;

/** A plugin jar sent to the workers: its file name and content. */
public record ShippedJar(String name, byte[] content) {
}
