"""Add or change one receipt printer (Settings > Receipt printers…, decision 0109).

The form asks what a manager knows: a name, how the printer is reached (a network address and port,
a USB vendor and product id, a serial port and its speed, a CUPS queue or a device file), the roll,
how text is printed and the cutter. What is wrong is said under it while OK waits (an empty host, a
host that is not an address, a USB id that is not four hexadecimal digits); the profile is the
:class:`~epay_desktop.receipts.printers.PrinterProfile` the printing service keeps. Editing keeps
what calibration chose (the code page and its slot) unless the roll or the mode is changed here.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.receipts.escpos_profile import Cutter
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.receipts.printers import PrinterProfile
from epay_desktop.receipts.printers import Transport
from epay_desktop.receipts.printers import TransportKind
from epay_desktop.services.printing import paper_width
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.buttons import dialog_buttons
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.work_dialog import WorkDialog
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = ["CUTTERS", "MODES", "PAPERS", "TRANSPORTS", "PrinterForm", "host_problem", "label_of", "paper_of"]

_C = "PrintersDialog"
TRANSPORTS = (
    (TransportKind.NETWORK, QT_TRANSLATE_NOOP("PrintersDialog", "Network (TCP port 9100)")),
    (TransportKind.USB, QT_TRANSLATE_NOOP("PrintersDialog", "USB")),
    (TransportKind.SERIAL, QT_TRANSLATE_NOOP("PrintersDialog", "Serial port (COM)")),
    (TransportKind.CUPS, QT_TRANSLATE_NOOP("PrintersDialog", "System queue (CUPS, raw)")),
    (TransportKind.FILE, QT_TRANSLATE_NOOP("PrintersDialog", "Device file")),
)
PAPERS = (
    ("80", QT_TRANSLATE_NOOP("PrintersDialog", "80 mm roll")),
    ("58", QT_TRANSLATE_NOOP("PrintersDialog", "58 mm roll")),
)
MODES = (
    (TextMode.RASTER, QT_TRANSLATE_NOOP("PrintersDialog", "Image (always right, slower)")),
    (TextMode.KZ1048, QT_TRANSLATE_NOOP("PrintersDialog", "Text in KZ-1048 (Kazakh code page)")),
    (TextMode.HYBRID, QT_TRANSLATE_NOOP("PrintersDialog", "Text in cp866/cp1251, Kazakh lines as images")),
)
CUTTERS = (
    (Cutter.PARTIAL, QT_TRANSLATE_NOOP("PrintersDialog", "Partial cut")),
    (Cutter.FULL, QT_TRANSLATE_NOOP("PrintersDialog", "Full cut")),
    (Cutter.NONE, QT_TRANSLATE_NOOP("PrintersDialog", "No cutter")),
)
BAUDS = (9600, 19200, 38400, 57600, 115200)
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")
_HEX_ID = re.compile(r"[0-9A-Fa-f]{4}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def label_of(items: Sequence[tuple[str, str]], code: str) -> str:
    """The translated label of ``code`` among ``items`` (the code itself when it is not there)."""
    return next((_tr(label) for value, label in items if value == code), code)


def _combo(items: Sequence[tuple[str, str]], name: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for code, label in items:
        combo.addItem(_tr(label), str(code))
    return combo


def host_problem(host: str) -> str:
    """What is wrong with a network printer's host as typed ("" when it is fine)."""
    if not host:
        return _tr("Enter the printer's network address, like 192.168.1.50.")
    if ":" in host:
        return _tr("Type the port in its own field, not after the address.")
    if re.fullmatch(r"[0-9.]+", host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return _tr("{host} is not an IP address: four numbers from 0 to 255 with dots between.").format(
                host=host
            )
    elif not _HOST.fullmatch(host):
        return _tr("{host} is not a network address: use letters, digits, dots and dashes.").format(host=host)
    return ""


class PrinterForm(WorkDialog[PrinterProfile]):
    """Build it with the printer to change (None: a new one); :meth:`answer` gives the saved profile.
    ``save`` is called with the profile and whether it becomes this register's default."""

    def __init__(
        self,
        parent: QWidget | None,
        printer: PrinterProfile | None,
        *,
        is_default: bool,
        save: Callable[[PrinterProfile, bool], Awaitable[object]],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printer_form")
        self.setWindowTitle(_tr("Receipt printer") if printer is None else printer.name)
        self.setMinimumWidth(480)
        self._printer, self._save = printer, save
        self.name_edit = named(QLineEdit(printer.name if printer else ""), "printer_name_edit")
        self.name_edit.setMaxLength(40)
        self.name_edit.setReadOnly(printer is not None)  # the name is how receipts find it
        self.name_edit.setPlaceholderText(_tr("e.g. Counter 1"))
        self.kind_combo = _combo(TRANSPORTS, "transport_combo")
        self.host_edit = named(QLineEdit(), "host_edit")
        self.host_edit.setPlaceholderText("192.168.1.50")
        self.port_spin = named(QSpinBox(), "port_spin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(9100)
        hex_id = QRegularExpressionValidator(QRegularExpression("[0-9A-Fa-f]{0,4}"))
        self.vendor_edit = named(QLineEdit(), "vendor_edit")
        self.product_edit = named(QLineEdit(), "product_edit")
        for edit, example in ((self.vendor_edit, "0416"), (self.product_edit, "5011")):
            edit.setValidator(hex_id)
            edit.setPlaceholderText(example)
        self.serial_edit = named(QLineEdit(), "serial_edit")
        self.serial_edit.setPlaceholderText("/dev/ttyUSB0, COM3")
        self.baud_combo = named(QComboBox(), "baud_combo")
        for baud in BAUDS:
            self.baud_combo.addItem(str(baud), baud)
        self.queue_edit = named(QLineEdit(), "queue_edit")
        self.device_edit = named(QLineEdit(), "device_edit")
        self.device_edit.setPlaceholderText("/dev/usb/lp0")
        #: where each kind of printer is reached: rows of the one form (labels in one column), shown
        #: for the kind chosen; in the order of TRANSPORTS
        self.places: tuple[tuple[tuple[str, QWidget], ...], ...] = (
            ((_tr("Address"), self.host_edit), (_tr("Port"), self.port_spin)),
            ((_tr("Vendor id"), self.vendor_edit), (_tr("Product id"), self.product_edit)),
            ((_tr("Port"), self.serial_edit), (_tr("Speed (baud)"), self.baud_combo)),
            ((_tr("Queue"), self.queue_edit),),
            ((_tr("Device"), self.device_edit),),
        )
        self.paper_combo = _combo(PAPERS, "paper_combo")
        self.mode_combo = _combo(MODES, "mode_combo")
        self.cutter_combo = _combo(CUTTERS, "cutter_combo")
        self.default_check = named(QCheckBox(_tr("This register's default receipt printer")), "default_check")
        self.default_check.setChecked(is_default)
        self.form = form = QFormLayout()
        form.addRow(_tr("Name"), self.name_edit)
        form.addRow(_tr("Connected by"), self.kind_combo)
        for rows in self.places:
            for label, field in rows:
                form.addRow(label, field)
        if printer is not None:
            self._show(printer)
        self._show_place()
        form.addRow(_tr("Paper"), self.paper_combo)
        form.addRow(_tr("Printing"), self.mode_combo)
        form.addRow(_tr("Cutter"), self.cutter_combo)
        form.addRow(self.default_check)
        buttons: QDialogButtonBox
        buttons, self.ok_button = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Cancel, _tr("Save"), "save_printer_button", self.submit
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self._show_place)
        for edit in self.findChildren(QLineEdit):  # every field typed in says at once what is wrong
            edit.textChanged.connect(self.update_state)
        self.kind_combo.currentIndexChanged.connect(self.update_state)
        self.update_state()

    def _show(self, printer: PrinterProfile) -> None:
        transport = printer.transport
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(transport.kind.value))
        first, second = transport.target()
        if transport.kind is TransportKind.NETWORK:
            self.host_edit.setText(str(first))
            self.port_spin.setValue(second)
        elif transport.kind is TransportKind.USB:
            self.vendor_edit.setText(f"{first:04x}")
            self.product_edit.setText(f"{second:04x}")
        elif transport.kind is TransportKind.SERIAL:
            self.serial_edit.setText(str(first))
            index = self.baud_combo.findData(second)
            if index < 0:
                self.baud_combo.addItem(str(second), second)
                index = self.baud_combo.count() - 1
            self.baud_combo.setCurrentIndex(index)
        else:
            self._named_place(transport.kind).setText(transport.address)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper_of(printer)))
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(printer.render.mode.value))
        self.cutter_combo.setCurrentIndex(self.cutter_combo.findData(printer.render.cutter.value))

    def _show_place(self) -> None:
        """Only the rows of the kind of printer chosen."""
        chosen = self.kind_combo.currentIndex()
        for index, rows in enumerate(self.places):
            for _label, field in rows:
                self.form.setRowVisible(field, index == chosen)
        self._fit()

    def _fit(self) -> None:
        """As tall as what is shown: no gap where a row or the line saying what is wrong was."""
        layout = self.layout()
        if layout is None:  # still being built
            return
        layout.activate()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        self.resize(self.width(), max(height, layout.totalMinimumSize().height()))

    def kind(self) -> TransportKind:
        return TransportKind(self.kind_combo.currentData())

    def address(self) -> str:
        """The transport's address as :class:`Transport` takes it."""
        kind = self.kind()
        if kind is TransportKind.NETWORK:
            return f"{self.host_edit.text().strip()}:{self.port_spin.value()}"
        if kind is TransportKind.USB:
            return f"{self.vendor_edit.text().strip()}:{self.product_edit.text().strip()}"
        if kind is TransportKind.SERIAL:
            return f"{self.serial_edit.text().strip()}@{self.baud_combo.currentData()}"
        return self._named_place(kind).text().strip()

    def _named_place(self, kind: TransportKind) -> QLineEdit:
        """The field naming a serial port, a CUPS queue or a device file."""
        where = {TransportKind.SERIAL: self.serial_edit, TransportKind.CUPS: self.queue_edit}
        return where.get(kind, self.device_edit)

    def problem(self) -> str:
        name = self.name_edit.text().strip()
        if not name:
            return _tr("Enter the printer's name.")
        if "/" in name or "\\" in name:
            return _tr("A printer's name has no slashes.")
        kind = self.kind()
        if kind is TransportKind.NETWORK:
            return host_problem(self.host_edit.text().strip())
        if kind is TransportKind.USB:
            ids = (self.vendor_edit.text().strip(), self.product_edit.text().strip())
            if not all(_HEX_ID.fullmatch(i) for i in ids):
                return _tr(
                    "The USB vendor and product ids are four hexadecimal digits each, like 0416 and 5011 "
                    "(lsusb or the Device Manager shows them)."
                )
            return ""
        if self._named_place(kind).text().strip():
            return ""
        return {
            TransportKind.SERIAL: _tr("Enter the serial port, like /dev/ttyUSB0 or COM3."),
            TransportKind.CUPS: _tr("Enter the name of the printer's raw CUPS queue."),
        }.get(kind, _tr("Enter the printer's device file, like /dev/usb/lp0."))

    def update_state(self) -> None:
        shown = self.hint_label.isVisibleTo(self)
        self.enable_if_valid(self.ok_button, self.problem())
        if self.hint_label.isVisibleTo(self) != shown:
            self._fit()

    def profile(self) -> PrinterProfile:
        """The printer as the form says; raises PrinterError (a name or an address it refuses)."""
        paper, mode = str(self.paper_combo.currentData()), TextMode(self.mode_combo.currentData())
        cutter = Cutter(self.cutter_combo.currentData())
        old = self._printer
        if old is not None and paper_of(old) == paper and old.render.mode is mode:
            render = replace(old.render, cutter=cutter)  # what calibration chose stays
        else:
            render = render_profile(paper, mode, cutter=cutter)
        transport = Transport.parse(f"{self.kind().value}:{self.address()}")
        return PrinterProfile(self.name_edit.text().strip(), transport, render, old.status if old else True)

    async def work(self) -> None:
        try:
            printer = self.profile()
            await self._save(printer, self.default_check.isChecked())
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            self.show_error(message)
            return
        finally:
            self.work_ended()
        self.close_with(printer)


def paper_of(printer: PrinterProfile) -> str:
    return paper_width(printer).value
