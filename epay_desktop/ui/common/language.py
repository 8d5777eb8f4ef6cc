"""The interface language: Kazakh, Russian or English, switched live (docs/decisions/0045).

:func:`translations` is the application's one :class:`Translations`. It installs a translator that
answers every ``tr()``/``QCoreApplication.translate`` call from the chosen language's
``resources/i18n/epay_desktop_<kk|ru>.qm`` (found through :mod:`epay_desktop.resources`) and
remembers which English source each shown text came from; Qt's own ``qtbase_<lang>.qm`` (standard
buttons, the calendar) is installed beside it where PySide6 ships one. English is the source
language: no ``.qm``. :meth:`Translations.switch` installs the new language, sets the default
``QLocale`` (dates, weekdays, the calendar) and re-translates every open window: widgets that build
their texts from several parts do it in ``changeEvent(LanguageChange)``; every other text a widget
shows exactly as ``tr()`` returned it (labels, buttons, menus, actions, tooltips, placeholders, tabs,
combo items) is looked up again from its recorded source. Money never depends on the locale
(``Money.format``: ``1 234,56 ₸`` in all three).

Which language: the user's remembered choice (``ui.ini``, decision 0017), else the language used
last on this computer, else the system locale's (kk/ru/en), else Russian.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Final
from typing import NamedTuple

import shiboken6
from PySide6 import QtCore
from PySide6 import QtGui
from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLibraryInfo
from PySide6.QtCore import QLocale
from PySide6.QtCore import QObject
from PySide6.QtCore import QTranslator
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDoubleSpinBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QWidget

from epay_desktop.resources import ResourceMissingError
from epay_desktop.resources import translations_dir
from epay_desktop.ui.common.file_places import ui_settings
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "NATIVE_NAMES",
    "Translations",
    "current_language",
    "language_of_locale",
    "last_language",
    "on_language_change",
    "page_language",
    "remember_language",
    "remembered_language",
    "settle_language_after_login",
    "startup_language",
    "system_language",
    "translations",
]

log = logging.getLogger(__name__)

#: Kazakh, Russian, English: the order of the login screen's selector.
LANGUAGES: Final = ("kk", "ru", "en")
#: Each language's name in itself: the selector is never translated (a reader finds their own language).
NATIVE_NAMES: Final = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
#: Neither a remembered choice nor a system language the console speaks: Russian (the issue).
DEFAULT_LANGUAGE: Final = "ru"
#: The gateway payment page's ``language`` field for each interface language.
PAGE_LANGUAGES: Final = {"kk": "kaz", "ru": "rus", "en": "eng"}
_LOCALES: Final = {
    "kk": QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan),
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    # British English: day.month order and a week from Monday, as at a Kazakh counter
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_QT_LANGUAGES: Final = {
    QLocale.Language.Kazakh: "kk",
    QLocale.Language.Russian: "ru",
    QLocale.Language.English: "en",
}
_LAST_KEY = "language/last"


def _user_key(name: str) -> str:
    # QSettings turns "/" into a subgroup; names are unique ignoring case (UserService)
    cleaned = name.strip().casefold().replace("/", "_").replace("\\", "_")
    return f"language/user/{cleaned}"


def language_of_locale(locale: QLocale) -> str | None:
    """``kk``/``ru``/``en`` for a locale whose language the console speaks, else None."""
    return _QT_LANGUAGES.get(locale.language())


def system_language() -> str:
    """The system's interface language when the console speaks it (kk/ru/en), else Russian."""
    for name in QLocale.system().uiLanguages():
        found = language_of_locale(QLocale(name))
        if found:
            return found
    return language_of_locale(QLocale.system()) or DEFAULT_LANGUAGE


def remembered_language(user_name: str) -> str | None:
    """The language ``user_name`` chose last on this computer, or None."""
    value = ui_settings().value(_user_key(user_name), "")
    return value if value in LANGUAGES else None


def last_language() -> str | None:
    """The language of the last login on this computer, or None."""
    value = ui_settings().value(_LAST_KEY, "")
    return value if value in LANGUAGES else None


def remember_language(user_name: str, language: str) -> None:
    """Remember ``language`` for ``user_name`` and as this computer's last (best effort)."""
    settings = ui_settings()
    settings.setValue(_user_key(user_name), language)
    settings.setValue(_LAST_KEY, language)
    settings.sync()


def startup_language() -> str:
    """The login screen's first language: the last login's on this computer, else the system's."""
    return last_language() or system_language()


def current_language() -> str:
    """The interface language now (English before any choice)."""
    return translations().language


