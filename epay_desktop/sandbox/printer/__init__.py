"""A receipt printer played by the sandbox (decision 0106): what the console sends a thermal printer,
turned back into paper, and a fake network printer that prints it and answers status requests.

* :mod:`.interpreter`: :func:`render_escpos` / :class:`Interpreter`, ESC/POS bytes -> a 1-bit image of
  the head's width, the text of each printed line, the cuts; :class:`EscPosError` for what it does not
  know (strict mode).
* :mod:`.server`: :class:`FakePrinter`, a TCP server (port 9100 on a real printer) printing through the
  interpreter, answering ``DLE EOT n``, told to run out of paper, open its cover, go offline, stay
  silent or drop the connection.

Pillow loads with the interpreter, not with this package.
"""

from __future__ import annotations
