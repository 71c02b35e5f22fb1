"""Sources: reading inputs into `Source` objects, and the date each is read against."""
