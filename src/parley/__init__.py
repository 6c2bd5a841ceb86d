"""parley: news coverage of a political conflict turned into a verifiable record."""

__version__ = "0.1.0"
