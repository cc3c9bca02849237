"""The episode of care: a patient's visits from the first assessment to discharge."""
