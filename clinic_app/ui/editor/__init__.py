"""The assessment editor: one page per exam section, every edit undoable and autosaved."""
