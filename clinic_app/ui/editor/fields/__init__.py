"""One input widget per kind of finding, all speaking the ``FieldWidget`` interface."""
