"""``python -m mapper`` runs the command line."""

from mapper.cli import main

main()
