"""Practice mode's windows: a simulated patient, the answer, the feedback, the supervisor."""
