"""``python -m kiosk`` runs the same command line as ``gyeonggi-kiosk``."""

from kiosk.cli import main

if __name__ == "__main__":
    main()
