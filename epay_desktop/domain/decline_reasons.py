"""The bank's decline codes (``reasonCode``) in plain words, in English, Russian and Kazakh.

Source of the codes: the bank's own SDK (``halyk/EpaySDK``, ``Localizable.strings``), summarised
in epay-api.md section 15: 455-498, 505, 703, 1612, 1636, 1654, 1759 and 2092 (474 is not in the
SDK's list; it gets the general "declined by the card's bank" sentence), plus 499 from another
public integration. Each sentence is short, for a cashier who reads it to the customer, and says
what to do next. A code that is not listed falls back to "Declined by the bank (code N)." in the
same language, so nothing the bank sends is hidden.

The texts are dicts per language (not Qt translations) because the customer-facing words must
exist in all three languages even before the translators' files do, and because domain code is
standard library only. Screens pick the language (ui/common/labels.py); :func:`decline_message` is pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg

__all__ = [
    "ATTEMPTS_EXHAUSTED_CODES",
    "DECLINE_TEXTS",
    "LANGUAGES",
    "PUBLISHED_CODES",
    "attempts_exhausted",
    "decline_message",
    "language_of",
    "unknown_status_message",
]

#: Languages with decline texts; the first is the fallback.
LANGUAGES: Final = ("en", "ru", "kk")

#: ``reasonCode`` 505, "You have exceeded the number of 3 transactions": the invoice has no card
#: attempts left; the customer can only pay on a new invoice.
ATTEMPTS_EXHAUSTED_CODES: Final = frozenset({505})

#: Every code the bank's SDK publishes (epay-api.md section 15), and 499.
PUBLISHED_CODES: Final = frozenset({*range(455, 499), 499, 505, 703, 1612, 1636, 1654, 1759, 2092})


def attempts_exhausted(code: int | None) -> bool:
    """The decline says this invoice can no longer be paid (all card attempts used)."""
    return code in ATTEMPTS_EXHAUSTED_CODES


# -- English ---------------------------------------------------------------------------------------

_EN_BANK_DOWN = "The bank is not responding. Try again in a few minutes."
_EN_CALL_BANK = (
    "The card's bank declined the payment. The customer should call their bank "
    "(the number is on the back of the card)."
)
_EN_RESTRICTED = "The card is restricted. Ask for another card."
_EN_NO_CARD = "There is no such card. Check the card number."
_EN_EXPIRED = "The card has expired. Ask for another card."
_EN_LOST = "The card is reported lost. Do not accept it; ask for another card."

_EN: Final[dict[int, str]] = {
    455: "3-D Secure is not available for this card, or the card number is wrong. "
    "Check the number or ask for another card.",
    456: "The card cannot be used right now. Try again later or ask for another card.",
    457: "The expiry date was entered wrongly. Check it and try again.",
    458: _EN_BANK_DOWN,
    459: _EN_BANK_DOWN,
    460: "An error at the bank; the amount may be held on the card. "
    "Check this payment's status before trying again.",
    461: "A system error at the bank. Try again in a few minutes.",
    462: _EN_CALL_BANK,
    463: _EN_CALL_BANK,
    464: "The bank did not accept the shop's details. Contact ePay support.",
    465: _EN_RESTRICTED,
    466: _EN_CALL_BANK,
    467: "The card is blocked. Ask for another card.",
    468: "The bank needs extra checks of the cardholder. Ask for another card.",
    469: "The bank found the payment invalid. Check the details and try again.",
    470: "The amount is not valid. Check the amount and make a new payment.",
    471: _EN_NO_CARD,
    472: _EN_NO_CARD,
    473: "The 3-D Secure check failed (wrong or missing code). Try again carefully.",
    474: "The card's bank declined the payment. Ask for another card.",
    475: "The payment did not go through. Try again.",
    476: "The bank took no action. Try again in 30 minutes or later.",
    477: "The card details are in a wrong format. Ask for another card.",
    478: _EN_EXPIRED,
    479: _EN_RESTRICTED,
    480: _EN_CALL_BANK,
    481: _EN_LOST,
    482: _EN_LOST,
    483: "The card is reported stolen. Do not accept it; ask for another card.",
    484: "Not enough money on the card. Ask for another card.",
    485: _EN_EXPIRED,
    486: "Online payments are switched off on this card. The customer can switch them on "
    "in their bank's app, or use another card.",
    487: "This card cannot pay at this shop. Ask for another card.",
    488: "The amount is over the card's limit. Ask for another card.",
    489: _EN_RESTRICTED,
    490: "Payments are not allowed on this card. The customer should call their bank.",
    491: "Too many payments with this card. Try again later or ask for another card.",
    492: "The card is blocked after wrong PIN attempts. The customer should call their bank.",
    493: "The card's bank is unavailable. Try again later.",
    494: "The card's bank did not answer in time. Try again later.",
    495: "This payment is not allowed with this card. Ask for another card.",
    496: "3-D Secure is not set up for this card, or a system error. The customer can set up "
    "3-D Secure in their bank's app, or use another card.",
    497: _EN_BANK_DOWN,
    498: "Paying with bonuses is not available now. Try again later or pay without bonuses.",
    499: "The 3-D Secure code was wrong or not entered. Try again.",
    505: "All 3 attempts for this payment are used up. Make a new payment.",
    703: "The bank reported an error. Try again or ask for another card.",
    1612: "The shop's terminal does not accept cards from this country. Ask for another card.",
    1636: "The bank could not identify the cardholder. Ask for another card.",
    1654: "The one-time code (OTP) was not confirmed. Try again.",
    1759: "The payment could not be made. Try again or ask for another card.",
    2092: "This card cannot be used for this payment. Ask for another card.",
}

# -- Russian ---------------------------------------------------------------------------------------

_RU_BANK_DOWN = "Банк не отвечает. Повторите через несколько минут."
_RU_CALL_BANK = "Банк карты отклонил платёж. Покупателю нужно позвонить в свой банк (номер на обороте карты)."
_RU_RESTRICTED = "На карту наложены ограничения. Попросите другую карту."
_RU_NO_CARD = "Такой карты нет. Проверьте номер карты."
_RU_EXPIRED = "Срок действия карты истёк. Попросите другую карту."
_RU_LOST = "Карта заявлена как утерянная. Не принимайте её, попросите другую карту."

_RU: Final[dict[int, str]] = {
    455: "Проверка 3-D Secure для этой карты недоступна или номер карты введён неверно. "
    "Проверьте номер или попросите другую карту.",
    456: "Сейчас карту нельзя использовать. Повторите позже или попросите другую карту.",
    457: "Срок действия карты введён неверно. Проверьте его и повторите.",
    458: _RU_BANK_DOWN,
    459: _RU_BANK_DOWN,
    460: "Ошибка в банке; сумма могла заблокироваться на карте. "
    "Прежде чем повторять, проверьте статус этого платежа.",
    461: "Системная ошибка в банке. Повторите через несколько минут.",
    462: _RU_CALL_BANK,
    463: _RU_CALL_BANK,
    464: "Банк не принял данные магазина. Обратитесь в поддержку ePay.",
    465: _RU_RESTRICTED,
    466: _RU_CALL_BANK,
    467: "Карта заблокирована. Попросите другую карту.",
    468: "Банку нужна дополнительная проверка держателя карты. Попросите другую карту.",
    469: "Банк счёл платёж недействительным. Проверьте данные и повторите.",
    470: "Неверная сумма. Проверьте сумму и создайте новый платёж.",
    471: _RU_NO_CARD,
    472: _RU_NO_CARD,
    473: "Проверка 3-D Secure не пройдена (код неверный или не введён). Повторите внимательно.",
    474: "Банк карты отклонил платёж. Попросите другую карту.",
    475: "Платёж не прошёл. Повторите попытку.",
    476: "Банк не выполнил операцию. Повторите не раньше чем через 30 минут.",
    477: "Данные карты в неверном формате. Попросите другую карту.",
    478: _RU_EXPIRED,
    479: _RU_RESTRICTED,
    480: _RU_CALL_BANK,
    481: _RU_LOST,
    482: _RU_LOST,
    483: "Карта заявлена как украденная. Не принимайте её, попросите другую карту.",
    484: "Недостаточно средств на карте. Попросите другую карту.",
    485: _RU_EXPIRED,
    486: "На карте запрещены покупки в интернете. Покупатель может включить их "
    "в приложении банка или дать другую карту.",
    487: "Этой картой нельзя платить в этом магазине. Попросите другую карту.",
    488: "Сумма превышает лимит карты. Попросите другую карту.",
    489: _RU_RESTRICTED,
    490: "Платежи по этой карте запрещены. Покупателю нужно позвонить в свой банк.",
    491: "Слишком много платежей по этой карте. Повторите позже или попросите другую карту.",
    492: "Карта заблокирована после неверного ввода ПИН-кода. Покупателю нужно позвонить в свой банк.",
    493: "Банк, выпустивший карту, недоступен. Повторите позже.",
    494: "Банк, выпустивший карту, не ответил вовремя. Повторите позже.",
    495: "Такой платёж по этой карте запрещён. Попросите другую карту.",
    496: "Для карты не подключён 3-D Secure или произошла системная ошибка. Покупатель может "
    "подключить 3-D Secure в приложении банка или дать другую карту.",
    497: _RU_BANK_DOWN,
    498: "Оплата бонусами сейчас недоступна. Повторите позже или оплатите без бонусов.",
    499: "Код 3-D Secure неверный или не введён. Повторите попытку.",
    505: "Все 3 попытки по этому платежу использованы. Создайте новый платёж.",
    703: "Банк сообщил об ошибке. Повторите или попросите другую карту.",
    1612: "Терминал магазина не принимает карты этой страны. Попросите другую карту.",
    1636: "Банк не смог установить владельца карты. Попросите другую карту.",
    1654: "Одноразовый код (OTP) не подтверждён. Повторите попытку.",
    1759: "Не удалось провести платёж. Повторите или попросите другую карту.",
    2092: "Этой картой нельзя оплатить этот платёж. Попросите другую карту.",
}

# -- Kazakh ----------------------------------------------------------------------------------------

_KK_BANK_DOWN = "Банк жауап бермейді. Бірнеше минуттан кейін қайталаңыз."
_KK_CALL_BANK = (
    "Карта шығарған банк төлемді қабылдамады. Сатып алушы өз банкіне хабарласуы керек "
    "(нөмірі картаның артында)."
)
_KK_RESTRICTED = "Картаға шектеу қойылған. Басқа карта сұраңыз."
_KK_NO_CARD = "Мұндай карта жоқ. Карта нөмірін тексеріңіз."
_KK_EXPIRED = "Картаның мерзімі өтіп кеткен. Басқа карта сұраңыз."
_KK_LOST = "Карта жоғалған деп жарияланған. Оны қабылдамаңыз, басқа карта сұраңыз."

_KK: Final[dict[int, str]] = {
    455: "Бұл карта үшін 3-D Secure тексеруі қолжетімсіз немесе карта нөмірі қате. "
    "Нөмірді тексеріңіз немесе басқа карта сұраңыз.",
    456: "Қазір картаны пайдалану мүмкін емес. Кейінірек қайталаңыз немесе басқа карта сұраңыз.",
    457: "Картаның жарамдылық мерзімі қате енгізілді. Тексеріп, қайталаңыз.",
    458: _KK_BANK_DOWN,
    459: _KK_BANK_DOWN,
    460: "Банкте қате болды; сома картада бұғатталуы мүмкін. Қайталамас бұрын осы төлемнің күйін тексеріңіз.",
    461: "Банкте жүйелік қате болды. Бірнеше минуттан кейін қайталаңыз.",
    462: _KK_CALL_BANK,
    463: _KK_CALL_BANK,
    464: "Банк дүкеннің деректерін қабылдамады. ePay қолдау қызметіне хабарласыңыз.",
    465: _KK_RESTRICTED,
    466: _KK_CALL_BANK,
    467: "Карта бұғатталған. Басқа карта сұраңыз.",
    468: "Банкке карта иесін қосымша тексеру қажет. Басқа карта сұраңыз.",
    469: "Банк төлемді жарамсыз деп тапты. Деректерді тексеріп, қайталаңыз.",
    470: "Сома жарамсыз. Соманы тексеріп, жаңа төлем жасаңыз.",
    471: _KK_NO_CARD,
    472: _KK_NO_CARD,
    473: "3-D Secure тексеруінен өтпеді (код қате немесе енгізілмеді). Мұқият қайталаңыз.",
    474: "Карта шығарған банк төлемді қабылдамады. Басқа карта сұраңыз.",
    475: "Төлем өтпеді. Қайталап көріңіз.",
    476: "Банк ешқандай әрекет жасамады. Кемінде 30 минуттан кейін қайталаңыз.",
    477: "Карта деректерінің пішімі қате. Басқа карта сұраңыз.",
    478: _KK_EXPIRED,
    479: _KK_RESTRICTED,
    480: _KK_CALL_BANK,
    481: _KK_LOST,
    482: _KK_LOST,
    483: "Карта ұрланған деп жарияланған. Оны қабылдамаңыз, басқа карта сұраңыз.",
    484: "Картада қаражат жеткіліксіз. Басқа карта сұраңыз.",
    485: _KK_EXPIRED,
    486: "Картада интернеттегі сатып алуларға тыйым салынған. Сатып алушы оларды "
    "банк қосымшасында қоса алады немесе басқа карта бере алады.",
    487: "Бұл картамен осы дүкенде төлеуге болмайды. Басқа карта сұраңыз.",
    488: "Сома картаның лимитінен асады. Басқа карта сұраңыз.",
    489: _KK_RESTRICTED,
    490: "Бұл карта бойынша төлемдерге тыйым салынған. Сатып алушы өз банкіне хабарласуы керек.",
    491: "Бұл карта бойынша төлемдер саны шектен асты. Кейінірек қайталаңыз немесе басқа карта сұраңыз.",
    492: "PIN-код қате енгізілгендіктен карта бұғатталды. Сатып алушы өз банкіне хабарласуы керек.",
    493: "Карта шығарған банк қолжетімсіз. Кейінірек қайталаңыз.",
    494: "Карта шығарған банк уақытында жауап бермеді. Кейінірек қайталаңыз.",
    495: "Бұл картамен мұндай төлемге тыйым салынған. Басқа карта сұраңыз.",
    496: "Картаға 3-D Secure қосылмаған немесе жүйелік қате болды. Сатып алушы 3-D Secure "
    "қызметін банк қосымшасында қоса алады немесе басқа карта бере алады.",
    497: _KK_BANK_DOWN,
    498: "Бонустармен төлеу қазір қолжетімсіз. Кейінірек қайталаңыз немесе бонуссыз төлеңіз.",
    499: "3-D Secure коды қате немесе енгізілмеді. Қайталап көріңіз.",
    505: "Осы төлем бойынша 3 талпыныстың бәрі пайдаланылды. Жаңа төлем жасаңыз.",
    703: "Банк қате туралы хабарлады. Қайталаңыз немесе басқа карта сұраңыз.",
    1612: "Дүкеннің терминалы бұл елдің карталарын қабылдамайды. Басқа карта сұраңыз.",
    1636: "Банк карта иесін анықтай алмады. Басқа карта сұраңыз.",
    1654: "Бір реттік код (OTP) расталмады. Қайталап көріңіз.",
    1759: "Төлемді жүргізу мүмкін болмады. Қайталаңыз немесе басқа карта сұраңыз.",
    2092: "Бұл картамен осы төлемді төлеу мүмкін емес. Басқа карта сұраңыз.",
}

#: Decline sentence per language and code.
DECLINE_TEXTS: Final[Mapping[str, Mapping[int, str]]] = {"en": _EN, "ru": _RU, "kk": _KK}

#: The sentences for a decline without a listed code, per language.
_GENERIC: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "code": "Declined by the bank (code {code}).",
        "plain": "Declined by the bank.",
        "three_ds": "The 3-D Secure check was not completed.",
        "says": "The bank says: {text}",
    },
    "ru": {
        "code": "Банк отклонил платёж (код {code}).",
        "plain": "Банк отклонил платёж.",
        "three_ds": "Проверка 3-D Secure не завершена.",
        "says": "Сообщение банка: {text}",
    },
    "kk": {
        "code": "Банк төлемді қабылдамады (код {code}).",
        "plain": "Банк төлемді қабылдамады.",
        "three_ds": "3-D Secure тексеруі аяқталмады.",
        "says": "Банктің хабары: {text}",
    },
}


def language_of(tag: str | None) -> str:
    """``en``/``ru``/``kk`` from a language tag (``ru-KZ``, ``kk_KZ``, ``KZ``, ``rus``); else ``en``."""
    code = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    if code in ("ru", "rus"):
        return "ru"
    if code in ("kk", "kz", "kaz"):
        return "kk"
    return "en"


def decline_message(
    code: int | None,
    language: str = "en",
    *,
    code_text: str | None = None,
    three_ds: bool = False,
    bank_text: str | None = None,
) -> str:
    """Why a payment was declined, in ``language``'s words. Pure.

    A listed ``code`` gives its sentence. Otherwise: ``three_ds`` (the 3-D Secure step did not
    finish) gives that sentence; else "Declined by the bank (code N)." with the integer code or,
    when the bank sent a code that is not a number, its raw ``code_text``; the bank's own
    ``bank_text`` is added only to these general sentences, where it is the one hint there is.
    """
    lang = language if language in DECLINE_TEXTS else "en"
    listed = DECLINE_TEXTS[lang].get(code) if code is not None else None
    if listed is not None:
        return listed
    words = _GENERIC[lang]
    shown = str(code) if code else (code_text or "").strip()
    if three_ds and not shown:
        return words["three_ds"]
    text = words["code"].format(code=shown) if shown else words["plain"]
    if bank_text and bank_text.strip():
        text += " " + words["says"].format(text=bank_text.strip())
    return text


def unknown_status_message(name: str) -> Message:
    """Plain words for a ``statusName`` this console does not know (decision 0034), translatable."""
    return msg(
        "BankValues",
        QT_TRANSLATE_NOOP(
            "BankValues",
            "The bank sent a status this console does not know ({name}). The console keeps checking "
            "the payment; until it is clear, look it up in the bank's merchant cabinet before giving "
            "goods or money back.",
        ),
        name=name,
    )
