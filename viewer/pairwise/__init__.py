"""The pairwise comparison: align two articles' sentences, diff each pair, classify the drift."""
