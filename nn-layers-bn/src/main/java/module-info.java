module nn.layers.bn { requires nn.api; exports nn.layers.bn; }
