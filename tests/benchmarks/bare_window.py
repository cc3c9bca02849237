"""Baseline process: a bare PySide6 QMainWindow shown, then the process quits."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
