"""`python -m chronicle` runs the command line."""

from .cli import main

main()
