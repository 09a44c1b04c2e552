"""LLM Cost Workbench: GPU count, days and money for training, fine-tuning and serving LLMs."""

__version__ = "0.1.0"
