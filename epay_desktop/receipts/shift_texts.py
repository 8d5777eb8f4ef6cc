"""The X and Z reports' words in Kazakh, Russian and English (decision 0114).

The same mechanism as the receipts' labels (:mod:`~epay_desktop.receipts.texts`): data in code, one
dict per key, so a missing translation is a test failure and not a blank on paper, and a report is
worded in the language asked for whatever the console's own language is (a Kazakh report printed
from a Russian console). Terms follow resources/i18n/GLOSSARY.md (ауысым / смена, X-есеп / X-отчёт,
бақылау белгісі / контрольная метка).

:data:`NOTES` words the report's :class:`~epay_desktop.domain.shifts.Note` sentences by their key;
English is the note's own text (what the services wrote, the same words the logs carry).
"""

from __future__ import annotations

from typing import Final

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import Note

__all__ = [
    "DIFFERENCE_LABELS",
    "FIGURE_LABELS",
    "MISMATCH_LABELS",
    "NOTES",
    "OPERATION_WORDS",
    "SHIFT_LABELS",
    "STATUS_WORDS",
    "note_text",
    "shift_label",
]

_KK, _RU, _EN = ReceiptLanguage.KK, ReceiptLanguage.RU, ReceiptLanguage.EN


SHIFT_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "title_x": {_KK: "X-ЕСЕП", _RU: "X-ОТЧЁТ", _EN: "X REPORT"},
    "title_z": {_KK: "Z-ЕСЕП", _RU: "Z-ОТЧЁТ", _EN: "Z REPORT"},
    "subtitle_x": {
        _KK: "Ауысым ашық: ағымдағы сомалар",
        _RU: "Смена открыта: текущие итоги",
        _EN: "The shift so far (it stays open)",
    },
    "subtitle_z": {_KK: "Ауысым жабылды", _RU: "Смена закрыта", _EN: "Shift closed"},
    "shift": {_KK: "Ауысым", _RU: "Смена", _EN: "Shift"},
    "opened": {_KK: "Ашылды", _RU: "Открыта", _EN: "Opened"},
    "opened_by": {_KK: "Ашқан", _RU: "Открыл(а)", _EN: "Opened by"},
    "closed": {_KK: "Жабылды", _RU: "Закрыта", _EN: "Closed"},
    "closed_by": {_KK: "Жапқан", _RU: "Закрыл(а)", _EN: "Closed by"},
    "until": {_KK: "Сомалар уақыты", _RU: "Итоги на", _EN: "Figures until"},
    "totals": {_KK: "ЖИЫНТЫҚ", _RU: "ИТОГИ", _EN: "TOTALS"},
    "by_cashier": {_KK: "КАССИРЛЕР БОЙЫНША", _RU: "ПО КАССИРАМ", _EN: "BY CASHIER"},
    "by_brand": {_KK: "КАРТА ТҮРЛЕРІ БОЙЫНША", _RU: "ПО ТИПАМ КАРТ", _EN: "BY CARD BRAND"},
    "unresolved": {
        _KK: "Нәтижесі әлі белгісіз операциялар",
        _RU: "Операции с ещё неизвестным результатом",
        _EN: "Operations with no known outcome yet",
    },
    "bank": {_KK: "БАНКПЕН САЛЫСТЫРУ", _RU: "СВЕРКА С БАНКОМ", _EN: "BANK CHECK"},
    "bank_skipped": {
        _KK: "Төлемдер банкпен салыстырылмады (жабу кезінде өткізіп жіберілді)",
        _RU: "Платежи не сверены с банком (сверка пропущена при закрытии)",
        _EN: "The payments were not checked with the bank (skipped at the close)",
    },
    "checked": {_KK: "Тексерілген төлемдер", _RU: "Проверено платежей", _EN: "Payments checked"},
    "checked_of": {_KK: "{total} ішінен {checked}", _RU: "{checked} из {total}", _EN: "{checked} of {total}"},
    "differences": {_KK: "Айырмашылықтар", _RU: "Расхождения", _EN: "Differences"},
    "none": {_KK: "жоқ", _RU: "нет", _EN: "none"},
    "console": {_KK: "Консольде", _RU: "В консоли", _EN: "Console"},
    "bank_side": {_KK: "Банкте", _RU: "В банке", _EN: "Bank"},
    "not_checked": {_KK: "Тексерілмегендер", _RU: "Не проверены", _EN: "Not checked"},
    "open_in_books": {
        _KK: "Есепте ашық (менеджер шешеді)",
        _RU: "Открыто в учёте (решает менеджер)",
        _EN: "Open in the books (a manager resolves them)",
    },
    "anchor": {
        _KK: "Аудит журналының бақылау белгісі",
        _RU: "Контрольная метка журнала аудита",
        _EN: "Audit anchor",
    },
    "chain_broken": {
        _KK: "АУДИТ ЖУРНАЛЫ БҮТІН ЕМЕС",
        _RU: "ЖУРНАЛ АУДИТА НАРУШЕН",
        _EN: "AUDIT CHAIN NOT INTACT",
    },
    "bank_totals": {
        _KK: "Консоль мен банк сомалары",
        _RU: "Итоги консоли и банка",
        _EN: "The console's and the bank's totals",
    },
    "charged_all": {
        _KK: "Есептен шығарылды (сатулар мен есептен шығарулар)",
        _RU: "Списано (продажи и списания)",
        _EN: "Charged (sales and charges)",
    },
    "refunded_all": {_KK: "Қайтарылды", _RU: "Возвращено", _EN: "Refunded"},
    "difference": {_KK: "Айырма", _RU: "Разница", _EN: "Difference"},
    "bank_covers": {
        _KK: "Банк бағаны: тек тексерілген төлемдер ({total} ішінен {checked})",
        _RU: "Столбец банка: только проверенные платежи ({checked} из {total})",
        _EN: "The bank's column: the payments checked only ({checked} of {total})",
    },
    "found_earlier": {
        _KK: "АУЫСЫМДА БҰРЫН ТАБЫЛҒАН АЙЫРМАШЫЛЫҚТАР",
        _RU: "РАСХОЖДЕНИЯ, НАЙДЕННЫЕ РАНЕЕ В СМЕНЕ",
        _EN: "DIFFERENCES FOUND EARLIER IN THE SHIFT",
    },
    "found_earlier_note": {
        _KK: "Салыстыру сол кезде банк жауабын алды: консоль түзетілді",
        _RU: "Сверка тогда приняла ответ банка: консоль исправлена",
        _EN: "The check took the bank's answer then: the console was corrected",
    },
    "found_at": {_KK: "Табылды", _RU: "Найдено", _EN: "Found"},
    "found_by_x": {_KK: "{when}, X-есеп", _RU: "{when}, X-отчёт", _EN: "{when}, X report"},
    "found_by_z": {_KK: "{when}, жабу кезінде", _RU: "{when}, при закрытии", _EN: "{when}, at a close"},
    "fiscal": {
        _KK: "ОНЛАЙН-КАССАМЕН САЛЫСТЫРУ",
        _RU: "СВЕРКА С ОНЛАЙН-КАССОЙ",
        _EN: "FISCAL REGISTER CHECK",
    },
    "fiscal_expected": {
        _KK: "Банк растаған сатулар мен қайтарулар",
        _RU: "Продаж и возвратов, подтверждённых банком",
        _EN: "Sales and refunds the bank confirmed",
    },
    "fiscal_receipts": {
        _KK: "Онлайн-кассадағы чектер",
        _RU: "Чеков в онлайн-кассе",
        _EN: "Receipts at the fiscal register",
    },
    "fiscal_mismatches": {_KK: "Сәйкессіздіктер", _RU: "Несоответствия", _EN: "Mismatches"},
    "fiscal_not_checked": {
        _KK: "ОНЛАЙН-КАССА ТЕКСЕРІЛМЕДІ",
        _RU: "ОНЛАЙН-КАССА НЕ ПРОВЕРЕНА",
        _EN: "THE FISCAL REGISTER WAS NOT CHECKED",
    },
    "register_z": {
        _KK: "Онлайн-кассаның Z-есебі",
        _RU: "Z-отчёт онлайн-кассы",
        _EN: "The fiscal register's Z report",
    },
    "register_x": {
        _KK: "Онлайн-кассаның X-есебі (касса ауысымы ашық)",
        _RU: "X-отчёт онлайн-кассы (смена кассы открыта)",
        _EN: "The fiscal register's X report (its shift open)",
    },
    "register_shift": {_KK: "Касса ауысымы", _RU: "Смена кассы", _EN: "Fiscal shift"},
    "register_documents": {_KK: "Құжаттар", _RU: "Документов", _EN: "Documents"},
    "register_sales": {_KK: "Сатулар", _RU: "Продажи", _EN: "Sales"},
    "register_returns": {_KK: "Сатуды қайтарулар", _RU: "Возвраты продаж", _EN: "Sale returns"},
    "fiscal_side": {_KK: "Онлайн-кассада", _RU: "В онлайн-кассе", _EN: "Fiscal register"},
    "fiscal_sign": {_KK: "ФБ", _RU: "ФП", _EN: "Fiscal sign"},
    "todo": {_KK: "Не істеу керек", _RU: "Что делать", _EN: "What to do"},
    "outside": {_KK: "АУЫСЫМНАН ТЫС", _RU: "ВНЕ СМЕНЫ", _EN: "OUTSIDE ANY SHIFT"},
    "outside_note": {
        _KK: "Осы кассада ауысым ашық болмаған кезде, {since} – {until}; ауысым жиынтығына кірмейді",
        _RU: "На этой кассе без открытой смены, {since} – {until}; не входит в итоги смены",
        _EN: "At this register with no shift open, {since} - {until}; not in the shift's totals",
    },
    "outside_unknown": {
        _KK: "нәтижесі әлі белгісіз",
        _RU: "результат ещё неизвестен",
        _EN: "outcome not known yet",
    },
    "warning": {_KK: "Ескерту", _RU: "Внимание", _EN: "Warning"},
    "not_fiscal": {
        _KK: "Фискалдық есеп емес",
        _RU: "Не является фискальным отчётом",
        _EN: "Not a fiscal report",
    },
}

