"""Practice mode for students: teaching cases with a hidden key, attempts and their grading.

Pure like the rest of the domain: the case format, the simulated patient's reveal and the
grader are functions over pydantic models; storage, clock and files live elsewhere.
"""
