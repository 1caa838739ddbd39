"""The decision log: every decision, its request and policy version, durable and replayable."""
