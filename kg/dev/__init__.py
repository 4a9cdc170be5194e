"""Tools for developing and testing kg: a synthetic corpus with its known truth."""
