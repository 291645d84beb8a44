"""Route groups; each module holds one `router`."""
