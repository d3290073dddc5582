"""Bringing data in and taking it out: CSV/XLSX import, CSV/XLSX/JSON/ICS export.

Qt-free. Every failure is an :class:`InterchangeError` carrying a *code* (see
:mod:`salesdesk.core.interchange.errors`); the window and the CLI turn codes into text.
Heavy libraries (openpyxl, icalendar) are imported inside the functions that need them.
"""
