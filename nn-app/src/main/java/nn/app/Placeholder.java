package nn.app; class Placeholder {}
