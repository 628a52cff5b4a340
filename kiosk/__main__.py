"""``python -m kiosk`` runs the same command line as ``gyeonggi-kiosk``."""

from kiosk.start import main

if __name__ == "__main__":
    main()
