"""tidings: verifiable political event data from news pages."""
__version__ = "0.1.0"
