"""Reading, validating and loading party deliveries into the graph."""
