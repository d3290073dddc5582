"""``Qt`` (the namespace of Qt's enums) for modules imported before the first paint.

PySide6 builds every enum of the ``Qt`` namespace (about ninety) as a Python enum the
first time the namespace is read, which takes ~15 ms, a tenth of the whole start-up.
The main window's module is imported before the window first paints but reads ``Qt``
only in its methods, after that paint; it imports this stand-in, which hands every
attribute read on to the real namespace (building it on the first read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import Qt as Qt
else:

    class _Qt:
        """Reads from PySide6's ``Qt`` namespace, which is built on the first read."""

        __slots__ = ()

        def __getattr__(self, name: str) -> Any:
            from PySide6.QtCore import Qt

            return getattr(Qt, name)

        def __repr__(self) -> str:
            return "<Qt namespace, built on first use>"

    Qt = _Qt()
