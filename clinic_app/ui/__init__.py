"""The PySide6 desktop GUI: thin widgets that render state, presenters that call services."""