#: What a report counts (:class:`FigureKind`) and the net, as the report names them.
FIGURE_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    FigureKind.SALES: {_KK: "Сатулар", _RU: "Продажи", _EN: "Sales"},
    FigureKind.HOLDS: {_KK: "Бұғатталғандар", _RU: "Блокировки", _EN: "Holds"},
    FigureKind.CHARGES: {_KK: "Есептен шығарулар", _RU: "Списания", _EN: "Charges"},
    FigureKind.CANCELS: {_KK: "Күшін жоюлар", _RU: "Отмены", _EN: "Cancellations"},
    FigureKind.REFUNDS: {_KK: "Қайтарулар", _RU: "Возвраты", _EN: "Refunds"},
    "net": {_KK: "ТАЗА ТҮСІМ", _RU: "ЧИСТАЯ ВЫРУЧКА", _EN: "NET TAKEN"},
}

#: What a difference is about (``BankDifference.what``: the check's own and the books' kinds).
DIFFERENCE_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "status": {_KK: "күйі", _RU: "статус", _EN: "status"},
    "charged": {_KK: "есептен шығарылды", _RU: "списано", _EN: "charged"},
    "refunded": {_KK: "қайтарылды", _RU: "возвращено", _EN: "refunded"},
    "external_refund": {
        _KK: "консольден тыс қайтару",
        _RU: "возврат вне консоли",
        _EN: "refund outside the console",
    },
}

