"""Extractors: turn a parsed source text into typed claims."""
