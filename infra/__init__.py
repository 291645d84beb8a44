"""Deployment (SAM template) and the local stand-in for API Gateway + AWS."""
