"""Build benchmark: a synthetic corpus of briefs, a plain-Material baseline, and the runner."""
