package nn.app;

/** Entry point of the launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("nn");
    }
}