#: What the three-way check found wrong with a receipt (``FiscalMismatch.kind``, decision 0126).
MISMATCH_LABELS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "missing": {_KK: "фискалдық чек жоқ", _RU: "нет фискального чека", _EN: "missing fiscal receipt"},
    "pending": {_KK: "чек тіркелуде", _RU: "чек регистрируется", _EN: "receipt being registered"},
    "needs_person": {
        _KK: "касса чекті қабылдамады",
        _RU: "касса отказала в чеке",
        _EN: "receipt refused by the register",
    },
    "unexplained": {
        _KK: "банк операциясы жоқ фискалдық чек",
        _RU: "фискальный чек без операции банка",
        _EN: "fiscal receipt without a bank operation",
    },
    "amount": {_KK: "сома сәйкес емес", _RU: "сумма не совпадает", _EN: "amount differs"},
}

#: A receipt's operation (``FiscalMismatch.operation``), and a money operation's kind (``OpKind`` value:
#: ``OutsideOperation.kind``, decision 0145).
OPERATION_WORDS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "sale": {_KK: "сату", _RU: "продажа", _EN: "sale"},
    "return": {_KK: "қайтару", _RU: "возврат", _EN: "return"},
    "CHARGE": {_KK: "есептен шығару", _RU: "списание", _EN: "charge"},
    "CANCEL": {_KK: "күшін жою", _RU: "отмена", _EN: "cancellation"},
    "REFUND": {_KK: "қайтару", _RU: "возврат", _EN: "refund"},
}

