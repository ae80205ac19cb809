package nn.testkit; class Placeholder {}
