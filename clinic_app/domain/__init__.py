"""Pure domain: the patient, the assessment document, scores, derived values and rules.

Nothing here touches Qt, SQL, PDF, files or the clock.
"""
