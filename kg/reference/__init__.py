"""Reference tables, as data: organisations of every level and their names through the reforms, their functions,
the divisions and jurisdictions they belong to, document-number prefixes, collective actors, places."""
