"""`python -m rareinfo` runs the command line."""

from rareinfo.cli import main

main()