#: Statuses a bank difference may show that the receipts' words (``receipts.texts.STATUS_LABELS``) do
#: not name, worded as the console's status badges (decision 0118: a sale the console called expired).
STATUS_WORDS: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "NEW": {_KK: "Күтілуде", _RU: "Ожидает", _EN: "Waiting"},
    "PENDING": {_KK: "Күтілуде", _RU: "Ожидает", _EN: "Waiting"},
    "FINGERPRINT": {_KK: "Төленуде", _RU: "Оплачивается", _EN: "Paying"},
    "UNKNOWN": {_KK: "Тексерілуде", _RU: "Проверяется", _EN: "Checking"},
    "EXPIRED": {_KK: "Мерзімі өтті", _RU: "Истёк", _EN: "Expired"},
    "VERIFIED": {_KK: "Карта тексерілді", _RU: "Карта проверена", _EN: "Card verified"},
    "REJECT": {_KK: "Қабылданбады", _RU: "Отклонён", _EN: "Declined"},
    "FAILED": {_KK: "Сәтсіз", _RU: "Ошибка", _EN: "Failed"},
    "3D": {_KK: "3-D Secure өтпеді", _RU: "Отказ 3-D Secure", _EN: "3-D Secure failed"},
    "CASHIER_CANCEL": {_KK: "Кассир тоқтатты", _RU: "Отменён кассиром", _EN: "Cashier cancelled"},
    "PAGE_FAILED": {_KK: "Бет ашылмады", _RU: "Сбой страницы", _EN: "Page failed"},
}

