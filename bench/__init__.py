"""`make bench`: requests per second of a lesson page against a bare Django view."""
