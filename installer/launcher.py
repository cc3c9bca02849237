"""Entry script of the frozen bundle: the same ``main`` as the ``clinic-app`` console script."""

from clinic_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
