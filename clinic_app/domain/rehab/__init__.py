"""The patient's rehab plan: exercise library, plan model, builder and handout content."""
