module nn.optim { requires nn.api; exports nn.optim; }
