"""Newsroom reports: what the checks find, which rules editors trust, where drafts wait (issue 13)."""
