"""The SOAP note's content: a structured document built from the assessment (no PDF here)."""
