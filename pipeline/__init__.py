"""News fact extraction: articles in, a claims table of money amounts, percentages and counts out.

Stages, in the order an article passes through them:
ingest -> prepare -> annotate -> quantities -> linking -> claims -> outputs (composed by run).
"""

__version__ = "0.1.0"
