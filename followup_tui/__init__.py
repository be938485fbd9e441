"""followup: who do I follow up with today, how, and what do I say?"""

__version__ = "0.1.0"
