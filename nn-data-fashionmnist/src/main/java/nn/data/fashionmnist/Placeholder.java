package nn.data.fashionmnist; class Placeholder {}
