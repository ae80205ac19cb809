package nn.optim; class Placeholder {}
