package nn.core; class Placeholder {}