#: The report's sentences by :class:`Note` key (``{placeholders}``: the note's values); English is the
#: note's own text.
NOTES: Final[dict[str, dict[ReceiptLanguage, str]]] = {
    "overdue": {
        _KK: "{shift} ауысымы {hours} сағат бойы ашық: оны Z-есеппен жабыңыз.",
        _RU: "Смена {shift} открыта уже {hours} ч: закройте её Z-отчётом.",
    },
    "late": {
        _KK: "{invoice} төлемі банкпен салыстыру кезінде қабылданды: оны банкпен тексеріңіз",
        _RU: "Платёж {invoice} принят во время сверки с банком: проверьте его в банке",
    },
    "in_flight": {
        _KK: "{invoice} төлемі: операция жіберілуде; кейін тексеріледі",
        _RU: "Платёж {invoice}: операция отправляется; проверится позже",
    },
    "not_checked": {_KK: "{invoice} төлемі тексерілмеді", _RU: "Платёж {invoice} не проверен"},
    "bank_problem": {
        _KK: "{invoice} төлемі: банктен сұрау мүмкін болмады, кейін қайта тексеріңіз",
        _RU: "Платёж {invoice}: не удалось запросить банк, проверьте позже",
    },
    "chain_broken": {
        _KK: "Журнал {entry} жазбасында бүлінген: әкімшіге хабарлаңыз (audit verify)",
        _RU: "Журнал повреждён на записи {entry}: сообщите администратору (audit verify)",
    },
    "fiscal_missing": {
        _KK: "кассада чек жоқ: консоль оны өзі сұрайды (фискалдық чектер қосылғаннан бергі соңғы 72 "
        "сағаттың сатулары); жоқ болып қалса, онлайн-кассаның баптаулары мен байланысын тексеріңіз",
        _RU: "в кассе нет чека: консоль запросит его сама (продажи последних 72 часов с включения "
        "фискальных чеков); если его так и нет, проверьте настройки онлайн-кассы и связь с ней",
    },
    "fiscal_pending": {
        _KK: "тіркелуде: сол нөмірмен өзі қайта сұралады (екі рет тіркелмейді)",
        _RU: "регистрируется: запрашивается повторно сам с тем же номером (дважды не пробьётся)",
    },
    "fiscal_needs_person": {
        _KK: "онлайн-касса оны қабылдамады: себебін «Назар аудару керек» тізімінен қараңыз; түзетілгенде "
        "өзі тіркеледі",
        _RU: "онлайн-касса отказала: причина в списке «Требует внимания»; когда её устранят, чек "
        "зарегистрируется сам",
    },
    "fiscal_unexplained": {
        _KK: "бұл чекті ешбір карта төлемі түсіндірмейді (кассада қолмен енгізілген немесе банк "
        "төлемеген сату): сатып алушы төлемесе, кассада қайтару тіркеңіз",
        _RU: "этот чек не объясняет ни один платёж картой (пробит на кассе вручную или продажа, которую "
        "банк не списал): если покупатель не платил, оформите на кассе возврат",
    },
    "fiscal_amount": {
        _KK: "чек сомасы банк алған сомаға тең емес: кассада түзетіңіз (артығына қайтару, жетпегеніне "
        "сату) және бухгалтерге хабарлаңыз",
        _RU: "сумма чека не равна списанной банком: исправьте на кассе (возврат на излишек, продажа на "
        "недостачу) и сообщите бухгалтеру",
    },
    "fiscal_left_open": {
        _KK: "касса ауысымы ашық қалды: {registers} кассаларында ауысымдар әлі ашық, оны соңғы "
        "жабылатыны жабады",
        _RU: "смена кассы остаётся открытой: на кассах {registers} смены ещё открыты, её закроет "
        "последняя закрывающаяся",
    },
    "fiscal_already_closed": {
        _KK: "касса ауысымы бұрын жабылған",
        _RU: "смена кассы уже была закрыта",
    },
    "fiscal_not_closed": {
        _KK: "касса ауысымын жабу мүмкін болмады ({error}): оны кейін Z-есеппен жабыңыз",
        _RU: "смену кассы закрыть не удалось ({error}): закройте её Z-отчётом позже",
    },
    "fiscal_unreachable": {
        _KK: "онлайн-кассадан сұрау мүмкін болмады ({error}): оның чектері тексерілмеді және ауысымы "
        "жабылмады; оларды кейін X-есеппен тексеріңіз",
        _RU: "не удалось обратиться к онлайн-кассе ({error}): её чеки не проверены и смена кассы не "
        "закрыта; проверьте их позже X-отчётом",
    },
}


def shift_label(key: str, language: ReceiptLanguage, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled. ``KeyError`` if unknown."""
    text = SHIFT_LABELS[key][language]
    return text.format(**values) if values else text


def note_text(note: Note, language: ReceiptLanguage) -> str:
    """``note`` in ``language``: its key's wording with its values; English, and a note without a
    known key (kept by an older version), as written."""
    wording = NOTES.get(note.key, {}).get(language)
    if wording is None:
        return str(note)
    try:
        return wording.format(**note.values)
    except (KeyError, IndexError, ValueError):  # values of another version: the words as written
        return str(note)
