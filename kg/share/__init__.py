"""Sharing: views of the networks as safe offline HTML pages, static figures, and files for Gephi."""
