"""Reference tables, as data: organisations and their names through the reforms, provinces, places."""