def page_language() -> str:
    """The gateway page's ``language`` (``kaz``/``rus``/``eng``) for the interface language now;
    ``rus`` (the gateway's own default) while no language was chosen (e.g. a screen on its own)."""
    if _instance is None or not shiboken6.isValid(_instance) or not _instance.chosen:
        return "rus"
    return PAGE_LANGUAGES[_instance.language]


def settle_language_after_login(user_name: str, *, chosen_here: bool) -> None:
    """After a successful login: a choice made on the login screen is remembered for the user;
    otherwise the user's remembered language (if any) is switched to."""
    if not chosen_here:
        remembered = remembered_language(user_name)
        if remembered is not None and remembered != current_language():
            translations().switch(remembered)
    remember_language(user_name, current_language())


def _not_ours(context: str) -> bool:
    """A context PySide's tr() asks on its walk up a class's bases that no console text has: Qt's own
    classes, and ``Generic``, which it asks last for a generic class (``WorkDialog[R]``)."""
    if context == "Generic":
        return True
    return context.startswith("Q") and any(hasattr(module, context) for module in (QtWidgets, QtCore, QtGui))


# Where a shown text came from: the contexts to ask in order (a class's own, then its Python base
# classes'), the English source, the disambiguation and the ``%n`` count.
Source = tuple[tuple[str, ...], str, str | None, int]


class _Step(NamedTuple):
    """One text recorded: ``source`` gave ``shown``; ``before``: when it last did so before (None: never)."""

    shown: str
    source: Source
    before: int | None


class _RecordingTranslator(QTranslator):
    """Answers from the chosen ``.qm`` (English: none) and records shown text -> English sources."""

    def __init__(self) -> None:
        super().__init__()
        self.catalogue: QTranslator | None = None
        # every source that gave each shown text, with when it last did: one English word may be said
        # two ways by context ("Name": «Название» for a printer, «Имя» for a person)
        self._heard: dict[str, dict[Source, int]] = {}
        self._clock = itertools.count()
        # the call before this one when it found nothing: PySide's tr() then asks the base classes'
        # contexts for the same text (RefundDialog, then MoneyOpDialog, then QDialog...)
        self._unanswered: _Step | None = None

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = self.catalogue.translate(context, source_text, disambiguation, n) if self.catalogue else ""
        # only the console's classes' contexts are a text's source, never Qt's own (QWidget, QObject, ...)
        if found or not _not_ours(context):
            earlier = self._unanswered
            if earlier is not None and earlier.source[1:] == (source_text, disambiguation, n):
                contexts = (*earlier.source[0], context)  # a base class's, after its class's own: ask both
                # the class's own context alone gave nothing that is shown: not a source of anything (a
                # RefundDialog's "Invoice" said in MoneyOpDialog's words never showed the English word)
                self._forget(earlier)
            else:
                contexts = (context,)
            shown = found or (source_text.replace("%n", str(n)) if n >= 0 else source_text)
            step = self._record(shown, (contexts, source_text, disambiguation, n))
            self._unanswered = None if found else step
        else:  # tr() ends its walk up the classes at Qt's own: the next call is a new text
            self._unanswered = None
        return found or None  # None: Qt shows the source text

    def _record(self, shown: str, source: Source) -> _Step:
        heard = self._heard.setdefault(shown, {})
        step = _Step(shown, source, heard.get(source))
        heard[source] = next(self._clock)
        return step

    def _forget(self, step: _Step) -> None:
        heard = self._heard[step.shown]
        if step.before is not None:
            heard[step.source] = step.before
        else:
            del heard[step.source]
            if not heard:
                del self._heard[step.shown]

    def isEmpty(self) -> bool:
        return False

    def sources_of(self, shown: str) -> list[Source]:
        """Every source that gave ``shown``, the latest first."""
        heard = self._heard.get(shown, {})
        return sorted(heard, key=heard.__getitem__, reverse=True)

    def source_of(self, shown: str) -> Source | None:
        """The source that gave ``shown`` last."""
        heard = self._heard.get(shown)
        return max(heard, key=heard.__getitem__) if heard else None


