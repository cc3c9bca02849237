"""PDF and plain-text renderings of the SOAP note and the rehab plan (ReportLab platypus)."""
