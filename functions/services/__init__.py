"""Workflow logic: submissions, review routing and decisions, uploads, debarments, certificates."""
