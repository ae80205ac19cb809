package nn.app.report; final class Placeholder {}
