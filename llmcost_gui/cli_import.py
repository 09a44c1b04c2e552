"""placeholder"""


def register(subparsers) -> None:
    """Add import-model."""
