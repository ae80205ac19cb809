package nn.app.model; final class Placeholder {}