class Translations(QObject):
    """The interface language of the application (see the module doc). Signal: ``changed(str)``."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        # No Qt parent: deleted with the application, a translator removes itself and sends
        # LanguageChange to the half-destroyed application (a crash at exit). Python owns them.
        super().__init__()
        self._app = weakref.ref(app)
        self.language = "en"
        self.chosen = False  # switch() was called (the console always does, at start)
        self._recorder = _RecordingTranslator()
        self._qt: QTranslator | None = None
        QCoreApplication.installTranslator(self._recorder)
        # Installing posts LanguageChange to every window, though nothing changed (English, no
        # catalogue yet): dropped, or it would arrive later over texts a window composed meanwhile
        # (Qt's LanguageChange gives a standard button back its bare "OK"). Delivering it now instead
        # would reach a window still being built (its changeEvent before its widgets exist).
        QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)  # type: ignore[arg-type]  # None: all

    def application(self) -> QCoreApplication | None:
        """The application the translators are installed on (None once it is gone)."""
        return self._app()

    def uninstall(self) -> None:
        """Take the translators out of the application before it is destroyed (the end of run_gui):
        one still installed when Qt tears the application down crashes the process at exit (rc 139,
        about 1 run in 10; tests/packaging/test_wheel.py)."""
        for translator in (self._qt, self._recorder):
            if translator is not None and shiboken6.isValid(translator):
                QCoreApplication.removeTranslator(translator)

    def switch(self, language: str) -> None:
        """Show the interface in ``language`` (kk/ru/en) from now on, open windows included."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        catalogue = _load_catalogue(language)
        if language != "en" and catalogue is None:
            log.warning("event=translation_missing language=%s", language)
        if self._qt is not None:
            QCoreApplication.removeTranslator(self._qt)
            self._qt = None
        qt = _load_qt_catalogue(language)
        if qt is not None:
            self._qt = qt
            QCoreApplication.installTranslator(qt)
        self._recorder.catalogue = catalogue
        self.language = language
        self.chosen = True
        QLocale.setDefault(_LOCALES[language])
        # re-installing moves it to the front and sends LanguageChange to every widget (changeEvent)
        QCoreApplication.removeTranslator(self._recorder)
        QCoreApplication.installTranslator(self._recorder)
        # QApplication posts LanguageChange to each window: deliver it now, then the plain texts
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.retranslate_open_windows()
        log.info("event=language_switched language=%s", language)
        self.changed.emit(language)

    def reset(self) -> None:
        """Back to the source language as before any choice (English, the gateway page in ``rus``)."""
        self.switch("en")
        self.chosen = False

    def translated(self, shown: str) -> str | None:
        """``shown`` (a text as ``tr()`` returned it in any language) in the language now; None if
        it did not come from ``tr()``."""
        source = self._recorder.source_of(shown)
        return None if source is None else self.translated_source(source)

    def source_for(self, shown: str, owner: QObject) -> Source | None:
        """Where ``shown`` on ``owner`` (a widget or action) came from. When several places gave the same
        words ("Name", "Close", "Paid"), the latest one whose context is a class of ``owner`` or of its
        nearest parent that has one, among those the language now says (PySide's ``self.tr()`` asks the
        class's name first, so a label made by a dialog's ``self.tr("Name")`` finds that dialog's words;
        a class's own context without words of its own never wins over the one that has them); else the
        latest the language now says, else the latest."""
        sources = self._recorder.sources_of(shown)
        if len(sources) < 2:
            return sources[0] if sources else None
        said = [source for source in sources if self._says(source)]
        item: QObject | None = owner
        while said and item is not None and shiboken6.isValid(item):
            classes = {cls.__name__ for cls in type(item).__mro__}
            mine = next((source for source in said if source[0][0] in classes), None)
            if mine is not None:
                return mine
            item = item.parent()
        return said[0] if said else sources[0]

    def _says(self, source: Source) -> bool:
        """The language now has words for ``source`` (English, the source language, has all)."""
        if self.language == "en":
            return True
        contexts, text, disambiguation, n = source
        catalogues = [c for c in (self._recorder.catalogue, self._qt) if c is not None]
        return any(c.translate(context, text, disambiguation, n) for c in catalogues for context in contexts)

    def translated_source(self, source: Source) -> str:
        """The recorded ``source`` in the language now (the first of its contexts that has it)."""
        contexts, text, disambiguation, n = source
        untranslated = text.replace("%n", str(n)) if n >= 0 else text
        for context in contexts:
            found = QCoreApplication.translate(context, text, disambiguation, n)
            if found != untranslated:
                return found
        return untranslated

    def retranslate_open_windows(self) -> None:
        """Every text shown exactly as ``tr()`` returned it, in the language now."""
        if not isinstance(QCoreApplication.instance(), QApplication):
            return
        locale = QLocale()
        for window in QApplication.topLevelWidgets():  # dates, weekdays, calendars of open windows
            if shiboken6.isValid(window):
                window.setLocale(locale)  # children without a locale of their own follow
        for widget in QApplication.allWidgets():
            if shiboken6.isValid(widget):
                _retranslate_widget(widget, self)


def _load_catalogue(language: str) -> QTranslator | None:
    if language == "en":
        return None
    try:
        folder = translations_dir()
    except ResourceMissingError:
        return None
    catalogue = QTranslator()
    return catalogue if catalogue.load(f"epay_desktop_{language}", str(folder)) else None


