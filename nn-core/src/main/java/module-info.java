module nn.core { requires transitive nn.api; exports nn.core; }
