"""The HTTP API: one Powertools `APIGatewayHttpResolver`, its routes in `routes/`, errors mapped in `errors.py`."""