def _load_qt_catalogue(language: str) -> QTranslator | None:
    """Qt's own words (standard buttons, the calendar) where PySide6 ships them (kk may not exist)."""
    if language == "en":
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogue = QTranslator()
    if Path(folder, f"qtbase_{language}.qm").is_file() and catalogue.load(f"qtbase_{language}", folder):
        return catalogue
    return None


_MEMORY = "epay_language_sources"


def _retranslate_widget(widget: QWidget, translations: Translations) -> None:
    """Every plain text of ``widget`` in the language now. Each text put back is remembered on its
    object with its source, so the next switch asks that source, not whichever source last gave the
    same words (Kazakh says "Клиент ID" for both the gateway's client id and the customer's id)."""

    def redo(owner: QObject, what: str, get: Callable[[], str], put: Callable[[str], object]) -> None:
        text = get()
        if not text:
            return
        memory = owner.property(_MEMORY)
        remembered = memory.get(what) if isinstance(memory, dict) else None
        if remembered is not None and remembered[0] == text:
            source: Source | None = remembered[1]
        else:
            source = translations.source_for(text, owner)
        if source is None:
            return
        new = translations.translated_source(source)
        if new != text:
            put(new)
        memory = dict(memory) if isinstance(memory, dict) else {}
        memory[what] = (new, source)
        owner.setProperty(_MEMORY, memory)

    redo(widget, "tooltip", widget.toolTip, widget.setToolTip)
    if widget.isWindow():
        redo(widget, "title", widget.windowTitle, widget.setWindowTitle)
    if isinstance(widget, QLabel | QAbstractButton):
        redo(widget, "text", widget.text, widget.setText)
    elif isinstance(widget, QLineEdit):
        redo(widget, "placeholder", widget.placeholderText, widget.setPlaceholderText)
    elif isinstance(widget, QMenu | QGroupBox):
        redo(widget, "title", widget.title, widget.setTitle)
    elif isinstance(widget, QComboBox):
        combo = widget
        for i in range(combo.count()):
            redo(combo, f"item{i}", partial(combo.itemText, i), partial(combo.setItemText, i))
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):  # "15 min", "0 s"
        spin = widget
        redo(spin, "suffix", spin.suffix, spin.setSuffix)
        redo(spin, "prefix", spin.prefix, spin.setPrefix)
        redo(spin, "special", spin.specialValueText, spin.setSpecialValueText)
    if isinstance(widget, QTreeWidget):  # column headers (e.g. the timeline's Time / What happened)
        header = widget.headerItem()
        for i in range(header.columnCount()):
            redo(widget, f"header{i}", partial(header.text, i), partial(header.setText, i))
    if isinstance(widget, QFileDialog):  # its places ("Computer"...) are named when they are set
        widget.setSidebarUrls(widget.sidebarUrls())
    if isinstance(widget, QTabWidget):
        tabs = widget
        for i in range(tabs.count()):
            redo(tabs, f"tab{i}", partial(tabs.tabText, i), partial(tabs.setTabText, i))
    for action in widget.actions():
        redo(action, "text", action.text, action.setText)
        redo(action, "status", action.statusTip, action.setStatusTip)
        if action.toolTip() != action.text().replace("&", ""):  # an own tooltip, not the text's
            redo(action, "tooltip", action.toolTip, action.setToolTip)


class _Follower(QObject):
    """Calls ``apply`` after each language switch while its owner lives (see :func:`on_language_change`)."""

    def __init__(self, owner: QObject, apply: Callable[[], object]) -> None:
        super().__init__(owner)
        self._apply = apply
        translations().changed.connect(self.follow)

    def follow(self, _language: str) -> None:
        self._apply()


def on_language_change(owner: QObject, apply: Callable[[], object]) -> None:
    """After every language switch, while ``owner`` lives: ``apply()`` (a screen's texts composed
    from several pieces or with ``.format``: a title with the invoice and amount, a message box's
    sentence, a button's label that Qt's own LanguageChange resets). Called after the plain texts
    of every open window are translated, also for windows the lock screen hides."""
    _Follower(owner, apply)


_instance: Translations | None = None


def translations() -> Translations:
    """The application's :class:`Translations` (created and installed on first use)."""
    global _instance
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the interface language needs a QApplication")
    if _instance is None or not shiboken6.isValid(_instance) or _instance.application() is not app:
        _instance = Translations(app)
    return _instance


# Qt's own words that PySide6's ``qtbase_ru.qm`` lacks (its Russian Save dialog said "&Look in:" and
# "Files of &type:"): our catalogues have them, and the recording translator is asked before Qt's.
QT_WORDS: Final = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)
