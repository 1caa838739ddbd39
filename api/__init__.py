"""The HTTP API for trading platforms (FastAPI): transports decisions, holds no legal logic."""
