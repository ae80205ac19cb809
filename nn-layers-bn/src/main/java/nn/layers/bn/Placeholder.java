package nn.layers.bn; class Placeholder {}
