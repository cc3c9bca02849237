"""Interchange formats: the FHIR document of an assessment (no Qt, no storage)."""
