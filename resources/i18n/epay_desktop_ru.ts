<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="54"/>
        <source>(not opened)</source>
        <translation>(не открыта)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="57"/>
        <source>A counter console for Halyk Bank&apos;s ePay card payments.</source>
        <translation>Кассовая программа для приёма оплаты картами через Halyk ePay.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="70"/>
        <source>About ePay Desktop</source>
        <translation>О программе ePay Desktop</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="56"/>
        <source>ePay Desktop {version}</source>
        <translation>ePay Desktop {version}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="59"/>
        <source>Qt {version}</source>
        <translation>Qt {version}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="60"/>
        <source>PySide6 {version}</source>
        <translation>PySide6 {version}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="61"/>
        <source>Python {version}</source>
        <translation>Python {version}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="62"/>
        <source>Data folder: {folder}</source>
        <translation>Папка данных: {folder}</translation>
    </message>
</context>
<context>
    <name>AppAdmin</name>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="236"/>
        <source>Backing up the database…</source>
        <translation>Резервное копирование базы данных…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="250"/>
        <source>Backup done</source>
        <translation>Резервная копия сделана</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="247"/>
        <source>The database was backed up and the copy checked:
{path}</source>
        <translation>Резервная копия базы данных сделана и проверена:
{path}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="245"/>
        <source>The database is PostgreSQL: it is backed up on its server, not by this console.</source>
        <translation>База данных — PostgreSQL: её резервные копии делаются на её сервере, а не этой консолью.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="275"/>
        <source>Export done</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="147"/>
        <source>Settings saved. Gateway changes apply when the console is restarted.</source>
        <translation>Настройки сохранены. Изменения шлюза вступят в силу после перезапуска программы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="269"/>
        <source>{rows} payment(s) from {first} to {last} were written to:
{path}</source>
        <translation>Платежей с {first} по {last}: {rows}. Записаны в файл:
{path}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="150"/>
        <source>Settings saved. The fiscal register&apos;s settings apply from the next receipt; gateway changes apply when the console is restarted.</source>
        <translation>Настройки сохранены. Настройки онлайн-кассы действуют со следующего чека; изменения шлюза — после перезапуска консоли.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="266"/>
        <source>{rows} payment(s) of {day} were written to:
{path}</source>
        <translation>Платежей за {day}: {rows}. Записаны в файл:
{path}</translation>
    </message>
</context>
<context>
    <name>AppFlows</name>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="115"/>
        <source>Print refund receipt</source>
        <translation>Печать чека возврата</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="116"/>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="151"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="151"/>
        <source>cancel</source>
        <translation>отмена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="151"/>
        <source>charge</source>
        <translation>списание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="152"/>
        <source>The bank could not confirm whether this {what} of {amount} was applied.

Retry: the console asks the bank again and re-sends it only if the bank proves it was not applied (with the same operation id, so it cannot be applied twice).
Abandon: mark it as failed; start a new operation if the customer still needs it.
Mark applied: the bank&apos;s merchant cabinet lists this {what}: mark it as done.</source>
        <translation>Банк не смог подтвердить, проведена ли эта операция ({what}) на {amount}.

Повторить: программа снова запросит банк и отправит операцию повторно, только если банк подтвердит, что она не проведена (с тем же ID операции, поэтому дважды она не пройдёт).
Отказаться: отметить операцию как неуспешную; при необходимости начните новую.
Отметить проведённой: в кабинете мерчанта эта операция ({what}) есть — отметить её проведённой.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="162"/>
        <source>Review the operation</source>
        <translation>Решение по операции</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="97"/>
        <source>Refund done — invoice {invoice}, {amount}</source>
        <translation>Возврат проведён — заказ {invoice}, {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="102"/>
        <source>The refund of {amount} on invoice {invoice} is done. Print the refund receipt for the customer?</source>
        <translation>Возврат {amount} по заказу {invoice} проведён. Напечатать чек возврата для покупателя?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="168"/>
        <source>&amp;Retry</source>
        <translation>По&amp;вторить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="169"/>
        <source>A&amp;bandon</source>
        <translation>&amp;Отказаться</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="170"/>
        <source>&amp;Mark applied</source>
        <translation>Отметить &amp;проведённой</translation>
    </message>
</context>
<context>
    <name>AppShifts</name>
    <message>
        <location filename="../../epay_desktop/ui/app/shift_screens.py" line="161"/>
        <source>Shift {number} opened at {time} by {name}.</source>
        <translation>Смена {number} открыта в {time}, открыл(а): {name}.</translation>
    </message>
</context>
<context>
    <name>ApprovalWidget</name>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="46"/>
        <source>Manager approval</source>
        <extracomment>the error text appeared or went (the dialog grows to keep every field readable)</extracomment>
        <translation>Одобрение менеджера</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="50"/>
        <source>A cashier needs a manager&apos;s approval for this. The manager types their name and PIN here.</source>
        <translation>Для этого кассиру нужно одобрение менеджера. Менеджер вводит здесь своё имя и PIN-код.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="56"/>
        <source>Manager&apos;s name</source>
        <translation>Имя менеджера</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="57"/>
        <source>Manager&apos;s PIN or password</source>
        <translation>PIN-код или пароль менеджера</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="62"/>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="63"/>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="80"/>
        <source>A manager must type their name and PIN to approve.</source>
        <translation>Чтобы одобрить, менеджер должен ввести своё имя и PIN-код.</translation>
    </message>
</context>
<context>
    <name>AttentionDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="135"/>
        <source>Settled meanwhile.</source>
        <translation>Уже урегулировано.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="119"/>
        <source>The console&apos;s books say {console}, the bank says {bank}. Check the payment with the bank, then resolve it here with what you found.</source>
        <translation>По данным программы — {console}, по данным банка — {bank}. Проверьте платёж в банке, затем закройте расхождение здесь, указав, что выяснилось.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="142"/>
        <source>The bank has not confirmed the payment&apos;s outcome yet; the console keeps asking.</source>
        <translation>Банк ещё не подтвердил результат платежа; программа продолжает запрашивать.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="374"/>
        <source>What you found (e.g. what the bank&apos;s merchant cabinet shows)</source>
        <translation>Что выяснилось (например, что показывает кабинет мерчанта)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="384"/>
        <source>Only a manager can resolve a difference between the books and the bank.</source>
        <translation>Закрыть расхождение между учётом программы и банком может только менеджер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="104"/>
        <source>Refund made outside the console</source>
        <translation>Возврат не через программу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="105"/>
        <source>Refunded amounts differ</source>
        <translation>Суммы возврата не совпадают</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="106"/>
        <source>Charged amounts differ</source>
        <translation>Суммы списания не совпадают</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="113"/>
        <source>The bank refunded {bank} that no refund of this console explains (e.g. in the bank&apos;s merchant cabinet). Check it with the bank, then resolve it here with what you found.</source>
        <translation>Банк вернул {bank}, и ни один возврат этой программы этого не объясняет (например, возврат сделали в кабинете мерчанта). Проверьте это в банке, затем закройте расхождение здесь, указав, что выяснилось.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="127"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="128"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="129"/>
        <source>Charge</source>
        <translation>Списание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>Invoice</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Waiting for</source>
        <translation>Чего ждёт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="233"/>
        <source>Nothing needs attention: every payment and operation is settled.</source>
        <translation>Ничего не требует внимания: все платежи и операции урегулированы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="238"/>
        <source>Open payment</source>
        <translation>Открыть платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="248"/>
        <source>Choose a payment to see it; a manager reviews an operation from there.</source>
        <translation>Выберите платёж, чтобы открыть его; оттуда менеджер принимает решение по операции.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>Found</source>
        <translation>Обнаружено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="377"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Закрыть расхождение</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="324"/>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="495"/>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="342"/>
        <source>The console&apos;s books and the bank disagree ({count}):</source>
        <translation>Данные программы и банка расходятся ({count}):</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="498"/>
        <source>Discrepancy {number} resolved.</source>
        <translation>Расхождение № {number} закрыто.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="527"/>
        <source>Needs attention ({count})</source>
        <translation>Требует внимания ({count})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="147"/>
        <source>{kind} of {amount}: the bank could not confirm it; a manager must review it.</source>
        <translation>{kind} на {amount}: банк не смог подтвердить; нужно решение менеджера.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="153"/>
        <source>{kind} of {amount}: the bank&apos;s answer was lost; the console is checking.</source>
        <translation>{kind} на {amount}: ответ банка потерялся; программа проверяет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="163"/>
        <source>Fiscal receipt</source>
        <translation>Фискальный чек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="163"/>
        <source>Fiscal return receipt</source>
        <translation>Фискальный чек возврата</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="166"/>
        <source>{receipt} of {amount}: {reason}</source>
        <translation>{receipt}, {amount}: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="307"/>
        <source>A fiscal shift past 24 hours must be closed first: open the fiscal register to close it.</source>
        <translation>Сначала нужно закрыть смену кассы, открытую больше 24 часов: откройте онлайн-кассу, чтобы закрыть её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="304"/>
        <source>Fiscal &amp;register…</source>
        <translation>Онлайн-&amp;касса…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="75"/>
        <source>Register &amp;here…</source>
        <translation>Зарегистрировать &amp;здесь…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="77"/>
        <source>Register the chosen payment&apos;s held fiscal receipt at the cash register the settings name now: only after checking that the register it was sent to has no such check.</source>
        <translation>Зарегистрировать задержанный фискальный чек выбранного платежа в онлайн-кассе, указанной сейчас в настройках: только после проверки, что в кассе, куда он был отправлен, такого чека нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="82"/>
        <source>Only a manager can send a fiscal receipt to another cash register.</source>
        <translation>Отправить фискальный чек в другую онлайн-кассу может только менеджер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="129"/>
        <source>The fiscal receipt {number} was sent to the current cash register and is not registered yet: the row says why.</source>
        <translation>Фискальный чек {number} отправлен в текущую онлайн-кассу и ещё не зарегистрирован: причина указана в строке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="134"/>
        <source>The fiscal receipt {number} is registered at the current cash register.</source>
        <translation>Фискальный чек {number} зарегистрирован в текущей онлайн-кассе.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="101"/>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="109"/>
        <source>Register here</source>
        <translation>Зарегистрировать здесь</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="125"/>
        <source>No fiscal register is set up: nothing was sent.</source>
        <translation>Онлайн-касса не настроена: ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="102"/>
        <source>Register the fiscal receipt {number} at the cash register the settings name now?

Do this only after checking the journal of the cash register {register}: if the check is there, it is registered already; set the fiscal settings back to {register} instead.</source>
        <translation>Зарегистрировать фискальный чек {number} в онлайн-кассе, указанной сейчас в настройках?

Делайте это только после проверки журнала онлайн-кассы {register}: если чек там есть, он уже зарегистрирован; тогда верните в фискальных настройках кассу {register}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="174"/>
        <source>The console&apos;s books and the bank disagree about it: a manager resolves it in the list below.</source>
        <translation>Данные программы и банка по нему расходятся: менеджер закрывает расхождение в списке ниже.</translation>
    </message>
</context>
<context>
    <name>AuditAnchorDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="99"/>
        <source>The audit log is broken at entry {seq}: an entry was changed, deleted or moved. No anchor is given for a broken log; an administrator must check it.</source>
        <translation>Журнал аудита повреждён на записи {seq}: запись изменили, удалили или переставили. Для повреждённого журнала контрольная метка не выдаётся; администратор должен его проверить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="107"/>
        <source>The log matches the anchor: nothing up to entry {count} was cut or rewritten.</source>
        <translation>Журнал совпадает с контрольной меткой: до записи {count} ничего не обрезано и не переписано.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="111"/>
        <source>The log was cut: the anchor has {anchor} entries, the log only {count}.</source>
        <translation>Журнал обрезан: в контрольной метке {anchor} записей, в журнале только {count}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="115"/>
        <source>The log was rewritten: entry {seq} is not the one the anchor was printed for.</source>
        <translation>Журнал переписан: запись {seq} не та, для которой печаталась контрольная метка.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="180"/>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="127"/>
        <source>Audit log anchor</source>
        <translation>Контрольная метка журнала аудита</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="190"/>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="198"/>
        <source>The audit log is intact: {count} entries. Write this anchor down or save it off this PC; checked later, it shows whether the log was cut or rewritten since.</source>
        <translation>Журнал аудита цел: записей {count}. Запишите эту контрольную метку или сохраните её не на этом компьютере; проверка по ней позже покажет, не обрезали ли и не переписали ли журнал с тех пор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="223"/>
        <source>A kept anchor, e.g. {example}</source>
        <translation>Сохранённая метка, например {example}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="224"/>
        <source>C&amp;heck</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="239"/>
        <source>Check an anchor kept earlier:</source>
        <translation>Проверить метку, сохранённую раньше:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="326"/>
        <source>That is not an anchor: write it as printed, e.g. {example}.</source>
        <translation>Это не контрольная метка: введите её так, как она напечатана, например {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="346"/>
        <source>Only a manager or an administrator can see the audit log&apos;s anchor.</source>
        <translation>Контрольную метку журнала аудита может смотреть только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="192"/>
        <source>&amp;Print…</source>
        <translation>Пе&amp;чать…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="194"/>
        <source>&amp;Save…</source>
        <translation>&amp;Сохранить…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="128"/>
        <source>Printed {when}</source>
        <translation>Напечатано {when}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="130"/>
        <source>Entries in the audit log: {count}</source>
        <translation>Записей в журнале аудита: {count}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="133"/>
        <source>Keep this paper away from the computer. To check later that the log was not cut or rewritten, type the anchor in Settings &gt; Audit log anchor and press Check, or run:</source>
        <translation>Храните этот листок отдельно от компьютера. Чтобы позже проверить, что журнал не обрезали и не переписали, введите метку в Настройки &gt; Контрольная метка журнала аудита и нажмите «Проверить» или выполните команду:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="267"/>
        <source>Save the audit log anchor</source>
        <translation>Сохранить контрольную метку журнала аудита</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="269"/>
        <source>Text files (*.txt)</source>
        <translation>Текстовые файлы (*.txt)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="299"/>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="318"/>
        <source>Could not save: {why}</source>
        <translation>Не удалось сохранить: {why}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="314"/>
        <source>Saved to {path}: keep a copy off this PC.</source>
        <translation>Сохранено в {path}: храните копию не на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="85"/>
        <source>These accounts have a role or status that no audited decision gave: the database was changed outside the console, and their log-in is refused. An administrator must check them.</source>
        <translation>У этих учётных записей роль или статус, которых не давало ни одно решение в журнале аудита: базу данных изменили в обход консоли, и их вход запрещён. Администратор должен их проверить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="76"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="90"/>
        <source>{name}: {stored} in the database, audited {audited}</source>
        <translation>{name}: в базе данных — {stored}, по журналу аудита — {audited}</translation>
    </message>
</context>
<context>
    <name>BankValues</name>
    <message>
        <location filename="../../epay_desktop/domain/decline_reasons.py" line="128"/>
        <source>The bank sent a status this console does not know ({name}). The console keeps checking the payment; until it is clear, look it up in the bank&apos;s merchant cabinet before giving goods or money back.</source>
        <extracomment>Languages with decline texts; the first is the fallback. ``reasonCode`` 505, &quot;You have exceeded the number of 3 transactions&quot;: the invoice has no card attempts left; the customer can only pay on a new invoice. Every code the bank&apos;s SDK publishes (epay-api.md section 15), and 499. Decline sentence per language and code. The sentences for a decline without a listed code, per language.</extracomment>
        <translation>Банк прислал статус, неизвестный программе ({name}). Программа продолжает проверять платёж; пока статус не ясен, прежде чем отдавать товар или возвращать деньги, проверьте платёж в кабинете мерчанта.</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="24"/>
        <source>Cancel a held payment</source>
        <translation>Отмена блокировки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="35"/>
        <source>The whole hold of {amount} is released to the customer&apos;s card. Nothing is charged, and this cannot be undone.</source>
        <translation>Вся заблокированная сумма {amount} возвращается на карту покупателя. Ничего не списывается, и это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="30"/>
        <source>Held on the card</source>
        <translation>Заблокировано на карте</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="47"/>
        <source>A paid payment is refunded instead.</source>
        <translation>Для оплаченного платежа делайте возврат.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="50"/>
        <source>Only a held (authorised) payment can be cancelled; this one is “{status}”.</source>
        <translation>Отменить можно только заблокированный (авторизованный) платёж, а у этого статус «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="61"/>
        <source>Release {amount}</source>
        <translation>Разблокировать {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="63"/>
        <source>Release the hold</source>
        <translation>Снять блокировку</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="67"/>
        <source>Checking with the bank — the cancellation will not be sent twice.</source>
        <translation>Проверяем в банке — отмена не будет отправлена дважды.</translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="26"/>
        <source>Charge a held payment</source>
        <translation>Списание заблокированной суммы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="29"/>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="39"/>
        <source>All that is held ({amount})</source>
        <translation>Всю заблокированную сумму ({amount})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="30"/>
        <source>Part of it</source>
        <translation>Часть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="31"/>
        <source>Whatever is not charged goes back to the customer&apos;s card.</source>
        <translation>Всё, что не списано, вернётся на карту покупателя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="33"/>
        <source>Held on the card</source>
        <translation>Заблокировано на карте</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="34"/>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="56"/>
        <source>Charge</source>
        <translation>Списать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="45"/>
        <source>Only a held (authorised) payment can be charged; this one is “{status}”.</source>
        <translation>Списать можно только заблокированный (авторизованный) платёж, а у этого статус «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="56"/>
        <source>Charge {amount}</source>
        <translation>Списать {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="59"/>
        <source>Checking with the bank — the charge will not be sent twice.</source>
        <translation>Проверяем в банке — списание не будет отправлено дважды.</translation>
    </message>
</context>
<context>
    <name>CheckWithBank</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="55"/>
        <source>Checked with the bank: the console&apos;s books and the bank&apos;s differ; a manager should look at it in Needs attention.</source>
        <translation>Проверено в банке: данные программы и банка расходятся; менеджеру нужно посмотреть это в «Требует внимания».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="51"/>
        <source>Checked with the bank: {amount} refunded outside the console (see Needs attention).</source>
        <translation>Проверено в банке: {amount} возвращено не через программу (см. «Требует внимания»).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="60"/>
        <source>Checked with the bank: an operation on this payment is being sent right now; its result shows when it ends.</source>
        <translation>Проверено в банке: операция по этому платежу отправляется прямо сейчас; результат появится, когда она завершится.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="82"/>
        <source>Could not check with the bank: {problem}</source>
        <translation>Не удалось проверить в банке: {problem}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="71"/>
        <source>Checked with the bank: an unfinished operation was settled (see the timeline).</source>
        <translation>Проверено в банке: незавершённая операция урегулирована (см. историю).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="69"/>
        <source>Checked with the bank: the payment is now “{status}”.</source>
        <translation>Проверено в банке: статус платежа теперь «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="73"/>
        <source>Checked with the bank: an operation was made moments ago and the bank may show it late; check again in a minute.</source>
        <translation>Проверено в банке: операция сделана только что, и банк может показать её с задержкой; проверьте ещё раз через минуту.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="78"/>
        <source>Checked with the bank: nothing changed.</source>
        <translation>Проверено в банке: ничего не изменилось.</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="184"/>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="264"/>
        <source>A payment is in progress at this counter.</source>
        <extracomment>Why the page stopped: &quot;paying&quot; (still open), or what the customer/cashier/timer did. The customer has not paid (as far as the console knows): waiting, or a mark the counter set. The result&apos;s receipt preview closed (InvoiceId): a receipt may have been issued in it, so a screen listing the payment&apos;s receipts reads them again. The customer&apos;s attempt was declined and the page stays open for another (decision 0035): what the cashier should know; &quot;&quot; once it no longer applies. Looks the customer&apos;s saved cards up a moment after the customer id / phone stops changing.</extracomment>
        <translation>На этой кассе уже идёт оплата.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="196"/>
        <source>The bank did not open this payment ({reason}). No money was taken. The attempt stays in the list as Expired; start a new payment.</source>
        <translation>Банк не открыл этот платёж ({reason}). Деньги не списаны. Попытка останется в списке как «Истёк»; начните новый платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="233"/>
        <source>The customer&apos;s saved cards could not be checked: %1</source>
        <translation>Не удалось проверить сохранённые карты покупателя: %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="239"/>
        <source>No saved cards for this customer.</source>
        <translation>У этого покупателя нет сохранённых карт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="280"/>
        <source>Time is over</source>
        <translation>Время вышло</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="280"/>
        <source>Checking the payment with the bank…</source>
        <translation>Проверяем платёж в банке…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="364"/>
        <source>Declined: %1. The customer can try again on this page (%n attempt(s) left) or you can cancel the sale.</source>
        <translation>
            <numerusform>Отклонено: %1. Покупатель может попробовать ещё раз на этой странице (осталась %n попытка), или вы можете отменить продажу.</numerusform>
            <numerusform>Отклонено: %1. Покупатель может попробовать ещё раз на этой странице (осталось %n попытки), или вы можете отменить продажу.</numerusform>
            <numerusform>Отклонено: %1. Покупатель может попробовать ещё раз на этой странице (осталось %n попыток), или вы можете отменить продажу.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="361"/>
        <source>Declined: %1. The customer can try again on this page or you can cancel the sale.</source>
        <translation>Отклонено: %1. Покупатель может попробовать ещё раз на этой странице, или вы можете отменить продажу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="394"/>
        <source>Thank you</source>
        <translation>Спасибо</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="400"/>
        <source>Declined: %1. The payment page is closed; start a new sale to try again.</source>
        <translation>Отклонено: %1. Платёжная страница закрыта; чтобы попробовать ещё раз, начните новую продажу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="402"/>
        <source>Declined: %1. This invoice cannot be paid any more; start a new sale.</source>
        <translation>Отклонено: %1. Этот заказ больше нельзя оплатить; начните новую продажу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="435"/>
        <source>Checking with the bank… Wait for the answer before charging this sale again.</source>
        <translation>Проверяем в банке… Дождитесь ответа, прежде чем снова проводить оплату этой продажи.</translation>
    </message>
</context>
<context>
    <name>CheckoutView</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="103"/>
        <source>Cancel</source>
        <extracomment>Why the page could not load, in the browser&apos;s own words (for the payment&apos;s record, not people). Shown while the page is on the card issuer&apos;s host (3-D Secure): which host, plainly.</extracomment>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="163"/>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="166"/>
        <source>Opening the payment page…</source>
        <translation>Открываем платёжную страницу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="186"/>
        <source>Opening the card issuer&apos;s verification page…</source>
        <translation>Открываем страницу проверки банка-эмитента карты…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="187"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="226"/>
        <source>Time left: %1</source>
        <translation>Осталось: %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="230"/>
        <source>expired — start a new payment</source>
        <translation>время истекло — начните новый платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="236"/>
        <source>The payment time is over. Start a new payment.</source>
        <translation>Время на оплату истекло. Начните новый платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="244"/>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="245"/>
        <source>Payment cancelled</source>
        <translation>Платёж отменён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="245"/>
        <source>The cashier cancelled this payment.</source>
        <translation>Кассир отменил этот платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="255"/>
        <source>The customer has finished. Checking the result with the bank…</source>
        <translation>Покупатель закончил. Проверяем результат в банке…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="257"/>
        <source>Thank you</source>
        <translation>Спасибо</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="257"/>
        <source>Checking the result with the bank…</source>
        <translation>Проверяем результат в банке…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="265"/>
        <source>The payment page could not be loaded from the bank. Try again in a minute.</source>
        <translation>Не удалось загрузить платёжную страницу банка. Попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="278"/>
        <source>The payment page asks the customer to correct something; the sale stays open.</source>
        <translation>Платёжная страница просит покупателя что-то исправить; продажа остаётся открытой.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="287"/>
        <source>The payment page tried to open %1, which the console does not allow.</source>
        <translation>Платёжная страница пыталась открыть %1, а программа это не разрешает.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="295"/>
        <source>The payment page could not be loaded (%1). Try again in a minute.</source>
        <translation>Не удалось загрузить платёжную страницу (%1). Попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="302"/>
        <source>The customer is confirming the payment with the card issuer…</source>
        <translation>Покупатель подтверждает оплату в банке-эмитенте карты…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="305"/>
        <source>Waiting for the customer to pay…</source>
        <translation>Ждём оплаты от покупателя…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="317"/>
        <source>Card issuer&apos;s verification page: %1 — the payment continues after it</source>
        <translation>Страница проверки банка-эмитента: %1 — после неё оплата продолжится</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="331"/>
        <source>The payment page is not available</source>
        <translation>Платёжная страница недоступна</translation>
    </message>
</context>
<context>
    <name>CheckoutWindow</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="91"/>
        <source>New payment</source>
        <translation>Новый платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="204"/>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="207"/>
        <source>Hide it here; the main window keeps the notice.</source>
        <translation>Скрыть здесь; в главном окне уведомление останется.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="170"/>
        <source>Cancel this sale?</source>
        <translation>Отменить эту продажу?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="171"/>
        <source>The customer&apos;s payment page is open. Cancel the sale? If the customer has already paid, the console will still show the bank&apos;s answer.</source>
        <translation>Платёжная страница покупателя открыта. Отменить продажу? Если покупатель уже оплатил, программа всё равно покажет ответ банка.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="183"/>
        <source>Discard this sale?</source>
        <translation>Отказаться от этой продажи?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="184"/>
        <source>The amount and details you typed will be lost. Close the new payment anyway?</source>
        <translation>Введённые сумма и данные будут потеряны. Всё равно закрыть новый платёж?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="140"/>
        <source>This window stays open until the payment is settled: {why}</source>
        <translation>Это окно останется открытым, пока платёж не завершится: {why}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="191"/>
        <source>Discard the sale</source>
        <translation>Отказаться от продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="192"/>
        <source>Keep the sale</source>
        <translation>Продолжить продажу</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="106"/>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="107"/>
        <source>Check every payment of the shift with the bank first (recommended)</source>
        <translation>Сначала проверить в банке каждый платёж смены (рекомендуется)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="109"/>
        <source>Every payment of the shift is checked with the bank first (this can take a while; it can be stopped, and the shift then stays open), then the Z report is made and kept.</source>
        <translation>Сначала каждый платёж смены проверяется в банке (это может занять время; проверку можно остановить, и тогда смена останется открытой), затем формируется и сохраняется Z-отчёт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="114"/>
        <source>The Z report is made and kept; it will say the payments were not checked with the bank.</source>
        <translation>Будет сформирован и сохранён Z-отчёт; в нём будет указано, что платежи не проверялись в банке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="105"/>
        <source>Close shift {number}</source>
        <translation>Закрытие смены {number}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="123"/>
        <source>Close shift {shift}, opened {when}?</source>
        <translation>Закрыть смену {shift}, открытую {when}?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="181"/>
        <source>{name} is not a manager: a manager or an administrator closes a shift.</source>
        <translation>{name} — не менеджер: смену закрывает менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="118"/>
        <source>The fiscal register&apos;s receipts are checked too, and its shift is closed with its own Z report when no other counter has a shift open.</source>
        <translation>Чеки онлайн-кассы тоже сверяются, а её смена закрывается её собственным Z-отчётом, если ни на одной другой кассе смена не открыта.</translation>
    </message>
</context>
<context>
    <name>ComputerPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="386"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="390"/>
        <source>Gateway changes take effect when the console is restarted; the idle lock at once. The database is chosen when the console is installed (EPAYMENT_DATABASE_URL); copy the data folder to back it up.</source>
        <translation>Изменения шлюза вступят в силу после перезапуска программы, автоблокировка — сразу. База данных выбирается при установке программы (EPAYMENT_DATABASE_URL); для резервной копии скопируйте папку данных.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="398"/>
        <source>Database in use</source>
        <translation>Используемая база данных</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="399"/>
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="400"/>
        <source>Counter (register)</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="401"/>
        <source>Lock after no input for</source>
        <translation>Автоблокировка через</translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="317"/>
        <source>Only a manager or an administrator can back up the database.</source>
        <translation>Резервную копию базы данных может сделать только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="229"/>
        <source>&amp;Back up the database now</source>
        <translation>Сделать &amp;резервную копию базы данных</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="68"/>
        <source>Another operation on this payment is still being checked with the bank.</source>
        <translation>Другая операция по этому платежу ещё проверяется в банке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="75"/>
        <source>This payment is already fully refunded.</source>
        <translation>Этот платёж уже полностью возвращён.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="77"/>
        <source>The hold was released: nothing was taken, so there is nothing to refund.</source>
        <translation>Блокировка снята: ничего не списано, поэтому возвращать нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="79"/>
        <source>The money is only held: charge or cancel it instead of a refund.</source>
        <translation>Деньги только заблокированы: вместо возврата спишите или отмените блокировку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="86"/>
        <source>Nothing remains to refund on this payment.</source>
        <translation>По этому платежу возвращать больше нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="118"/>
        <source>A manager&apos;s approval will be asked for.</source>
        <translation>Потребуется одобрение менеджера.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="66"/>
        <source>A manager must first review the previous operation on this payment.</source>
        <translation>Сначала менеджер должен проверить предыдущую операцию по этому платежу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="94"/>
        <source>Only a held payment (“{held}”) can be charged or cancelled; this one is “{status}”.</source>
        <translation>Списать или отменить можно только заблокированный платёж («{held}»), а у этого статус «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="116"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="149"/>
        <source>Select a payment in the list first.</source>
        <translation>Сначала выберите платёж в списке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="129"/>
        <source>Printed before: this one is marked as a duplicate.</source>
        <translation>Чек уже печатался: этот будет помечен как дубликат.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="132"/>
        <source>Receipts are printed only for paid payments.</source>
        <translation>Чеки печатаются только для оплаченных платежей.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="134"/>
        <source>No operation of this payment waits for a review.</source>
        <translation>По этому платежу нет операций, ждущих проверки.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="147"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="114"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="177"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="309"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="322"/>
        <source>Log in first.</source>
        <translation>Сначала войдите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="151"/>
        <source>Checking with the bank… the result shows in the status bar.</source>
        <translation>Проверяем в банке… результат появится в строке состояния.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="212"/>
        <source>&amp;New payment…</source>
        <translation>&amp;Новый платёж…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="213"/>
        <source>&amp;Refund…</source>
        <translation>&amp;Возврат…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="214"/>
        <source>&amp;Cancel hold…</source>
        <translation>&amp;Отменить блокировку…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="215"/>
        <source>C&amp;harge hold…</source>
        <translation>&amp;Списать заблокированное…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="216"/>
        <source>Re&amp;view operation…</source>
        <translation>&amp;Решение по операции…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="217"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="303"/>
        <source>&amp;Print receipt</source>
        <translation>&amp;Печать чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="218"/>
        <source>Re&amp;fresh</source>
        <translation>Обнови&amp;ть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="219"/>
        <source>Check with the &amp;bank</source>
        <translation>Проверить в &amp;банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="220"/>
        <source>&amp;Find payment</source>
        <translation>&amp;Найти платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="221"/>
        <source>&amp;Switch user…</source>
        <translation>&amp;Сменить пользователя…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="222"/>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать экран</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="223"/>
        <source>Log &amp;out</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="224"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="225"/>
        <source>&amp;Users…</source>
        <translation>&amp;Пользователи…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="227"/>
        <source>&amp;Export payments (CSV)…</source>
        <translation>&amp;Экспорт платежей (CSV)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="230"/>
        <source>Needs &amp;attention…</source>
        <translation>Требует &amp;внимания…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="240"/>
        <source>&amp;About ePay console</source>
        <translation>&amp;О программе ePay</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="82"/>
        <source>Only a paid payment can be refunded; this one is “{status}”.</source>
        <translation>Вернуть можно только оплаченный платёж, а у этого статус «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="136"/>
        <source>Only a manager can review an operation.</source>
        <translation>Проверять операции может только менеджер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="271"/>
        <source>&amp;Payment</source>
        <translation>&amp;Платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="275"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="276"/>
        <source>&amp;Session</source>
        <translation>&amp;Сеанс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="277"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="279"/>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="303"/>
        <source>Re&amp;print receipt</source>
        <translation>&amp;Печать дубликата чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="312"/>
        <source>Only a manager or an administrator can change settings.</source>
        <translation>Менять настройки может только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="313"/>
        <source>Only a manager or an administrator can manage users.</source>
        <translation>Управлять пользователями может только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="315"/>
        <source>Only a manager or an administrator can export payments.</source>
        <translation>Экспортировать платежи может только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="228"/>
        <source>Audit log &amp;anchor…</source>
        <translation>Контрольная &amp;метка журнала аудита…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="316"/>
        <source>Only a manager or an administrator can see the audit log&apos;s anchor.</source>
        <translation>Контрольную метку журнала аудита может смотреть только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="226"/>
        <source>Receipt &amp;printers…</source>
        <translation>&amp;Чековые принтеры…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="314"/>
        <source>Only a manager or an administrator can change the printers.</source>
        <translation>Изменять принтеры может только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="181"/>
        <source>A shift command is running: wait until it ends.</source>
        <translation>Выполняется команда смены: дождитесь её окончания.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="184"/>
        <source>Reading this register&apos;s shift…</source>
        <translation>Читаем смену этой кассы…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="188"/>
        <source>No shift is open at this register: open one first (Shift, Open shift).</source>
        <translation>На этой кассе нет открытой смены: сначала откройте её (Смена, Открыть смену).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="231"/>
        <source>&amp;Day at a glance…</source>
        <translation>&amp;Итоги дня…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="233"/>
        <source>&amp;Open shift…</source>
        <translation>&amp;Открыть смену…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="234"/>
        <source>&amp;X report…</source>
        <translation>&amp;X-отчёт…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="235"/>
        <source>&amp;Close shift (Z report)…</source>
        <translation>&amp;Закрыть смену (Z-отчёт)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="236"/>
        <source>Shift &amp;history…</source>
        <translation>&amp;История смен…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="192"/>
        <source>Shift {number} is open: close it before opening another.</source>
        <translation>Смена {number} открыта: закройте её, прежде чем открывать новую.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="199"/>
        <source>This shop&apos;s rules let only a manager close a shift: ask a manager to sign in.</source>
        <translation>По правилам магазина смену закрывает только менеджер: попросите менеджера войти.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="202"/>
        <source>A manager signs in with their PIN to close it.</source>
        <translation>Чтобы закрыть смену, менеджер входит со своим PIN-кодом.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="273"/>
        <source>Shi&amp;ft</source>
        <translation>С&amp;мена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="318"/>
        <source>Only a manager or an administrator can see the day&apos;s figures.</source>
        <translation>Показатели дня может смотреть только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="237"/>
        <source>&amp;Fiscal register…</source>
        <translation>Онлайн-&amp;касса…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="238"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="239"/>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="58"/>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="63"/>
        <source>SANDBOX</source>
        <extracomment>Environment name (``EPAYMENT_ENV``, or ``demo``) -&gt; badge text, tooltip, colour role (None: quiet).</extracomment>
        <translation>УЧЕБНАЯ СРЕДА</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="59"/>
        <source>Built-in bank emulator: no real money moves.</source>
        <translation>Встроенный эмулятор банка: реальные деньги не двигаются.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="64"/>
        <source>Demo on the built-in bank emulator: no real money moves.</source>
        <translation>Демо на встроенном эмуляторе банка: реальные деньги не двигаются.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="68"/>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="73"/>
        <source>TEST</source>
        <translation>ТЕСТ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="69"/>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="74"/>
        <source>The bank&apos;s test server: no real money moves.</source>
        <translation>Тестовый сервер банка: реальные деньги не двигаются.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="78"/>
        <source>PRODUCTION</source>
        <translation>БОЕВОЙ РЕЖИМ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="79"/>
        <source>Halyk ePay production: real card payments.</source>
        <translation>Боевой режим Halyk ePay: настоящие оплаты картами.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="84"/>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="85"/>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="86"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="102"/>
        <source>Custom gateway address.</source>
        <translation>Свой адрес шлюза.</translation>
    </message>
    <message>
        <source>Payments or operations waiting for a check or a manager&apos;s review. Click to see them.</source>
        <translation type="vanished">Платежи или операции, которые ждут проверки или решения менеджера. Нажмите, чтобы посмотреть.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="420"/>
        <source>The console asks the bank once a payment needs checking.</source>
        <translation>Программа запросит банк, когда платёж нужно будет проверить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="437"/>
        <source>Last successful status check with the bank (Kazakhstan time).</source>
        <translation>Последняя успешная проверка статуса в банке (время Казахстана).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="380"/>
        <source>Not logged in</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="419"/>
        <source>● Bank: not checked yet</source>
        <translation>● Банк: ещё не проверялся</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="434"/>
        <source>Last check: —</source>
        <translation>Проверка: —</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="315"/>
        <source>⚠ {count} need attention</source>
        <translation>⚠ Требуют внимания: {count}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="422"/>
        <source>● Bank: OK</source>
        <translation>● Банк: на связи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="423"/>
        <source>The bank answers the console&apos;s status checks.</source>
        <translation>Банк отвечает на проверки статуса.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="426"/>
        <source>● Bank not reachable — retrying</source>
        <translation>● Банк не отвечает — повторяем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="429"/>
        <source>The console keeps retrying by itself.</source>
        <translation>Программа сама продолжает попытки.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="385"/>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="387"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="436"/>
        <source>Last check: {time}</source>
        <translation>Проверка: {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="343"/>
        <source>No shift is open at this register. Open one with Shift, Open shift.</source>
        <translation>На этой кассе нет открытой смены. Откройте её: Смена, Открыть смену.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="342"/>
        <source>No shift open</source>
        <translation>Смена не открыта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="347"/>
        <source>Shift {number} open since {time}</source>
        <translation>Смена {number} открыта с {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="349"/>
        <source>Shift {shift} was opened on {when} (Kazakhstan time).</source>
        <translation>Смена {shift} открыта {when} (время Казахстана).</translation>
    </message>
    <message>
        <source>⚠ Shift {number} open {hours} h: close it</source>
        <translation type="vanished">⚠ Смена {number} открыта {hours} ч: закройте её</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="356"/>
        <source>Shift {shift} has been open since {when} (Kazakhstan time), {hours} h: close it with a Z report (Shift, Close shift).</source>
        <translation>Смена {shift} открыта с {when} (время Казахстана), уже {hours} ч: закройте её Z-отчётом (Смена, Закрыть смену).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="353"/>
        <source>⚠ Shift {number} open {hours} h</source>
        <translation>⚠ Смена {number} открыта {hours} ч</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="305"/>
        <source>Payments waiting for a person: a check with the bank, a manager&apos;s review, a fiscal receipt or a difference between the books and the bank. Click to see them.</source>
        <translation>Платежи, которые ждут человека: проверки в банке, решения менеджера, фискального чека или закрытия расхождения между учётом и банком. Нажмите, чтобы посмотреть.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="342"/>
        <source>No shift</source>
        <translation>Нет смены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="354"/>
        <source>⚠ Shift: {hours} h</source>
        <translation>⚠ Смена: {hours} ч</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="427"/>
        <source>● Bank not reachable</source>
        <translation>● Банк не отвечает</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="348"/>
        <source>Shift {number}</source>
        <translation>Смена {number}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="48"/>
        <source>Your payments are safe: the console checks every unfinished operation with the bank.</source>
        <translation>Ваши платежи в сохранности: программа проверит в банке каждую незавершённую операцию.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="45"/>
        <source>Something went wrong. The details are saved in the application&apos;s log.</source>
        <translation>Что-то пошло не так. Подробности сохранены в журнале программы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="135"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="47"/>
        <source>Something went wrong. The details are saved in the log at {path}.</source>
        <translation>Что-то пошло не так. Подробности сохранены в журнале: {path}.</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="64"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="65"/>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="66"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="70"/>
        <source>Figure</source>
        <extracomment>The tables&apos; column heads (translated where shown, again after a language switch).</extracomment>
        <translation>Показатель</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="72"/>
        <source>Hour</source>
        <translation>Час</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="73"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="80"/>
        <source>Payments</source>
        <translation>Платежи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="74"/>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="75"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="83"/>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="76"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="84"/>
        <source>Takings</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="79"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="81"/>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="82"/>
        <source>Charges</source>
        <translation>Списания</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="167"/>
        <source>Takings, ₸</source>
        <translation>Выручка, ₸</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="190"/>
        <source>Day at a glance</source>
        <translation>Итоги дня</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="201"/>
        <source>Read the figures again (F5)</source>
        <translation>Загрузить показатели заново (F5)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="217"/>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="218"/>
        <source>Today by hour</source>
        <translation>Сегодня по часам</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="228"/>
        <source>By cashier</source>
        <translation>По кассирам</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="231"/>
        <source>Takings: sales and charges less refunds, every register, in Almaty time; a week starts on Monday. Decline rate: declined of the payments the bank answered. Refund rate: money refunded of money taken.</source>
        <translation>Выручка: продажи и списания за вычетом возвратов, по всем кассам, по времени Алматы; неделя начинается с понедельника. Доля отказов: отклонённые среди платежей, на которые банк ответил. Доля возвратов: возвращённые деньги от полученных.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="283"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="195"/>
        <source>Loading the figures…</source>
        <translation>Загружаем показатели…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="345"/>
        <source>Takings today, hour by hour</source>
        <translation>Выручка сегодня по часам</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="199"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="223"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="274"/>
        <source>Only a manager or an administrator can see the day&apos;s figures.</source>
        <translation>Показатели дня может смотреть только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="300"/>
        <source>Figures as of {time} (Almaty time)</source>
        <translation>Показатели на {time} (время Алматы)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="303"/>
        <source>Money operations waiting for an outcome: {count}</source>
        <translation>Операции, ожидающие результата: {count}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="328"/>
        <source>Charges of holds</source>
        <translation>Списания заблокированного</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="330"/>
        <source>Payments paid or held</source>
        <translation>Оплачено или заблокировано платежей</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="331"/>
        <source>Payments declined</source>
        <translation>Отклонено платежей</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="332"/>
        <source>Decline rate</source>
        <translation>Доля отказов</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="333"/>
        <source>Refund rate</source>
        <translation>Доля возвратов</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="374"/>
        <source>Takings per cashier: {period}</source>
        <translation>Выручка по кассирам: {period}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="288"/>
        <source>The figures could not be read; the ones below are older. Press Refresh to try again.</source>
        <translation>Не удалось загрузить показатели; ниже показаны прежние. Нажмите «Обновить», чтобы попробовать снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="290"/>
        <source>The figures could not be read. Press Refresh to try again.</source>
        <translation>Не удалось загрузить показатели. Нажмите «Обновить», чтобы попробовать снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="309"/>
        <source>Taken or moved today at a register with no shift open: {count}, net {net}. In the figures below; each register&apos;s next X and Z reports list them under Outside any shift.</source>
        <translation>Принято или проведено сегодня на кассе без открытой смены: {count}, чистая выручка {net}. Входит в показатели ниже; следующие X- и Z-отчёты каждой кассы перечисляют это в разделе «Вне смены».</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="66"/>
        <source>Invoice</source>
        <extracomment>What each CSV column is called on screen (the file keeps the stable names of CSV_COLUMNS).</extracomment>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="67"/>
        <source>Created (UTC)</source>
        <translation>Создан (UTC)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="68"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="69"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="70"/>
        <source>Amount at the bank</source>
        <translation>Сумма в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="71"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="72"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="73"/>
        <source>Card (masked)</source>
        <translation>Карта (маска)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="74"/>
        <source>Card type</source>
        <translation>Тип карты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="75"/>
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="76"/>
        <source>Approval code</source>
        <translation>Код авторизации</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="77"/>
        <source>Decline code</source>
        <translation>Код отказа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="78"/>
        <source>Decline reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="79"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="80"/>
        <source>Bank transaction id</source>
        <translation>ID транзакции в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="81"/>
        <source>Counter</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="82"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="85"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="86"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="87"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="88"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="89"/>
        <source>Chosen days</source>
        <translation>Выбранные дни</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="109"/>
        <source>The disk is full: the file was not written. Free some space or choose another drive.</source>
        <translation>Диск заполнен: файл не записан. Освободите место или выберите другой диск.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="118"/>
        <source>The file {path} could not be written ({reason}); nothing was written.</source>
        <translation>Не удалось записать файл {path} ({reason}); ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="165"/>
        <source>Export payments to CSV</source>
        <translation>Экспорт платежей в CSV</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="186"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="187"/>
        <source>Days (Kazakhstan time)</source>
        <translation>Дни (время Казахстана)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="190"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="222"/>
        <source>Tick at least one column.</source>
        <translation>Отметьте хотя бы один столбец.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="264"/>
        <source>Save the CSV file</source>
        <translation>Сохранить файл CSV</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="266"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="111"/>
        <source>The console may not write in {folder}: the file was not written. Choose another folder.</source>
        <translation>У программы нет права записи в {folder}: файл не записан. Выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="115"/>
        <source>The folder {folder} does not exist: choose another one.</source>
        <translation>Папки {folder} не существует: выберите другую.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="117"/>
        <source>{path} is a folder: give the file a name.</source>
        <translation>{path} — это папка: укажите имя файла.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="199"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="317"/>
        <source>Only a manager or an administrator can export payments.</source>
        <translation>Экспортировать платежи может только менеджер или администратор.</translation>
    </message>
</context>
<context>
    <name>FiscalBadge</name>
    <message>
        <source>⚠ Fiscal shift is over 24 hours: close it</source>
        <translation type="vanished">⚠ Смене кассы больше 24 ч: закройте её</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="63"/>
        <source>The fiscal register&apos;s shift reached its 24 hours at {when} (Kazakhstan time): the register refuses every receipt until it is closed with a Z report. Click to open the fiscal register.</source>
        <translation>Смене кассы исполнилось 24 часа в {when} (время Казахстана): касса отклоняет каждый чек, пока смену не закроют Z-отчётом. Нажмите, чтобы открыть онлайн-кассу.</translation>
    </message>
    <message>
        <source>Fiscal shift must be closed by {time}</source>
        <translation type="vanished">Смену кассы нужно закрыть до {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="70"/>
        <source>The fiscal register&apos;s shift must be closed with a Z report by {when} (Kazakhstan time); after that the register refuses receipts. Click to open the fiscal register.</source>
        <translation>Смену кассы нужно закрыть Z-отчётом до {when} (время Казахстана); после этого касса отклоняет чеки. Нажмите, чтобы открыть онлайн-кассу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="62"/>
        <source>⚠ Fiscal shift over 24 hours</source>
        <translation>⚠ Смена кассы больше 24 ч</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="69"/>
        <source>Close fiscal shift by {time}</source>
        <translation>Закройте смену кассы до {time}</translation>
    </message>
</context>
<context>
    <name>FiscalPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="43"/>
        <source>None: receipts are not fiscal</source>
        <translation>Нет: чеки не фискальные</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="93"/>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="94"/>
        <source>The API key and password are kept in the system keychain, never in a file.</source>
        <translation>API-ключ и пароль хранятся в системном хранилище ключей, а не в файле.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="103"/>
        <source>The shop is a VAT payer</source>
        <translation>Магазин — плательщик НДС</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="105"/>
        <source>Test connection</source>
        <translation>Проверить связь</translation>
    </message>
    <message>
        <source>Without a fiscal provider the console works as before and every receipt says it is not fiscal. Shared by every counter; applies when the console is restarted.</source>
        <translation type="vanished">Без фискального сервиса консоль работает как прежде, и на каждом чеке сказано, что он не фискальный. Общие для всех касс; действуют после перезапуска консоли.</translation>
    </message>
    <message>
        <source>Without a fiscal provider the console works as before and every receipt says it is not fiscal. Shared by every counter: a saved change applies here at once, on the other counters when they are restarted.</source>
        <translation type="vanished">Без фискального сервиса консоль работает как прежде, и на каждом чеке сказано, что он не фискальный. Общие для всех касс: сохранённое изменение действует здесь сразу, на других кассах — после их перезапуска.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="111"/>
        <source>Without a fiscal provider the console works as before and every receipt says it is not fiscal. Shared by every counter: a saved change applies on every counter from its next receipt.</source>
        <translation>Без фискального сервиса консоль работает как прежде, и на каждом чеке сказано, что он не фискальный. Общие для всех касс: сохранённое изменение действует на каждой кассе со следующего чека.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="118"/>
        <source>Fiscal provider</source>
        <translation>Фискальный сервис</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="119"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="120"/>
        <source>Cashier&apos;s login</source>
        <translation>Логин кассира</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="121"/>
        <source>Cashier&apos;s password</source>
        <translation>Пароль кассира</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="122"/>
        <source>API key</source>
        <translation>API-ключ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="124"/>
        <source>Cash register&apos;s unique number</source>
        <translation>Заводской номер ККМ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="125"/>
        <source>VAT rate</source>
        <translation>Ставка НДС</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="169"/>
        <source>The fiscal provider&apos;s address is like https://kkm.webkassa.kz.</source>
        <translation>Адрес фискального сервиса имеет вид https://kkm.webkassa.kz.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="171"/>
        <source>Enter the cashier&apos;s login at the fiscal provider.</source>
        <translation>Введите логин кассира в фискальном сервисе.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="174"/>
        <source>The cash register&apos;s unique number is 1 to 32 Latin letters and digits, e.g. {example}.</source>
        <translation>Заводской номер ККМ — от 1 до 32 латинских букв и цифр, например {example}.</translation>
    </message>
    <message>
        <source>The cash register&apos;s unique number is 1 to 32 Latin letters and digits, e.g. SWK00000001.</source>
        <translation type="vanished">Заводской номер ККМ — от 1 до 32 латинских букв и цифр, например SWK00000001.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="184"/>
        <source>Connecting to the fiscal provider…</source>
        <translation>Связь с фискальным сервисом…</translation>
    </message>
</context>
<context>
    <name>FiscalRegisterDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="72"/>
        <source>No fiscal register is set up, so receipts are not fiscal. A manager sets it up in Settings, Settings…, on the Fiscal register tab (the provider, its address, the cash register&apos;s number, the API key and the password).</source>
        <translation>Онлайн-касса не настроена, поэтому чеки не фискальные. Менеджер настраивает её в меню «Настройки», «Настройки…», на вкладке «Фискальная касса» (провайдер, его адрес, заводской номер кассы, API-ключ и пароль).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="190"/>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="498"/>
        <source>Fiscal register</source>
        <translation>Онлайн-касса</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="199"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="200"/>
        <source>&amp;X report</source>
        <translation>&amp;X-отчёт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="201"/>
        <source>Close fiscal shift (&amp;Z report)…</source>
        <translation>Закрыть смену кассы (&amp;Z-отчёт)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="202"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="261"/>
        <source>The fiscal shift has been open for more than 24 hours: the register refuses every receipt until a manager closes it with the Z report.</source>
        <translation>Смена кассы открыта больше 24 часов: касса отклоняет каждый чек, пока менеджер не закроет смену Z-отчётом.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="343"/>
        <source>Only a manager can close the fiscal shift: ask a manager to sign in.</source>
        <translation>Закрыть смену кассы может только менеджер: попросите менеджера войти.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>By card</source>
        <translation>Картой</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="206"/>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="206"/>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="218"/>
        <source>none open: the next receipt opens one</source>
        <translation>не открыта: следующий чек откроет её</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="235"/>
        <source>offline: receipts are kept and sent when it is back (72 hours at most)</source>
        <translation>автономный режим: чеки сохраняются и отправляются, когда связь вернётся (не больше 72 часов)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="237"/>
        <source>online</source>
        <translation>на связи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="256"/>
        <source>The fiscal shift has been open for more than 24 hours: the register refuses every receipt until it is closed. Close it with the Z report; the refused receipts are then registered.</source>
        <translation>Смена кассы открыта больше 24 часов: касса отклоняет каждый чек, пока смену не закроют. Закройте её Z-отчётом; после этого отклонённые чеки будут зарегистрированы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="345"/>
        <source>No fiscal shift is open: the next receipt opens one.</source>
        <translation>Смена кассы не открыта: следующий чек откроет её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="347"/>
        <source>Closes the register&apos;s shift with a Z report; the next receipt opens the next one.</source>
        <translation>Закрывает смену кассы Z-отчётом; следующий чек откроет новую смену.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="398"/>
        <source>Reading the fiscal register…</source>
        <translation>Читаем данные онлайн-кассы…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="430"/>
        <source>Close fiscal shift</source>
        <translation>Закрыть смену кассы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="441"/>
        <source>Closing the fiscal shift…</source>
        <translation>Закрываем смену кассы…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="115"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="116"/>
        <source>Open since</source>
        <translation>Открыта с</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="117"/>
        <source>Must be closed by</source>
        <translation>Закрыть до</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="118"/>
        <source>Documents in the shift</source>
        <translation>Документов в смене</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="119"/>
        <source>Connection to the OFD</source>
        <translation>Связь с ОФД</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="192"/>
        <source>{provider} · cash register {cashbox}</source>
        <translation>{provider} · касса {cashbox}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="266"/>
        <source>Close the fiscal shift with the Z report by {time}: after that the register refuses receipts until it is closed.</source>
        <translation>Закройте смену кассы Z-отчётом до {time}: после этого касса отклоняет чеки, пока смену не закроют.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="280"/>
        <source>Z report: shift {number} closed at {time}</source>
        <translation>Z-отчёт: смена {number} закрыта {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="285"/>
        <source>X report: shift {number} so far, at {time} (nothing was changed)</source>
        <translation>X-отчёт: смена {number} на {time} (ничего не изменено)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="413"/>
        <source>Asking the register for the X report…</source>
        <translation>Запрашиваем X-отчёт у кассы…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="315"/>
        <source>Receipts the register had refused for the old shift, registered now: {count}.</source>
        <translation>Чеки, которые касса отклоняла из-за старой смены, теперь зарегистрированы: {count}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="328"/>
        <source>Still not registered: {count}; Needs attention says why.</source>
        <translation>Всё ещё не зарегистрировано: {count}; причина — в списке «Требует внимания».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="437"/>
        <source>Close the &amp;shift</source>
        <translation>&amp;Закрыть смену кассы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="456"/>
        <source>Fiscal shift {number} is closed. The next receipt opens the next one.</source>
        <translation>Смена кассы {number} закрыта. Следующий чек откроет новую смену.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="220"/>
        <source>{number}, open</source>
        <translation>{number}, открыта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="222"/>
        <source>{number}, closed: the next receipt opens the next one</source>
        <translation>{number}, закрыта: следующий чек откроет новую</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="230"/>
        <source>{time}: over 24 hours, the register refuses receipts</source>
        <translation>{time}: больше 24 часов, касса отклоняет чеки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="431"/>
        <source>Close fiscal shift {number} of cash register {cashbox} with a Z report?

The register then opens the next shift with the next receipt. This cannot be undone.</source>
        <translation>Закрыть смену {number} кассы {cashbox} Z-отчётом?

Затем касса откроет новую смену со следующим чеком. Это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="321"/>
        <source>Receipts that had waited for another reason (refused for something else, or not answered), asked again and registered now: {count}.</source>
        <translation>Чеки, ожидавшие по другой причине (касса отклонила их не из-за смены или ответа не было), отправлены снова и теперь зарегистрированы: {count}.</translation>
    </message>
</context>
<context>
    <name>GatewayPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="122"/>
        <source>Cannot be saved on this computer</source>
        <translation>Нельзя сохранить на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="126"/>
        <source>A secret is stored in the keychain; type a new one to replace it.</source>
        <translation>Секрет сохранён в хранилище ключей; чтобы заменить, введите новый.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="127"/>
        <source>No secret stored yet. It is kept in the system keychain, never in a file.</source>
        <translation>Секрет ещё не сохранён. Он хранится в системном хранилище ключей, а не в файле.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="130"/>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="132"/>
        <source>Gateway</source>
        <translation>Шлюз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="133"/>
        <source>Token URL</source>
        <translation>URL токена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="134"/>
        <source>API URL</source>
        <translation>URL API</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="135"/>
        <source>Widget URL</source>
        <translation>URL виджета</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="136"/>
        <source>Client id</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="137"/>
        <source>Terminal</source>
        <translation>Терминал</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="138"/>
        <source>Client secret</source>
        <translation>Секрет клиента</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="142"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="147"/>
        <source>How late the bank&apos;s status may show a refund, charge or cancellation. Until this long after sending, &quot;not applied&quot; is not trusted: no retry, no abandon. Shared by every counter; applies at once.</source>
        <translation>Насколько поздно статус в банке может показать возврат, списание или отмену. Пока с отправки прошло меньше этого времени, ответу «не проведено» не доверяем: ни повтора, ни отказа. Общая для всех касс; действует сразу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="156"/>
        <source>Bank status lag up to</source>
        <translation>Задержка статуса в банке до</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="202"/>
        <source>Gateway URLs start with https:// (or http:// for the sandbox); leave empty for the default.</source>
        <translation>Адреса шлюза начинаются с https:// (или http:// для учебной среды); оставьте пустым для значения по умолчанию.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="206"/>
        <source>The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.</source>
        <translation>Терминал — это UUID вида 67e34d63-102f-4bd1-898e-370781d0074d.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="208"/>
        <source>Enter the client id the secret belongs to.</source>
        <translation>Введите Client ID, к которому относится секрет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="210"/>
        <source>Production needs your client id and terminal from the ePay cabinet.</source>
        <translation>Для боевого режима нужны ваши Client ID и терминал из кабинета ePay.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="80"/>
        <source>en</source>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>LatePaymentNotice</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="72"/>
        <source>which was cancelled at the counter</source>
        <translation>отменённый на кассе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="74"/>
        <source>whose payment page failed at the counter</source>
        <translation>у которого на кассе не открылась платёжная страница</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="76"/>
        <source>Invoice {invoice}, {amount}, {what}, was AUTHORISED (held) on the customer&apos;s card after all. Do not take the money again; cancel the hold if the customer paid another way.</source>
        <translation>Заказ {invoice}, {amount}, {what}, всё-таки АВТОРИЗОВАН (сумма заблокирована) на карте покупателя. Не принимайте деньги повторно; если покупатель заплатил иначе, отмените блокировку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="81"/>
        <source>Invoice {invoice}, {amount}, {what}, was PAID by the customer&apos;s card after all. Do not take the money again; refund it if the customer paid another way.</source>
        <translation>Заказ {invoice}, {amount}, {what}, всё-таки ОПЛАЧЕН картой покупателя. Не принимайте деньги повторно; если покупатель заплатил иначе, сделайте возврат.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="98"/>
        <source>Open payment</source>
        <translation>Открыть платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="100"/>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="102"/>
        <source>Hide this notice (the payment stays in the list).</source>
        <translation>Скрыть уведомление (платёж останется в списке).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="121"/>
        <source>Payments made after a cancel</source>
        <translation>Оплаты после отмены</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="48"/>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="99"/>
        <source>Log in as someone else</source>
        <translation>Войти под другим именем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="78"/>
        <source>The console is locked</source>
        <translation>Программа заблокирована</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="80"/>
        <source>{name}, enter your PIN or password to continue.</source>
        <translation>{name}, введите PIN-код или пароль, чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="82"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="93"/>
        <source>Log in to the ePay console</source>
        <translation>Вход в кассу ePay</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="94"/>
        <source>Enter your name and your PIN or password.</source>
        <translation>Введите своё имя и PIN-код или пароль.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="95"/>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="60"/>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="60"/>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="60"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="323"/>
        <source>Log in</source>
        <translation>Вход</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="137"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="213"/>
        <source>Log in to the ePay console</source>
        <translation>Вход в кассу ePay</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="139"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="214"/>
        <source>Enter your name and your PIN or password.</source>
        <translation>Введите своё имя и PIN-код или пароль.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="142"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="215"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="142"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="152"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="216"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="219"/>
        <source>PIN or password</source>
        <translation>PIN-код или пароль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="148"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="217"/>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="151"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="218"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="181"/>
        <source>Demo mode: sandbox gateway, no real money.</source>
        <translation>Демо-режим: учебная среда, реальных денег нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="182"/>
        <source>Demo users (click to fill in):</source>
        <translation>Демо-пользователи (нажмите, чтобы подставить):</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="196"/>
        <source>{name} ({role}): PIN {pin}</source>
        <translation>{name} ({role}): PIN-код {pin}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="189"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="222"/>
        <source>Click to fill in this user</source>
        <translation>Нажмите, чтобы подставить этого пользователя</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="473"/>
        <source>Nothing to show: no payment matches the search or filters.</source>
        <translation>Нечего показать: ни один платёж не подходит под поиск или фильтры.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="503"/>
        <source>The list is being searched: select a payment when it appears.</source>
        <translation>Идёт поиск по списку: выберите платёж, когда он появится.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="498"/>
        <source>Payment {invoice} is hidden by the search or filters: clear them or select a payment in the list.</source>
        <translation>Платёж {invoice} скрыт поиском или фильтрами: сбросьте их или выберите платёж в списке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="438"/>
        <source>Payment {invoice} is not in the list for this search or filter.
Clear the search (Esc) or select a payment in the list.</source>
        <translation>Платежа {invoice} нет в списке при этом поиске или фильтре.
Сбросьте поиск (Esc) или выберите платёж в списке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="443"/>
        <source>Payment {invoice} is not in the list for the status or dates chosen.
Show all payments (Esc) or select a payment in the list.</source>
        <translation>Платежа {invoice} нет в списке при выбранном статусе или датах.
Покажите все платежи (Esc) или выберите платёж в списке.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="205"/>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="282"/>
        <source>Enter an amount like 1500 or 1500,50.</source>
        <translation>Введите сумму, например 1500 или 1500,50.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="209"/>
        <source>Enter an amount greater than zero.</source>
        <translation>Введите сумму больше нуля.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="207"/>
        <source>The amount must be at least {minimum}.</source>
        <translation>Сумма должна быть не меньше {minimum}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="211"/>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="280"/>
        <source>The amount must not be more than {maximum}.</source>
        <translation>Сумма должна быть не больше {maximum}.</translation>
    </message>
</context>
<context>
    <name>MoneyOpDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="191"/>
        <source>{operation} — invoice {invoice}, {amount}</source>
        <extracomment>The narrowest a money dialog gets; a longer title widens it (:meth:`MoneyOpDialog.showEvent`). What a title bar takes besides the title: its buttons (menu, minimise, maximise, close) and margins. &quot;All of it&quot; / &quot;part of it: [amount]&quot;, for the dialogs that offer the choice (:meth:`full_or_part`).</extracomment>
        <translation>{operation} — заказ {invoice}, {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="210"/>
        <source>Invoice</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="211"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="214"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="238"/>
        <source>Another operation on this payment is still being checked with the bank. Wait for it.</source>
        <translation>Другая операция по этому платежу ещё проверяется в банке. Дождитесь её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="380"/>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="379"/>
        <source>The bank refused it: {reason}</source>
        <translation>Банк отказал: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="226"/>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="391"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>NewPaymentForm</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="56"/>
        <source>What is paid for (optional)</source>
        <translation>За что оплата (необязательно)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="59"/>
        <source>Kazakhstan mobile number: +7 and 10 digits</source>
        <translation>Мобильный номер Казахстана: +7 и 10 цифр</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="63"/>
        <source>Customer id in your shop (optional)</source>
        <translation>ID клиента в вашем магазине (необязательно)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="64"/>
        <source>Save the card for this customer</source>
        <translation>Сохранить карту для этого покупателя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="77"/>
        <source>Take payment (Enter)</source>
        <translation>Принять оплату (Enter)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="83"/>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="178"/>
        <source>Pay with a saved card…</source>
        <translation>Оплата сохранённой картой…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="91"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="96"/>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="97"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="98"/>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="99"/>
        <source>Customer id:</source>
        <translation>ID клиента:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="103"/>
        <source>Payment page language:</source>
        <translation>Язык платёжной страницы:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="110"/>
        <source>New payment</source>
        <translation>Новый платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="176"/>
        <source>Pay with a saved card (%1)…</source>
        <translation>Оплата сохранённой картой (%1)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="203"/>
        <source>Write the phone like +7 777 123 45 67.</source>
        <translation>Пишите телефон так: +7 777 123 45 67.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="206"/>
        <source>The e-mail should look like name@example.kz.</source>
        <translation>E-mail должен выглядеть так: name@example.kz.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="211"/>
        <source>The customer id may use only Latin letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>ID клиента может содержать только латинские буквы, цифры, &apos;.&apos;, &apos;_&apos; и &apos;-&apos;.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="214"/>
        <source>To save the card, enter the customer id.</source>
        <translation>Чтобы сохранить карту, введите ID клиента.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="274"/>
        <source>Saving a card needs the customer id.</source>
        <translation>Для сохранения карты нужен ID клиента.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="50"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="51"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="52"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="53"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="54"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="55"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="58"/>
        <source>Charge</source>
        <translation>Списание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="59"/>
        <source>Cancellation</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="60"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="63"/>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="64"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="65"/>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="66"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="67"/>
        <source>Needs a manager</source>
        <translation>Нужен менеджер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="176"/>
        <source>{requester}, approved by {approver}</source>
        <translation>{requester}, одобрил(а) {approver}</translation>
    </message>
</context>
<context>
    <name>PaymentAmounts</name>
    <message>
        <location filename="../../epay_desktop/ui/common/amounts.py" line="35"/>
        <source>Charged {charged} of {authorised}; {released} released</source>
        <translation>Списано {charged} из {authorised}; разблокировано {released}</translation>
    </message>
</context>
<context>
    <name>PaymentDetailView</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="378"/>
        <source>{name} (not known to this console)</source>
        <extracomment>Rows shown even when empty (as a dash); the others hide when they have nothing to say. Outcomes the console concluded by itself: no bank answer dates them.</extracomment>
        <translation>{name} (неизвестен программе)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="77"/>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="235"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="77"/>
        <source>Charged</source>
        <translation>Списано</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="78"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="79"/>
        <source>Can be refunded</source>
        <translation>Можно вернуть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="79"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="80"/>
        <source>Bank&apos;s reason</source>
        <translation>Причина от банка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="81"/>
        <source>Bank status</source>
        <translation>Статус в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="82"/>
        <source>Bank&apos;s reason code</source>
        <translation>Код причины от банка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="83"/>
        <source>Approval code</source>
        <translation>Код авторизации</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="83"/>
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="84"/>
        <source>Transaction ID</source>
        <translation>ID транзакции</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="85"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="85"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="86"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="86"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="87"/>
        <source>Last checked</source>
        <translation>Последняя проверка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="82"/>
        <source>The bank&apos;s own time for this, from its answer</source>
        <translation>Время самого банка, из его ответа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="83"/>
        <source>This console&apos;s clock: the bank gave no time for this</source>
        <translation>Время по часам программы: банк не сообщил время</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="103"/>
        <source>Times are Kazakhstan time: “(bank)” is the bank&apos;s own time, the others this console&apos;s clock.</source>
        <translation>Время — по Казахстану: «(банк)» — время самого банка, остальное — по часам программы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="238"/>
        <source>Timeline</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="239"/>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="230"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="230"/>
        <source>What happened</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="231"/>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="398"/>
        <source>{time} (bank)</source>
        <translation>{time} (банк)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="235"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="235"/>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="235"/>
        <source>Issued</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="278"/>
        <source>Select a payment to see its details.
Press Enter to open it.</source>
        <translation>Выберите платёж, чтобы увидеть подробности.
Нажмите Enter, чтобы открыть его.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="289"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="356"/>
        <source>Payment {invoice}</source>
        <translation>Платёж {invoice}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="434"/>
        <source>Receipts ({count})</source>
        <translation>Чеки ({count})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="84"/>
        <source>The fiscal register&apos;s time on the receipt</source>
        <translation>Время онлайн-кассы на чеке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="86"/>
        <source>Check the fiscal receipt on the OFD&apos;s site</source>
        <translation>Проверить фискальный чек на сайте ОФД</translation>
    </message>
    <message>
        <source>Check the fiscal return receipt on the OFD&apos;s site</source>
        <translation type="vanished">Проверить фискальный чек возврата на сайте ОФД</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="93"/>
        <source>No longer needs attention: this payment has left the Needs attention list. Its details stay here until you select another payment.</source>
        <translation>Больше не требует внимания: платёж ушёл из списка «Требует внимания». Его данные остаются здесь, пока вы не выберете другой платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="98"/>
        <source>This payment no longer matches the search or filters: it has left the list. Its details stay here until you select another payment.</source>
        <translation>Платёж больше не подходит под поиск или фильтры: он ушёл из списка. Его данные остаются здесь, пока вы не выберете другой платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="88"/>
        <source>Check the fiscal return receipt of {amount} on the OFD&apos;s site</source>
        <translation>Проверить фискальный чек возврата ({amount}) на сайте ОФД</translation>
    </message>
</context>
<context>
    <name>PaymentFilterBar</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="66"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="67"/>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="68"/>
        <source>Paid or held</source>
        <translation>Оплачен или заблокирован</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="69"/>
        <source>Waiting or paying</source>
        <translation>Ожидает или оплачивается</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="70"/>
        <source>Declined or failed</source>
        <translation>Отклонён или ошибка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="71"/>
        <source>Refunded or released</source>
        <translation>Возвращён или разблокирован</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="98"/>
        <source>All dates</source>
        <translation>Все даты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="99"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="100"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="101"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="102"/>
        <source>Custom dates…</source>
        <translation>Выбрать даты…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="158"/>
        <source>Invoice, card last 4, amount, RRN…</source>
        <translation>Заказ, карта, сумма, RRN…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="160"/>
        <source>Find a payment by any of: invoice number (or its first digits), the last 4 digits of the card, the amount in tenge (1500 or 1500.50), the RRN, or the approval code. Ctrl+F comes here; Esc clears it.</source>
        <translation>Поиск платежа по любому из: номеру заказа (или его первым цифрам), последним 4 цифрам карты, сумме в тенге (1500 или 1500.50), RRN или коду авторизации. Ctrl+F переходит сюда; Esc очищает поле.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="168"/>
        <source>Show payments in one status, a group of them, or all</source>
        <translation>Показывать платежи с одним статусом, группой статусов или все</translation>
    </message>
</context>
<context>
    <name>PaymentTimeline</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="197"/>
        <source>not credited to any operation of this console; a manager compares it with the bank</source>
        <translation>не относится ни к одной операции этой программы; менеджер сверяет это с банком</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="174"/>
        <source>Sale cancelled by the cashier after a declined attempt</source>
        <translation>Продажа отменена кассиром после отклонённой попытки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="279"/>
        <source>Sale receipt</source>
        <translation>Чек продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="280"/>
        <source>Refund receipt</source>
        <translation>Чек возврата</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="281"/>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="409"/>
        <source>Checking with the bank… The result is not known yet; do not repeat the operation.</source>
        <translation>Проверяем в банке… Результат пока неизвестен; не повторяйте операцию.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="196"/>
        <source>Refund made outside this console: {amount}</source>
        <translation>Возврат не через эту программу: {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="206"/>
        <source>The bank reported: {what}</source>
        <translation>Банк сообщил: {what}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="239"/>
        <source>Waiting for the customer to pay</source>
        <translation>Ждём оплаты от покупателя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="241"/>
        <source>Result not known yet: checking with the bank</source>
        <translation>Результат пока неизвестен: проверяем в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="243"/>
        <source>The payment page expired; the customer did not pay</source>
        <translation>Время платёжной страницы истекло; покупатель не оплатил</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="246"/>
        <source>Cancelled by the cashier before the customer paid</source>
        <translation>Отменено кассиром до оплаты покупателем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="248"/>
        <source>The payment page could not be loaded; the customer could not pay</source>
        <translation>Платёжная страница не загрузилась; покупатель не смог оплатить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="256"/>
        <source>Customer&apos;s result: {status}</source>
        <translation>Результат покупателя: {status}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="262"/>
        <source>{operation} {amount}: {state}</source>
        <translation>{operation} {amount}: {state}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="265"/>
        <source>asked by {name}</source>
        <translation>запросил(а) {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="287"/>
        <source>{kind} No. {number} issued</source>
        <translation>{kind} № {number} выдан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="290"/>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="334"/>
        <source>by {name}</source>
        <translation>оформил(а): {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="407"/>
        <source>A manager must review this operation: the bank could not confirm it.</source>
        <translation>Эту операцию должен проверить менеджер: банк не смог её подтвердить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="332"/>
        <source>Payment of {amount} created</source>
        <translation>Создан платёж на {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="341"/>
        <source>Payment page opened for the customer</source>
        <translation>Платёжная страница открыта для покупателя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="400"/>
        <source>The bank&apos;s own words: {text}</source>
        <translation>Ответ банка дословно: {text}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="162"/>
        <source>Card attempt approved: {status}</source>
        <translation>Попытка оплаты картой одобрена: {status}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="166"/>
        <source>Declined: {reason}</source>
        <translation>Отклонено: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="169"/>
        <source>attempt {number}, card {card}</source>
        <translation>попытка {number}, карта {card}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="171"/>
        <source>attempt {number}</source>
        <translation>попытка {number}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="180"/>
        <source>The customer is trying again on the payment page</source>
        <translation>Покупатель пробует снова на платёжной странице</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="253"/>
        <source>approval {code}</source>
        <translation>код авторизации {code}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="267"/>
        <source>approved by {name}</source>
        <translation>одобрил(а) {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="271"/>
        <source>reason: {reason}</source>
        <translation>причина: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="273"/>
        <source>bank: {message}</source>
        <translation>банк: {message}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="343"/>
        <source>valid until {time}</source>
        <translation>действует до {time}</translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="48"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="49"/>
        <source>Invoice</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="50"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="51"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="52"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="53"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="54"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_model.py" line="605"/>
        <source>{operation} of {amount}: {state}</source>
        <translation>{operation} на {amount}: {state}</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="500"/>
        <source>No payments match these filters.</source>
        <translation>Ни один платёж не подходит под эти фильтры.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="490"/>
        <source>Loading payments…</source>
        <translation>Загрузка платежей…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="492"/>
        <source>No payments yet.
Press F2 to take a card payment.</source>
        <translation>Платежей пока нет.
Нажмите F2, чтобы принять оплату картой.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="151"/>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="301"/>
        <source>New sale</source>
        <translation>Новая продажа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="471"/>
        <source>Not loaded</source>
        <translation>Не загружено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="486"/>
        <source>The list could not be loaded.
{reason}
Press F5 to try again.</source>
        <translation>Не удалось загрузить список.
{reason}
Нажмите F5, чтобы повторить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="496"/>
        <source>No payment matches “{text}”.
Search by invoice, card last 4, amount, RRN or approval code; Esc clears the search.</source>
        <translation>Нет платежей по запросу «{text}».
Ищите по номеру заказа, 4 последним цифрам карты, сумме, RRN или коду авторизации; Esc сбрасывает поиск.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="301"/>
        <source>New sale ({key})</source>
        <translation>Новая продажа ({key})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_model.py" line="570"/>
        <source>Loading…</source>
        <extracomment>Operation states the list marks (the store&apos;s &quot;needs attention&quot; states). Pages kept in memory (least recently used go first). Filtered to Needs attention, the list reads itself again this long after the last change that may take a payment out (a burst of events, e.g. an operation and its payment settled together, makes one read). The roles :meth:`PaymentsTableModel.data` answers: a paint asks each cell for a dozen more (font, colours, decoration, check state...), which are refused before any lookup (issue 10: the cost of a paint of the viewport, P2s). The list is about to be counted and read again; True when the filter changed (not the sort).</extracomment>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="469"/>
        <source>%n payment(s) shown; the rest could not be loaded (F5)</source>
        <translation>
            <numerusform>Показан %n платёж; остальные не загрузились (F5)</numerusform>
            <numerusform>Показано %n платежа; остальные не загрузились (F5)</numerusform>
            <numerusform>Показано %n платежей; остальные не загрузились (F5)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="473"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n платёж</numerusform>
            <numerusform>%n платежа</numerusform>
            <numerusform>%n платежей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="73"/>
        <source>No payment that needs attention matches these dates or this search.
The badge and Needs attention (Ctrl+Shift+A) count every day: choose All dates to see them all here.</source>
        <translation>Среди платежей за эти даты или по этому поиску нет требующих внимания.
Значок и «Требует внимания» (Ctrl+Shift+A) считают за все дни: выберите «Все даты», чтобы увидеть их здесь.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="72"/>
        <source>Nothing needs attention: every payment is settled.</source>
        <translation>Ничего не требует внимания: все платежи урегулированы.</translation>
    </message>
</context>
<context>
    <name>PrintersDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="49"/>
        <source>Network (TCP port 9100)</source>
        <translation>Сеть (TCP-порт 9100)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="50"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="51"/>
        <source>Serial port (COM)</source>
        <translation>Последовательный порт (COM)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="52"/>
        <source>System queue (CUPS, raw)</source>
        <translation>Системная очередь печати (CUPS, raw)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="53"/>
        <source>Device file</source>
        <translation>Файл устройства</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="56"/>
        <source>80 mm roll</source>
        <translation>Лента 80 мм</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="57"/>
        <source>58 mm roll</source>
        <translation>Лента 58 мм</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="60"/>
        <source>Image (always right, slower)</source>
        <translation>Изображение (всегда верно, медленнее)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="61"/>
        <source>Text in KZ-1048 (Kazakh code page)</source>
        <translation>Текст в KZ-1048 (казахская кодовая страница)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="62"/>
        <source>Text in cp866/cp1251, Kazakh lines as images</source>
        <translation>Текст в cp866/cp1251, казахский — изображением</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="65"/>
        <source>Partial cut</source>
        <translation>Частичный отрез</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="66"/>
        <source>Full cut</source>
        <translation>Полный отрез</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="67"/>
        <source>No cutter</source>
        <translation>Нет отрезчика</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="61"/>
        <source>Name</source>
        <extracomment>One change or print at a time: every button waits while one runs.</extracomment>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="62"/>
        <source>Connected at</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="63"/>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="64"/>
        <source>Printing</source>
        <translation>Режим печати</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="65"/>
        <source>Cutter</source>
        <translation>Отрезчик</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="66"/>
        <source>Default here</source>
        <translation>Основной на кассе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="93"/>
        <source>Enter the printer&apos;s network address, like 192.168.1.50.</source>
        <translation>Введите сетевой адрес принтера, например 192.168.1.50.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="95"/>
        <source>Type the port in its own field, not after the address.</source>
        <translation>Порт введите в отдельное поле, а не после адреса.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="128"/>
        <source>e.g. Counter 1</source>
        <translation>например, Касса 1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="165"/>
        <source>Connected by</source>
        <translation>Способ подключения</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="178"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="253"/>
        <source>Enter the printer&apos;s name.</source>
        <translation>Введите название принтера.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="255"/>
        <source>A printer&apos;s name has no slashes.</source>
        <translation>В названии принтера не должно быть косых черт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="272"/>
        <source>Enter the printer&apos;s device file, like /dev/usb/lp0.</source>
        <translation>Введите файл устройства принтера, например /dev/usb/lp0.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="122"/>
        <source>Receipt printer</source>
        <translation>Чековый принтер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="161"/>
        <source>This register&apos;s default receipt printer</source>
        <translation>Основной чековый принтер этой кассы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="262"/>
        <source>The USB vendor and product ids are four hexadecimal digits each, like 0416 and 5011 (lsusb or the Device Manager shows them).</source>
        <translation>Коды производителя и устройства USB — по четыре шестнадцатеричные цифры, например 0416 и 5011 (их показывает lsusb или Диспетчер устройств).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="104"/>
        <source>{host} is not a network address: use letters, digits, dots and dashes.</source>
        <translation>{host} — не сетевой адрес: используйте буквы, цифры, точки и дефисы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="152"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="152"/>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="154"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="153"/>
        <source>Vendor id</source>
        <translation>Код производителя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="153"/>
        <source>Product id</source>
        <translation>Код устройства</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="154"/>
        <source>Speed (baud)</source>
        <translation>Скорость (бод)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="155"/>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="156"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="270"/>
        <source>Enter the serial port, like /dev/ttyUSB0 or COM3.</source>
        <translation>Введите последовательный порт, например /dev/ttyUSB0 или COM3.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="271"/>
        <source>Enter the name of the printer&apos;s raw CUPS queue.</source>
        <translation>Введите имя очереди CUPS (raw) для принтера.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="100"/>
        <source>{host} is not an IP address: four numbers from 0 to 255 with dots between.</source>
        <translation>{host} — не IP-адрес: нужны четыре числа от 0 до 255 через точку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="102"/>
        <source>Receipt printers</source>
        <translation>Чековые принтеры</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="123"/>
        <source>Receipts print on this register&apos;s default printer; without one, Print opens the system&apos;s print dialog. Calibrate a new printer once: it finds how it prints Kazakh letters.</source>
        <translation>Чеки печатаются на основном принтере этой кассы; если его нет, «Печать» открывает системное окно печати. Новый принтер откалибруйте один раз: так выяснится, как он печатает казахские буквы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="348"/>
        <source>Line 1 right: text with every Kazakh letter (fastest). Line 2 or 3: Russian text, Kazakh lines as images.</source>
        <translation>Верна строка 1: текст со всеми казахскими буквами (быстрее всего). Строка 2 или 3: русский текст, казахские строки — изображением.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="357"/>
        <source>Use this line</source>
        <translation>Выбрать эту строку</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="108"/>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="109"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="110"/>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="111"/>
        <source>Make &amp;default here</source>
        <translation>Сделать &amp;основным</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="112"/>
        <source>&amp;Test print</source>
        <translation>&amp;Пробная печать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="113"/>
        <source>&amp;Calibrate…</source>
        <translation>&amp;Калибровка…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="344"/>
        <source>None of them (print receipts as images)</source>
        <translation>Ни одна (печатать чеки изображением)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="185"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="252"/>
        <source>{name} is removed.</source>
        <translation>Принтер {name} удалён.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="259"/>
        <source>Receipts of this register now print on {name}.</source>
        <translation>Чеки этой кассы теперь печатаются на принтере {name}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="271"/>
        <source>Printing the test page on {name}…</source>
        <translation>Печать пробной страницы на принтере {name}…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="281"/>
        <source>Printing the calibration page on {name}…</source>
        <translation>Печать страницы калибровки на принтере {name}…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="302"/>
        <source>{name} now prints: {mode}.</source>
        <translation>Режим печати принтера {name}: {mode}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="327"/>
        <source>Calibrate {name}</source>
        <translation>Калибровка принтера {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="329"/>
        <source>Look at the calibration page {name} printed. Line {image} is an image of what every line should show. Which numbered line shows its letters exactly like line {image}?</source>
        <translation>Посмотрите на страницу калибровки, которую напечатал принтер {name}. Строка {image} — изображение того, как должна выглядеть каждая строка. В какой пронумерованной строке буквы точно такие же, как в строке {image}?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="244"/>
        <source>{name} is saved.</source>
        <translation>Принтер {name} сохранён.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="275"/>
        <source>The test page was printed on {name}.</source>
        <translation>Пробная страница напечатана на принтере {name}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="182"/>
        <source>{width} mm</source>
        <translation>{width} мм</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../epay_desktop/ui/common/language.py" line="500"/>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/common/language.py" line="498"/>
        <source>&amp;Look in:</source>
        <extracomment>Kazakh, Russian, English: the order of the login screen&apos;s selector. Each language&apos;s name in itself: the selector is never translated (a reader finds their own language). Neither a remembered choice nor a system language the console speaks: Russian (the issue). The gateway payment page&apos;s ``language`` field for each interface language.</extracomment>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/language.py" line="499"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>ReceiptChooser</name>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="80"/>
        <source>Print which receipt? — invoice {invoice}, {amount}</source>
        <translation>Какой чек печатать? — заказ {invoice}, {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="85"/>
        <source>Payment {invoice} has refunds. Choose the receipt to print:</source>
        <translation>По платежу {invoice} были возвраты. Выберите чек для печати:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="92"/>
        <source>Sale receipt: {amount}</source>
        <translation>Чек продажи: {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="97"/>
        <source>Refund receipt: {amount}, {when}</source>
        <translation>Чек возврата: {amount}, {when}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="67"/>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="237"/>
        <source>DUPLICATE (reprint)</source>
        <extracomment>The receipt languages offered, each named in itself (as language pickers do; not translated). who prints, and which receipt (the language and width follow the preview shown) This register&apos;s thermal printer (decision 0109): Print sends the receipt to it, not to a dialog. The receipt printer chosen in Settings (&quot;&quot; = ask every time): Print goes straight to it.</extracomment>
        <translation>ДУБЛИКАТ (повторная печать)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="248"/>
        <source>Receipt &amp;language:</source>
        <translation>&amp;Язык чека:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="293"/>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="257"/>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="258"/>
        <source>Other printer…</source>
        <translation>Другой принтер…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="298"/>
        <source>Print on another printer than %1 (the receipt printer chosen in Settings).</source>
        <translation>Печать на другом принтере, не на %1 (чековый принтер из настроек).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="303"/>
        <source>Print on %1.</source>
        <translation>Печать на %1.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="262"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="293"/>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="358"/>
        <source>Refund receipt</source>
        <translation>Чек возврата</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="358"/>
        <source>Sale receipt</source>
        <translation>Чек продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="360"/>
        <source>%1 — invoice %2, %3</source>
        <translation>%1 — заказ %2, %3</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="368"/>
        <source>Receipt preview</source>
        <translation>Просмотр чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="371"/>
        <source>Printed before: printing or saving issues a numbered duplicate. Closing issues nothing.</source>
        <translation>Чек уже печатался: печать или сохранение выдаст нумерованный дубликат. Закрытие ничего не выдаёт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="375"/>
        <source>The receipt gets its number when you print or save it. Closing issues nothing.</source>
        <translation>Чек получит номер, когда вы его напечатаете или сохраните. Закрытие ничего не выдаёт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="378"/>
        <source>Receipt No. %1</source>
        <translation>Чек № %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="379"/>
        <source>Issued. Print or save again here to output this same receipt.</source>
        <translation>Выдан. Чтобы вывести этот же чек ещё раз, снова нажмите «Печать» или «Сохранить».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="388"/>
        <source>The receipt is issued in this language; print it again for a copy in another one.</source>
        <translation>Чек выдан на этом языке; чтобы получить копию на другом, напечатайте его снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="573"/>
        <source>The receipt printer chosen in Settings, %1, is not installed on this computer: choose a printer (a manager can change the receipt printer in Settings).</source>
        <translation>Чековый принтер из настроек, %1, не установлен на этом компьютере: выберите принтер (менеджер может сменить чековый принтер в настройках).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="457"/>
        <source>Print — %1 is not installed</source>
        <translation>Печать — %1 не установлен</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="465"/>
        <source>Save the receipt as PDF</source>
        <translation>Сохранить чек в PDF</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="467"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="505"/>
        <source>Sent to %1.</source>
        <translation>Отправлено на %1.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="507"/>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="514"/>
        <source>Asking %1…</source>
        <translation>Проверка принтера %1…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="565"/>
        <source>%1 Nothing was printed and no receipt was issued: press Print again when ready.</source>
        <translation>%1 Ничего не напечатано, чек не выдан: когда принтер будет готов, нажмите «Напечатать снова».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="532"/>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="555"/>
        <source>Print again</source>
        <translation>Напечатать снова</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="534"/>
        <source>Printing on %1…</source>
        <translation>Печать на принтере %1…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="569"/>
        <source>Printed on %1.</source>
        <translation>Напечатано на принтере %1.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="595"/>
        <source>Could not save: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="585"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation type="vanished">%1 — это папка.</translation>
    </message>
    <message>
        <source>the folder %1 does not exist.</source>
        <translation type="vanished">папки %1 не существует.</translation>
    </message>
    <message>
        <source>you may not write in %1.</source>
        <translation type="vanished">нет права записи в %1.</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="231"/>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="239"/>
        <source>Ask every time</source>
        <translation>Спрашивать каждый раз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="243"/>
        <source>{name} (not found)</source>
        <translation>{name} (не найден)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="248"/>
        <source>No printer is installed on this computer: receipts can still be saved as PDF.</source>
        <translation>На этом компьютере не установлен ни один принтер: чеки можно сохранять в PDF.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="252"/>
        <source>The system&apos;s default printer is {name}.</source>
        <translation>Принтер системы по умолчанию: {name}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="255"/>
        <source>Shop name</source>
        <translation>Название магазина</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="256"/>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="257"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="258"/>
        <source>Receipt width</source>
        <translation>Ширина чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="259"/>
        <source>Receipt language</source>
        <translation>Язык чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="260"/>
        <source>Receipt printer</source>
        <translation>Чековый принтер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="282"/>
        <source>The BIN has 12 digits ({count} typed).</source>
        <translation>В БИН 12 цифр (введено: {count}).</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="50"/>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="64"/>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="126"/>
        <source>Refund</source>
        <extracomment>(code sent to the service, label), shared with the detail panel&apos;s timeline. &quot;other&quot; needs a few words. The reason stored is &quot;other: &lt;what was typed&gt;&quot;; the service takes TEXT_MAX_CHARS in all.</extracomment>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="54"/>
        <source>Part of it</source>
        <translation>Часть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="59"/>
        <source>Why is the money returned?</source>
        <translation>Почему возвращаются деньги?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="61"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="62"/>
        <source>Refunded so far</source>
        <translation>Уже возвращено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="63"/>
        <source>Remaining</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="66"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="83"/>
        <source>All that remains ({amount})</source>
        <translation>Весь остаток ({amount})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="97"/>
        <source>Only a paid payment can be refunded; this one is “{status}”.</source>
        <translation>Вернуть можно только оплаченный платёж, а у этого статус «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="101"/>
        <source>Nothing remains to refund on this payment.</source>
        <translation>По этому платежу возвращать больше нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="103"/>
        <source>Only {amount} remains: the bank refuses refunds below {minimum}.</source>
        <translation>Осталось только {amount}: банк не принимает возвраты меньше {minimum}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="116"/>
        <source>Describe the reason for the refund.</source>
        <translation>Опишите причину возврата.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="126"/>
        <source>Refund {amount}</source>
        <translation>Вернуть {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="129"/>
        <source>Checking with the bank — the refund will not be sent twice.</source>
        <translation>Проверяем в банке — возврат не будет отправлен дважды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="43"/>
        <source>Customer request</source>
        <extracomment>The code of &quot;other&quot;: the reason is stored as ``other: &lt;the words typed&gt;``. (code sent to the service and stored, label), in the order the refund dialog offers them.</extracomment>
        <translation>Просьба покупателя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="44"/>
        <source>Goods returned</source>
        <translation>Возврат товара</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="45"/>
        <source>Duplicate payment</source>
        <translation>Двойная оплата</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="46"/>
        <source>Wrong amount</source>
        <translation>Неверная сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="47"/>
        <source>Other (describe)</source>
        <translation>Другое (опишите)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="63"/>
        <source>Other: {note}</source>
        <translation>Другое: {note}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="67"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="130"/>
        <source>Amount:</source>
        <extracomment>The title&apos;s colour role per outcome (resources/theme/colors.json). The panel behind the title and message: the outcome is seen from across the counter.</extracomment>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="131"/>
        <source>Card:</source>
        <translation>Карта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="132"/>
        <source>Approval code:</source>
        <translation>Код авторизации:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="133"/>
        <source>Invoice:</source>
        <translation>Заказ:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="139"/>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="221"/>
        <source>Print receipt (Enter)</source>
        <translation>Печать чека (Enter)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="143"/>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="146"/>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="222"/>
        <source>New sale</source>
        <translation>Новая продажа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="214"/>
        <source>A new charge for this sale is blocked until the bank answers, so the customer is not charged twice.</source>
        <translation>Новая оплата этой продажи заблокирована до ответа банка, чтобы с покупателя не списали дважды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="221"/>
        <source>Reprint receipt</source>
        <translation>Печать дубликата чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="222"/>
        <source>New sale (Enter)</source>
        <translation>Новая продажа (Enter)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="265"/>
        <source>Payment approved</source>
        <translation>Оплата одобрена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="266"/>
        <source>Payment declined</source>
        <translation>Оплата отклонена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="267"/>
        <source>The payment window expired</source>
        <translation>Время на оплату истекло</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="268"/>
        <source>Checking with the bank…</source>
        <translation>Проверяем в банке…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="269"/>
        <source>Waiting for the customer…</source>
        <translation>Ждём покупателя…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="270"/>
        <source>The payment page is not available</source>
        <translation>Платёжная страница недоступна</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="271"/>
        <source>Cancelled by the cashier</source>
        <translation>Отменено кассиром</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="272"/>
        <source>Payment finished</source>
        <translation>Оплата завершена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="277"/>
        <source>The money was taken from the card and the receipt is issued. Enter starts the next sale.</source>
        <translation>Деньги списаны с карты, чек выдан. Enter — следующая продажа.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="280"/>
        <source>The money was taken from the card. Print the receipt for the customer.</source>
        <translation>Деньги списаны с карты. Распечатайте чек для покупателя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="287"/>
        <source>The customer did not pay in time. Nothing was charged. Try again to start a new payment.</source>
        <translation>Покупатель не успел оплатить. Ничего не списано. Нажмите «Повторить», чтобы начать новый платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="291"/>
        <source>The bank has not confirmed the result yet. Keep the customer here: the console keeps asking.</source>
        <translation>Банк ещё не подтвердил результат. Попросите покупателя подождать: программа продолжает запрашивать банк.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="295"/>
        <source>The bank&apos;s payment page could not be opened, so the customer could not pay. The console keeps checking with the bank until the payment time is over. Try again to start a new payment.</source>
        <translation>Платёжная страница банка не открылась, поэтому покупатель не смог оплатить. Программа проверяет платёж в банке, пока не истечёт время на оплату. Нажмите «Повторить», чтобы начать новый платёж.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="301"/>
        <source>The sale was cancelled at the counter. The console keeps checking with the bank until the payment time is over, in case the customer had already paid.</source>
        <translation>Продажа отменена на кассе. Программа проверяет платёж в банке, пока не истечёт время на оплату, — на случай, если покупатель уже оплатил.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="304"/>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
</context>
<context>
    <name>SavedCardPanel</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="55"/>
        <source>Only a manager can deactivate a saved card. Ask a manager to log in.</source>
        <extracomment>Why a cashier&apos;s &quot;Deactivate card&quot; is disabled (docs/decisions/0019).</extracomment>
        <translation>Отключить сохранённую карту может только менеджер. Попросите менеджера войти.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="75"/>
        <source>Pay with a saved card</source>
        <extracomment>3-D Secure: (Payment still unsettled, the issuer&apos;s form to post in the checkout browser).</extracomment>
        <translation>Оплата сохранённой картой</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="80"/>
        <source>Customer id</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="81"/>
        <source>Show cards</source>
        <translation>Показать карты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="87"/>
        <source>Charge the card</source>
        <translation>Списать с карты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="90"/>
        <source>Deactivate card…</source>
        <translation>Отключить карту…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="97"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="102"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="103"/>
        <source>Customer id:</source>
        <translation>ID клиента:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="146"/>
        <source>Enter the customer id first.</source>
        <translation>Сначала введите ID клиента.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="148"/>
        <source>Looking for the customer&apos;s cards…</source>
        <translation>Ищем карты покупателя…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="155"/>
        <source>The bank does not allow payments with this card.</source>
        <translation>Банк не разрешает оплату этой картой.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="166"/>
        <source>Choose the card and press Enter.</source>
        <translation>Выберите карту и нажмите Enter.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="168"/>
        <source>This customer has no saved cards.</source>
        <translation>У этого покупателя нет сохранённых карт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="180"/>
        <source>Deactivate the saved card?</source>
        <translation>Отключить сохранённую карту?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="181"/>
        <source>%1 will no longer be offered for this customer&apos;s payments. The customer can save it again with a new payment.</source>
        <translation>Карта %1 больше не будет предлагаться для оплат этого покупателя. Покупатель может снова сохранить её при новой оплате.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="193"/>
        <source>The card %1 was deactivated.</source>
        <translation>Карта %1 отключена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="202"/>
        <source>Charging the card…</source>
        <translation>Списываем с карты…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="102"/>
        <source>No secure keychain on this computer: the client secret cannot be saved. Set EPAYMENT_CLIENT_SECRET for this session or install a keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain)</source>
        <extracomment>services.secret_store.NO_KEYCHAIN as a literal, so pyside6-lupdate extracts it (a test keeps them equal)</extracomment>
        <translation>На этом компьютере нет защищённого хранилища ключей: секрет клиента нельзя сохранить. Задайте EPAYMENT_CLIENT_SECRET для этого сеанса или установите хранилище ключей (GNOME Keyring / KWallet / Диспетчер учётных данных Windows / Связка ключей macOS)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="141"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="167"/>
        <source>Gateway</source>
        <translation>Шлюз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="168"/>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="169"/>
        <source>Shifts</source>
        <translation>Смены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="171"/>
        <source>Fiscal register</source>
        <translation>Фискальная касса</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="172"/>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="42"/>
        <source>Production (real money)</source>
        <extracomment>The declared choices (domain/settings_catalog.py) in the order shown, with their labels.</extracomment>
        <translation>Боевой режим (реальные деньги)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="43"/>
        <source>Bank test hosts (epayment.kz)</source>
        <translation>Тестовые серверы банка (epayment.kz)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="44"/>
        <source>Bank test hosts (homebank.kz, older)</source>
        <translation>Тестовые серверы банка (homebank.kz, старые)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="45"/>
        <source>Built-in sandbox (no real money)</source>
        <translation>Встроенная учебная среда (без реальных денег)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="48"/>
        <source>80 mm roll</source>
        <translation>Лента 80 мм</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="49"/>
        <source>58 mm roll</source>
        <translation>Лента 58 мм</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="50"/>
        <source>A4 page</source>
        <translation>Лист A4</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="275"/>
        <source>Only a manager or an administrator can change the settings.</source>
        <translation>Менять настройки может только менеджер или администратор.</translation>
    </message>
</context>
<context>
    <name>ShiftBankCheck</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/bank_progress.py" line="71"/>
        <source>&amp;Stop the check</source>
        <translation>&amp;Остановить проверку</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/bank_progress.py" line="91"/>
        <source>Asking the bank about the shift&apos;s payments…</source>
        <translation>Запрашиваем в банке платежи смены…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/bank_progress.py" line="94"/>
        <source>Checked with the bank: {done} of {total} payments.</source>
        <translation>Проверено в банке платежей: {done} из {total}.</translation>
    </message>
</context>
<context>
    <name>ShiftFlows</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="62"/>
        <source>No open shift</source>
        <translation>Нет открытой смены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="71"/>
        <source>Open shift</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="90"/>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="91"/>
        <source>The X report shows the open shift&apos;s figures so far and changes nothing.

Compare them with the bank too? Every payment of the shift is checked with the bank: this can take a while, and it can be stopped.</source>
        <translation>X-отчёт показывает итоги открытой смены на текущий момент и ничего не меняет.

Сверить их и с банком? Каждый платёж смены будет проверен в банке: это может занять время, проверку можно остановить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="57"/>
        <source>No shift is open at register {register} now: it may have been closed meanwhile on another computer of this register (its Z report is in Shift, Shift history). Open a new one with Shift, Open shift.</source>
        <translation>На кассе {register} сейчас нет открытой смены: возможно, её только что закрыли на другом компьютере этой кассы (её Z-отчёт — в меню Смена, История смен). Откройте новую: Смена, Открыть смену.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="78"/>
        <source>&amp;Open shift</source>
        <translation>&amp;Открыть смену</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="98"/>
        <source>Check with the &amp;bank</source>
        <translation>Сверить с &amp;банком</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="98"/>
        <source>&amp;Figures only</source>
        <translation>&amp;Только итоги</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="72"/>
        <source>Open a new shift at register {register}?

The payments taken here from now on are counted in it until it is closed with a Z report.</source>
        <translation>Открыть новую смену на кассе {register}?

Платежи, принятые здесь с этого момента, будут учитываться в ней, пока её не закроют Z-отчётом.</translation>
    </message>
    <message>
        <source>Shift {number} stays open</source>
        <translation type="vanished">Смена {number} остаётся открытой</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="181"/>
        <source>The bank check was stopped, so shift {shift} was not closed: it stays open and payments go on being counted in it.

Close it again when you are ready.</source>
        <translation>Проверка в банке остановлена, поэтому смена {shift} не закрыта: она остаётся открытой, и платежи продолжают учитываться в ней.

Закройте её снова, когда будете готовы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="107"/>
        <source>X report: checking with the bank</source>
        <translation>X-отчёт: проверка в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="108"/>
        <source>Stopping the check changes nothing: the X report is simply not made.</source>
        <translation>Остановка проверки ничего не меняет: X-отчёт просто не будет сформирован.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="139"/>
        <source>Closing shift {number}: checking with the bank</source>
        <translation>Закрытие смены {number}: проверка в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="140"/>
        <source>Stopping the check leaves shift {number} open: nothing is closed.</source>
        <translation>Если остановить проверку, смена {number} останется открытой: ничего не будет закрыто.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="180"/>
        <source>The shift stays open</source>
        <translation>Смена остаётся открытой</translation>
    </message>
</context>
<context>
    <name>ShiftHistoryDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="91"/>
        <source>open now</source>
        <translation>открыта сейчас</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="175"/>
        <source>The newest first. Open a closed shift to read, print or save its Z report again.</source>
        <translation>Сначала новые. Откройте закрытую смену, чтобы снова прочитать, напечатать или сохранить её Z-отчёт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="177"/>
        <source>No shift has been opened at this register yet (Shift &gt; Open shift).</source>
        <translation>На этой кассе ещё не открывали смену (Смена &gt; Открыть смену).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Opened by</source>
        <translation>Открыл(а)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Closed by</source>
        <translation>Закрыл(а)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Net</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="132"/>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="207"/>
        <source>&amp;Open report</source>
        <translation>&amp;Открыть отчёт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="134"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="207"/>
        <source>Show the &amp;X report</source>
        <translation>Показать &amp;X-отчёт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="98"/>
        <source>{net} so far</source>
        <translation>{net} на текущий момент</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="173"/>
        <source>Shift history — register {register}</source>
        <translation>История смен — касса {register}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="211"/>
        <source>Shift {number} is still open: it gets its Z report when it is closed (Shift &gt; Close shift). Its X report shows the figures so far and changes nothing.</source>
        <translation>Смена {number} ещё открыта: Z-отчёт появится при её закрытии (Смена &gt; Закрыть смену). X-отчёт показывает итоги на текущий момент и ничего не меняет.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="120"/>
        <source>Net taken</source>
        <translation>Чистая выручка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="105"/>
        <source>Status differs</source>
        <translation>Различается статус</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="93"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="303"/>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="94"/>
        <source>Holds</source>
        <translation>Блокировки</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="95"/>
        <source>Charges</source>
        <translation>Списания</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="96"/>
        <source>Cancellations</source>
        <translation>Отмены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="97"/>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="206"/>
        <source>Nothing in this shift.</source>
        <translation>В этой смене ничего нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="210"/>
        <source>Net</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="229"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="332"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="386"/>
        <source>Invoice</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="230"/>
        <source>What differs</source>
        <translation>Что различается</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="231"/>
        <source>The console says</source>
        <translation>По данным программы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="232"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="335"/>
        <source>The bank says</source>
        <translation>По данным банка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="430"/>
        <source>By cashier and by card brand</source>
        <translation>По кассирам и типам карт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="471"/>
        <source>Z report — shift {number}, register {register}</source>
        <translation>Z-отчёт — смена {number}, касса {register}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="472"/>
        <source>The shift is closed: these figures are final and kept with the shift.</source>
        <translation>Смена закрыта: итоги окончательные и сохранены вместе со сменой.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="474"/>
        <source>X report — shift {number}, register {register}</source>
        <translation>X-отчёт — смена {number}, касса {register}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="475"/>
        <source>The shift is open: the figures so far. Nothing was changed or closed.</source>
        <translation>Смена открыта: итоги на текущий момент. Ничего не изменено и не закрыто.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="489"/>
        <source>still open</source>
        <translation>ещё открыта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="518"/>
        <source>Totals</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="535"/>
        <source>The bank check</source>
        <translation>Сверка с банком</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="599"/>
        <source>Audit log anchor</source>
        <translation>Контрольная метка журнала аудита</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="609"/>
        <source>The audit log&apos;s anchor at the close, kept with the shift. Checked later (Settings &gt; Audit log anchor), it shows whether the log was cut or rewritten since.</source>
        <translation>Контрольная метка журнала аудита на момент закрытия, сохранена вместе со сменой. Проверка позже (Настройки &gt; Контрольная метка журнала аудита) покажет, не был ли журнал с тех пор обрезан или переписан.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="144"/>
        <source>The language of the printed report and of its PDF and CSV files.</source>
        <translation>Язык напечатанного отчёта и его файлов PDF и CSV.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="146"/>
        <source>Report &amp;language:</source>
        <translation>&amp;Язык отчёта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="192"/>
        <source>Z report — shift {shift}</source>
        <translation>Z-отчёт — смена {shift}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="194"/>
        <source>X report — shift {shift}</source>
        <translation>X-отчёт — смена {shift}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="290"/>
        <source>This register has no receipt printer (a manager adds one in Settings &gt; Receipt printers): choose a printer for the A4 report, or save it as PDF.</source>
        <translation>У этой кассы нет чекового принтера (менеджер добавляет его в Настройки &gt; Чековые принтеры): выберите принтер для отчёта A4 или сохраните отчёт в PDF.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="311"/>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="431"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="432"/>
        <source>Card brand</source>
        <translation>Тип карты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="434"/>
        <source>Each cell: the amount and, in brackets, how many.</source>
        <translation>В каждой ячейке: сумма и в скобках количество.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="494"/>
        <source>Opened:</source>
        <translation>Открыта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="499"/>
        <source>Closed:</source>
        <translation>Закрыта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="500"/>
        <source>Report made:</source>
        <translation>Отчёт составлен:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="501"/>
        <source>Register:</source>
        <translation>Касса:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="502"/>
        <source>Shift number:</source>
        <translation>Номер смены:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="307"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="368"/>
        <source>Count</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="307"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="368"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="388"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="539"/>
        <source>The payments were not checked with the bank: the check was skipped at the close.</source>
        <translation>Платежи не сверены с банком: сверка пропущена при закрытии.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="542"/>
        <source>The bank was not asked for this report: the figures are the console&apos;s own.</source>
        <translation>Для этого отчёта банк не запрашивался: итоги по данным программы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="547"/>
        <source>Payments checked with the bank: {checked} of {total}.</source>
        <translation>Сверено с банком платежей: {checked} из {total}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="551"/>
        <source>The bank agrees with the console on every one.</source>
        <translation>Данные банка совпадают с данными программы по каждому.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="615"/>
        <source>The audit log is NOT intact, so this report has no anchor.</source>
        <translation>Журнал аудита НАРУШЕН, поэтому у отчёта нет контрольной метки.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="148"/>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="188"/>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="150"/>
        <source>Save as P&amp;DF…</source>
        <translation>Со&amp;хранить в PDF…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="151"/>
        <source>Save as &amp;CSV…</source>
        <translation>Сохранить в &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="152"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="285"/>
        <source>Print &amp;again</source>
        <translation>Напечатать &amp;снова</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="485"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="495"/>
        <source>{when}, {name}</source>
        <translation>{when}, {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="521"/>
        <source>Operations with no known outcome yet: {count}. The console keeps asking the bank; a manager decides on the rest in Needs attention.</source>
        <translation>Операции с ещё неизвестным результатом: {count}. Программа продолжает запрашивать банк; по остальным решает менеджер в «Требует внимания».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="528"/>
        <source>Every operation&apos;s outcome is known.</source>
        <translation>Результат каждой операции известен.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="561"/>
        <source>Differences found by this check</source>
        <translation>Расхождения, найденные этой сверкой</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="568"/>
        <source>Not checked: check these payments with the bank later</source>
        <translation>Не проверены: сверьте эти платежи с банком позже</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="572"/>
        <source>Still open in the books: a manager resolves them in Needs attention</source>
        <translation>Ещё открыты в учёте: менеджер закрывает их в «Требует внимания»</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="265"/>
        <source>Printing on {printer}…</source>
        <translation>Печать на принтере {printer}…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="277"/>
        <source>Printed on {printer}.</source>
        <translation>Напечатано на принтере {printer}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="282"/>
        <source>The printer did not say whether it printed.</source>
        <translation>Принтер не сообщил, напечатал ли он отчёт.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="319"/>
        <source>Save the shift report as PDF</source>
        <translation>Сохранить отчёт смены в PDF</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="319"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="327"/>
        <source>Save the shift report as CSV</source>
        <translation>Сохранить отчёт смены в CSV</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="327"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="565"/>
        <source>No differences found by this check.</source>
        <translation>Эта сверка расхождений не нашла.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="345"/>
        <source>Saved to {path}</source>
        <translation>Сохранено в {path}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="354"/>
        <source>Could not save: {why}</source>
        <translation>Не удалось сохранить: {why}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="251"/>
        <source>Charged (sales and charges)</source>
        <translation>Списано (продажи и списания)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="251"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="254"/>
        <source>Console</source>
        <translation>Программа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="255"/>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="256"/>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="276"/>
        <source>{when}, X report</source>
        <translation>{when}, X-отчёт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="244"/>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="275"/>
        <source>{when}, at a close</source>
        <translation>{when}, при закрытии</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="557"/>
        <source>The bank&apos;s column covers the payments checked: {checked} of {total}.</source>
        <translation>Столбец банка — только по проверенным платежам: {checked} из {total}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="585"/>
        <source>Found earlier in this shift: the check took the bank&apos;s answer then, so the console was corrected</source>
        <translation>Найдено ранее в этой смене: сверка тогда приняла ответ банка, и программа исправлена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="554"/>
        <source>The console&apos;s and the bank&apos;s totals for the shift&apos;s payments</source>
        <translation>Итоги программы и банка по платежам смены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="188"/>
        <source>&amp;Print</source>
        <translation>&amp;Печать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="321"/>
        <source>Sales and refunds the bank confirmed: {expected}. Receipts at the fiscal register: {held}.</source>
        <translation>Продаж и возвратов, подтверждённых банком: {expected}. Чеков в онлайн-кассе: {held}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="302"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="304"/>
        <source>Sale returns</source>
        <translation>Возвраты продаж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="327"/>
        <source>Every receipt agrees with the bank.</source>
        <translation>Все чеки совпадают с данными банка.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="349"/>
        <source>The fiscal register&apos;s Z report: its shift {number} is closed</source>
        <translation>Z-отчёт онлайн-кассы: смена кассы {number} закрыта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="351"/>
        <source>The fiscal register&apos;s X report: its shift {number} stays open</source>
        <translation>X-отчёт онлайн-кассы: смена кассы {number} остаётся открытой</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="315"/>
        <source>The fiscal register ({provider})</source>
        <translation>Онлайн-касса ({provider})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="318"/>
        <source>The fiscal register was not checked.</source>
        <translation>Онлайн-касса не проверена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="330"/>
        <source>Mismatches</source>
        <translation>Несоответствия</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="333"/>
        <source>Receipt number</source>
        <translation>Номер чека</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="334"/>
        <source>What is wrong</source>
        <translation>Что не так</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="336"/>
        <source>The register holds</source>
        <translation>В онлайн-кассе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="344"/>
        <source>What to do</source>
        <translation>Что делать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="375"/>
        <source>Outside any shift</source>
        <translation>Вне смены</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="376"/>
        <source>Taken or moved at this register while it had no shift open, from {since} to {until}. It is not in this shift&apos;s totals: count it beside them.</source>
        <translation>Принято или проведено на этой кассе, когда на ней не было открытой смены, с {since} по {until}. В итоги этой смены не входит: учитывайте рядом с ними.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="385"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="387"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="389"/>
        <source>Asked by</source>
        <translation>Запросил(а)</translation>
    </message>
</context>
<context>
    <name>ShiftsPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="307"/>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="310"/>
        <source>A cashier may close a shift with a manager signing in</source>
        <translation>Кассир может закрыть смену, если менеджер войдёт для подтверждения</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="314"/>
        <source>Check every payment with the bank at the close (Z report)</source>
        <translation>При закрытии смены проверять каждый платёж в банке (Z-отчёт)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="319"/>
        <source>Take payments only during an open shift</source>
        <translation>Принимать платежи только при открытой смене</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="325"/>
        <source>Without the first rule only a manager closes a shift. Without the bank check the one closing may skip it; the Z report then says the payments were not checked with the bank. With the last rule a refund, and a hold&apos;s charge or cancellation, also needs an open shift at the counter. Shared by every counter; applies at once.</source>
        <translation>Без первого правила смену закрывает только менеджер. Без проверки в банке закрывающий может её пропустить; тогда в Z-отчёте сказано, что платежи не проверены в банке. С последним правилом возврат, а также списание или отмена блокировки тоже требуют открытой смены на кассе. Общие для всех касс; действуют сразу.</translation>
    </message>
    <message>
        <source>Without the first rule only a manager closes a shift. Without the bank check the one closing may skip it; the Z report then says the payments were not checked with the bank. Shared by every counter; applies at once.</source>
        <translation type="vanished">Без первого правила смену закрывает только менеджер. Без проверки в банке закрывающий может её пропустить; тогда в Z-отчёте сказано, что платежи не проверены в банке. Общие для всех касс; действуют сразу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="336"/>
        <source>Warn about a shift open for</source>
        <translation>Предупреждать о смене, открытой</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="359"/>
        <source>Type the hours after which an open shift is warned about: {low} to {high}.</source>
        <translation>Укажите, через сколько часов предупреждать об открытой смене: от {low} до {high}.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="183"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="185"/>
        <source>A greyed command cannot be used now: point at it to read why.</source>
        <translation>Серая команда сейчас недоступна: наведите на неё указатель, чтобы узнать почему.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="186"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="184"/>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="184"/>
        <source>Key</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="84"/>
        <source>Open the selected payment</source>
        <extracomment>The keys that are no menu command (what they do, the key), as docs/user-guide.md&apos;s key table says.</extracomment>
        <translation>Открыть выбранный платёж</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="85"/>
        <source>Print the receipt on a sale&apos;s result</source>
        <translation>Напечатать чек на экране итога продажи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="87"/>
        <source>Close the payment window once the sale is settled</source>
        <translation>Закрыть окно «Новый платёж», когда продажа завершена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="91"/>
        <source>Clear the search (in the search box or the list)</source>
        <translation>Сбросить поиск (в поле поиска или в списке)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="95"/>
        <source>Show all payments when the filters hide the selected one</source>
        <translation>Показать все платежи, когда фильтры скрывают выбранный</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="196"/>
        <source>Other keys</source>
        <translation>Другие клавиши</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="102"/>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="103"/>
        <source>Waiting</source>
        <extracomment>(background, text) theme roles per tone (resources/theme/colors.json); text colours keep at least 4.5:1 contrast on their background (tests/ui/widgets/test_status_badge.py and test_theme.py measure it).</extracomment>
        <translation>Ожидает</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="104"/>
        <source>Paying…</source>
        <translation>Оплачивается…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="105"/>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="125"/>
        <source>Checking…</source>
        <extracomment>Pale tones: their dot gets an outline so it shows on a white menu. A payment whose money operation waits shows this in the list instead of its status.</extracomment>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="106"/>
        <source>Authorised</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="107"/>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="108"/>
        <source>Card verified</source>
        <translation>Карта проверена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="109"/>
        <source>Refunded</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="110"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="111"/>
        <source>Hold expired</source>
        <translation>Блокировка истекла</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="112"/>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="113"/>
        <source>Declined</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="114"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="115"/>
        <source>3-D Secure failed</source>
        <translation>Отказ 3-D Secure</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="116"/>
        <source>Cashier cancelled</source>
        <translation>Отменён кассиром</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="117"/>
        <source>Page failed</source>
        <translation>Сбой страницы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="126"/>
        <source>Needs review</source>
        <translation>Требует проверки</translation>
    </message>
</context>
<context>
    <name>UserAccountDialogs</name>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="41"/>
        <source>Type the new PIN or password.</source>
        <translation>Введите новый PIN-код или пароль.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="47"/>
        <source>Type the PIN or password again in Repeat it.</source>
        <translation>Введите PIN-код или пароль ещё раз в поле «Повторите».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="49"/>
        <source>The two PINs or passwords are not the same.</source>
        <translation>PIN-коды или пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="75"/>
        <source>Set the new PIN</source>
        <translation>Задать новый PIN-код</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="87"/>
        <source>New PIN or password</source>
        <translation>Новый PIN-код или пароль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="88"/>
        <source>Repeat it</source>
        <translation>Повторите</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="142"/>
        <source>A cashier takes payments; a manager also refunds, charges, cancels, approves and manages users; an administrator also manages administrators.</source>
        <translation>Кассир принимает оплату; менеджер также делает возвраты, списания и отмены, одобряет операции и управляет пользователями; администратор также управляет администраторами.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="152"/>
        <source>Change role</source>
        <translation>Сменить роль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="156"/>
        <source>New role</source>
        <translation>Новая роль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="45"/>
        <source>This PIN or password cannot be used.</source>
        <translation>Этот PIN-код или пароль использовать нельзя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="65"/>
        <source>Reset the PIN of {name}</source>
        <translation>Сброс PIN-кода: {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="79"/>
        <source>{name} logs in with the new PIN or password from now on; a lock after wrong tries is cleared too. Tell it to them in person.</source>
        <translation>{name} теперь входит с новым PIN-кодом или паролем; блокировка после неверных попыток тоже снимается. Сообщите его лично.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="130"/>
        <source>Change the role of {name}</source>
        <translation>Смена роли: {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="135"/>
        <source>{name} is a {role} now. The new role takes effect at once, also if they are logged in.</source>
        <translation>{name}: теперь роль «{role}». Новая роль действует сразу, даже если пользователь уже вошёл.</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="141"/>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="142"/>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="143"/>
        <source>a word in the guide</source>
        <translation>слово из руководства</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="147"/>
        <source>&amp;Previous</source>
        <translation>&amp;Предыдущее</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="148"/>
        <source>&amp;Next</source>
        <translation>&amp;Следующее</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="149"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="238"/>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="154"/>
        <source>The user guide cannot be shown: {error}</source>
        <translation>Не удаётся показать руководство пользователя: {error}</translation>
    </message>
</context>
<context>
    <name>UsersAdmin</name>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="173"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="174"/>
        <source>Reset PIN…</source>
        <translation>Сбросить PIN-код…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="175"/>
        <source>Change role…</source>
        <translation>Сменить роль…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="176"/>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="283"/>
        <source>Deactivate</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="184"/>
        <source>Add user</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="188"/>
        <source>Add a user</source>
        <translation>Добавить пользователя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="190"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="191"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="192"/>
        <source>PIN or password</source>
        <translation>PIN-код или пароль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="193"/>
        <source>Repeat it</source>
        <translation>Повторите</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="204"/>
        <source>Select a user, then choose what to do. Each change is saved as soon as you make it, also for a user who is logged in now.</source>
        <translation>Выберите пользователя, затем действие. Каждое изменение сохраняется сразу, в том числе для пользователя, который сейчас в системе.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="236"/>
        <source>Type the new user&apos;s name and PIN or password.</source>
        <translation>Введите имя нового пользователя и PIN-код или пароль.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="247"/>
        <source>Wait until the change being saved is done.</source>
        <translation>Дождитесь, пока сохранится текущее изменение.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="249"/>
        <source>Select a user in the list.</source>
        <translation>Выберите пользователя в списке.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="251"/>
        <source>Only an administrator can change an administrator&apos;s account.</source>
        <translation>Учётную запись администратора может менять только администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="259"/>
        <source>You cannot change your own role; ask another manager or an administrator.</source>
        <translation>Нельзя сменить свою собственную роль; попросите другого менеджера или администратора.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="261"/>
        <source>There is no other role you may give this user.</source>
        <translation>Другой роли, которую вы можете дать этому пользователю, нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="269"/>
        <source>You cannot deactivate your own account; ask another manager or an administrator.</source>
        <translation>Нельзя отключить свою собственную учётную запись; попросите другого менеджера или администратора.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="283"/>
        <source>Activate</source>
        <translation>Включить</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="292"/>
        <source>Only an administrator can unlock an administrator.</source>
        <translation>Разблокировать администратора может только администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="296"/>
        <source>This account is not locked.</source>
        <translation>Эта учётная запись не заблокирована.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="354"/>
        <source>Added {name} ({role}).</source>
        <translation>Добавлен(а) {name} ({role}).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="365"/>
        <source>{name} is unlocked and can log in again.</source>
        <translation>{name}: учётная запись разблокирована, можно снова входить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="377"/>
        <source>{name} is active again.</source>
        <translation>{name}: учётная запись снова включена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="377"/>
        <source>{name} can no longer log in.</source>
        <translation>{name}: вход больше невозможен.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="405"/>
        <source>{name} has a new PIN and can log in with it now.</source>
        <translation>{name}: задан новый PIN-код, по нему уже можно входить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="422"/>
        <source>{name} is now a {role}.</source>
        <translation>{name}: теперь роль «{role}».</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/users/users_dialog.py" line="35"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_dialog.py" line="52"/>
        <source>Only a manager or an administrator can manage users.</source>
        <translation>Управлять пользователями может только менеджер или администратор.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="127"/>
        <source>Name</source>
        <extracomment>What a change says when it is done or refused: a function when composed (said again after a switch).</extracomment>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="128"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="129"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="149"/>
        <source>deactivated</source>
        <translation>отключён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="151"/>
        <source>locked until {time}</source>
        <translation>заблокирован до {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="152"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
</context>
<context>
    <name>WindowTitle</name>
    <message>
        <location filename="../../epay_desktop/ui/common/titles.py" line="22"/>
        <source>ePay Desktop</source>
        <extracomment>The separator Qt itself puts before the application name (xcb, Windows).</extracomment>
        <translation>ePay Desktop</translation>
    </message>
</context>
<context>
    <name>asyncqt</name>
    <message>
        <location filename="../../epay_desktop/ui/common/asyncqt.py" line="301"/>
        <source>Not completed</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/asyncqt.py" line="373"/>
        <source>Working… please wait</source>
        <translation>Выполняется… подождите</translation>
    </message>
</context>
<context>
    <name>books</name>
    <message>
        <location filename="../../epay_desktop/services/payments/books.py" line="352"/>
        <source>Say what was found (for example what the bank&apos;s merchant cabinet shows) to resolve a discrepancy.</source>
        <extracomment>Decision 0037: besides every payment with an unresolved operation or an open discrepancy, each run checks at most :data:`BOOKS_LIMIT` charged/held/refunded payments created or changed in the last :data:`BOOKS_WINDOW`, least recently checked first. Older payments: issue 10 (a full scan). ... and a long-running console walks that window at most this often (the first run always does).</extracomment>
        <translation>Чтобы закрыть расхождение, укажите, что выяснилось (например, что показывает кабинет мерчанта).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/books.py" line="363"/>
        <source>Only a manager can resolve a difference between the books and the bank.</source>
        <translation>Закрыть расхождение между учётом программы и банком может только менеджер.</translation>
    </message>
</context>
<context>
    <name>bounds</name>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="103"/>
        <source>{text} is not a whole number from {lowest} to {highest} (digits 0-9 only).</source>
        <translation>{text} — не целое число от {lowest} до {highest} (только цифры 0-9).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="87"/>
        <source>{value} is outside {lowest} to {highest}.</source>
        <translation>{value} вне диапазона от {lowest} до {highest}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="74"/>
        <source>{text} is not a date; write it like 2024-05-31.</source>
        <translation>{text} — не дата; пишите так: 2024-05-31.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="52"/>
        <source>The date {day} is outside {earliest} to {latest}; check the year.</source>
        <extracomment>The console has no payments before 2000 and keeps no plans past 2100. The most rows one list or page may ask for. The largest id a database row can have (a signed 64-bit integer).</extracomment>
        <translation>Дата {day} вне диапазона с {earliest} по {latest}; проверьте год.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../epay_desktop/cli/common.py" line="210"/>
        <source>Only a manager or an administrator can {what}.</source>
        <extracomment>A database command: gets the open app and the parsed arguments, returns the exit code.</extracomment>
        <translation>Только менеджер или администратор может: {what}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/money.py" line="73"/>
        <source>A cashier&apos;s {word_kind} needs a manager&apos;s approval: add --approved-by MANAGER.</source>
        <translation>Для операции кассира «{word_kind}» нужно одобрение менеджера: добавьте --approved-by МЕНЕДЖЕР.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/display_check.py" line="89"/>
        <source>no display: DISPLAY and WAYLAND_DISPLAY are not set, so the console has nowhere to open its window; run it on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check</source>
        <translation>нет дисплея: DISPLAY и WAYLAND_DISPLAY не заданы, поэтому программе негде открыть окно; запустите её на рабочем столе или задайте QT_QPA_PLATFORM=offscreen для проверки без экрана</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/display_check.py" line="100"/>
        <source>cannot show windows: Qt&apos;s xcb plugin needs a system library that is missing ({problem}); run ./scripts/demo.sh as root to install them, or see docs/fresh-machine.md for the apt-get line</source>
        <translation>не удаётся показать окна: плагину xcb из Qt нужна отсутствующая системная библиотека ({problem}); запустите ./scripts/demo.sh от root, чтобы установить их, или возьмите команду apt-get из docs/fresh-machine.md</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/shifts.py" line="187"/>
        <source>A cashier closes a shift with a manager: add --approved-by MANAGER.</source>
        <translation>Кассир закрывает смену вместе с менеджером: добавьте --approved-by MANAGER.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/fiscal.py" line="184"/>
        <source>A cashier closes the fiscal shift with a manager: add --approved-by MANAGER.</source>
        <translation>Кассир закрывает смену кассы вместе с менеджером: добавьте --approved-by MANAGER.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/fiscal.py" line="187"/>
        <source>A cashier sends a receipt to another cash register with a manager: add --approved-by MANAGER.</source>
        <translation>Кассир отправляет чек в другую онлайн-кассу вместе с менеджером: добавьте --approved-by MANAGER.</translation>
    </message>
</context>
<context>
    <name>day</name>
    <message>
        <location filename="../../epay_desktop/services/payments/day.py" line="64"/>
        <source>Only a manager or an administrator can see the day&apos;s figures.</source>
        <translation>Показатели дня может смотреть только менеджер или администратор.</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../epay_desktop/demo/__init__.py" line="152"/>
        <source>The demo folder {folder} cannot be used: {path} cannot be read ({problem}). Start the demo with another folder (--demo-home), or move this one away.</source>
        <extracomment>Today&apos;s demo shift was seeded (or skipped: the register had shifts of its own). What the bank did to the demo shift that the console was not told (:class:`BankOnly`, as JSON). The demo&apos;s fiscal register (the fiscal sandbox&apos;s state, decision 0138). Shown on the login screen in demo mode only. The manager comes first: the first user of an empty database must be a manager.</extracomment>
        <translation>Демо-папку {folder} нельзя использовать: файл {path} не читается ({problem}). Запустите демо с другой папкой (--demo-home) или переместите эту.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="130"/>
        <source>The {field} is too long: {length} characters, at most {limit}. Shorten it.</source>
        <translation>Поле «{field}» слишком длинное: символов {length}, допустимо не более {limit}. Сократите текст.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="116"/>
        <source>The {field} is too long: {size} bytes, the bank takes at most {limit} (a Cyrillic letter takes 2 bytes). Shorten it; nothing was cut.</source>
        <translation>Поле «{field}» слишком длинное: {size} байт, банк принимает не более {limit} (кириллическая буква занимает 2 байта). Сократите текст; ничего не обрезано.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="104"/>
        <source>The {field} contains a control character ({code}) at position {position}; remove it and type the text again.</source>
        <translation>В поле «{field}» есть управляющий символ ({code}, позиция {position}); удалите его и введите текст заново.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="98"/>
        <source>The {field} contains an invisible text-direction character ({code}) at position {position}; remove it and type the text again.</source>
        <translation>В поле «{field}» есть невидимый символ направления текста ({code}, позиция {position}); удалите его и введите текст заново.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="57"/>
        <source>shop name or address</source>
        <translation>название или адрес магазина</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="56"/>
        <source>note</source>
        <translation>примечание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="55"/>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="54"/>
        <source>description</source>
        <extracomment>The gateway&apos;s limit for a payment&apos;s description (docs/epay-api.md §3: &quot;&lt;=125 bytes&quot;, a PHP validator checks bytes; an integration truncates at 125). Counted in UTF-8: a Cyrillic letter is 2 bytes. Any other single-line free text (reason, note, a shop text): long enough for a sentence, short enough for a receipt line and a table cell. Invisible controls that reorder how a line is displayed (Unicode bidi embedding, override, isolate and mark characters, and the Arabic letter mark).</extracomment>
        <translation>описание</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="41"/>
        <source>a symbolic link</source>
        <extracomment>Mode of every file written here: the owner reads and writes, nobody else.</extracomment>
        <translation>символическая ссылка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="43"/>
        <source>a named pipe</source>
        <translation>именованный канал</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="45"/>
        <source>a device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="47"/>
        <source>a folder</source>
        <translation>папка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="49"/>
        <source>a socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="50"/>
        <source>a special file</source>
        <translation>специальный файл</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="72"/>
        <source>{path} is {what}, not an ordinary file: nothing was written. Choose a new file name, or an ordinary file to replace.</source>
        <translation>{path} — это {what}, а не обычный файл: ничего не записано. Выберите новое имя файла или обычный файл, который можно заменить.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="86"/>
        <source>The folder {folder} does not exist: choose another one.</source>
        <translation>Папки {folder} не существует: выберите другую.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="94"/>
        <source>The console may not write in {folder}: nothing was written. Choose another folder.</source>
        <translation>Программе нельзя записывать в {folder}: ничего не записано. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>fiscal</name>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="59"/>
        <source>The fiscal register reported a problem. The receipt will be registered again later.</source>
        <translation>Онлайн-касса сообщила о проблеме. Чек будет зарегистрирован повторно позже.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="67"/>
        <source>Could not reach the fiscal register. Nothing was registered, so it is safe to try again; check the internet connection.</source>
        <extracomment>Retrying cannot help until someone acts (closes the shift, fixes the settings, calls the provider).</extracomment>
        <translation>Не удалось связаться с онлайн-кассой. Ничего не зарегистрировано, повторить безопасно; проверьте подключение к интернету.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="76"/>
        <source>The fiscal register did not confirm the receipt, so it may or may not be registered. The console asks again with the same receipt number; it is never registered twice.</source>
        <translation>Онлайн-касса не подтвердила чек, поэтому он мог быть зарегистрирован, а мог и нет. Консоль запросит снова с тем же номером чека; дважды он не будет зарегистрирован.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="85"/>
        <source>The fiscal register sent an answer the console could not understand. Try again; contact support if it keeps happening.</source>
        <translation>Онлайн-касса прислала ответ, который консоль не смогла разобрать. Повторите; если это повторяется, обратитесь в поддержку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="99"/>
        <source>The fiscal register did not accept the API key, login or password. Nothing was registered; check them in the fiscal settings.</source>
        <translation>Онлайн-касса не приняла API-ключ, логин или пароль. Ничего не зарегистрировано; проверьте их в настройках онлайн-кассы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="107"/>
        <source>The fiscal register refused: this cash register is unknown or not available to this login. Nothing was registered; check the cash register&apos;s unique number and the cashier&apos;s rights.</source>
        <translation>Онлайн-касса отказала: эта касса неизвестна или недоступна для этого логина. Ничего не зарегистрировано; проверьте заводской номер кассы и права кассира.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="115"/>
        <source>The cash register is blocked, not activated or has no valid licence. Nothing was registered; call the fiscal provider.</source>
        <translation>Касса заблокирована, не активирована или не имеет действующей лицензии. Ничего не зарегистрировано; позвоните оператору онлайн-кассы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="127"/>
        <source>The fiscal shift has been open for more than 24 hours. Nothing was registered; close the shift (Z report), then register the receipt again.</source>
        <translation>Смена кассы открыта больше 24 часов. Ничего не зарегистрировано; закройте смену (Z-отчёт), затем зарегистрируйте чек снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="135"/>
        <source>The cash register has worked offline for more than 72 hours and is blocked until it reaches the fiscal data operator. Nothing was registered; call the fiscal provider.</source>
        <translation>Касса работает в автономном режиме больше 72 часов и заблокирована, пока не свяжется с оператором фискальных данных. Ничего не зарегистрировано; позвоните оператору онлайн-кассы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="143"/>
        <source>The fiscal shift is already closed. Nothing needs to be done.</source>
        <translation>Смена кассы уже закрыта. Ничего делать не нужно.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="150"/>
        <source>The fiscal register has no such receipt or shift. Nothing was changed.</source>
        <translation>В онлайн-кассе нет такого чека или смены. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="156"/>
        <source>The fiscal register refused the receipt&apos;s data (amount, VAT or name). Nothing was registered; check the fiscal settings (VAT rate, taxation).</source>
        <translation>Онлайн-касса отклонила данные чека (сумму, НДС или наименование). Ничего не зарегистрировано; проверьте настройки онлайн-кассы (ставку НДС, налогообложение).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="94"/>
        <source>Only a manager or an administrator can close the fiscal shift (Z report): ask a manager.</source>
        <extracomment>A refusal that needs a person is asked again by the periodic reconcile this long after the last try (the person may have closed the shift meanwhile), never sooner.</extracomment>
        <translation>Закрыть смену кассы (Z-отчёт) может только менеджер или администратор: обратитесь к менеджеру.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="100"/>
        <source>Only a manager or an administrator can send a receipt to another cash register: ask a manager.</source>
        <translation>Отправить чек в другую онлайн-кассу может только менеджер или администратор: обратитесь к менеджеру.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="105"/>
        <source>The receipt {number} is not waiting for a person to choose its cash register.</source>
        <translation>Чек {number} не ждёт, чтобы для него выбрали онлайн-кассу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="565"/>
        <source>The fiscal provider refused the receipt. Check the fiscal settings and the cash register.</source>
        <extracomment>Builds the configured connection, or None when no provider is configured.</extracomment>
        <translation>Фискальный сервис отклонил чек. Проверьте фискальные настройки и кассу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="318"/>
        <source>The fiscal provider did not accept the API key, login or password: check them and try again.</source>
        <translation>Фискальный сервис не принял API-ключ, логин или пароль: проверьте их и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="292"/>
        <source>Fill in the address, login, cash register number, API key and password first.</source>
        <translation>Сначала заполните адрес, логин, заводской номер ККМ, API-ключ и пароль.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="305"/>
        <source>Connected to {provider}: no shift is open; the next receipt opens one.</source>
        <translation>Связь с {provider} есть: смена не открыта; следующий чек откроет её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="322"/>
        <source>The fiscal provider does not know the cash register {cashbox}, or this login may not use it: check the cash register&apos;s unique number.</source>
        <translation>Фискальный сервис не знает ККМ {cashbox}, или этому логину она недоступна: проверьте заводской номер ККМ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="309"/>
        <source>Connected to {provider}: shift {number} is closed.</source>
        <translation>Связь с {provider} есть: смена {number} закрыта.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="311"/>
        <source>Connected to {provider}: shift {number} is open.</source>
        <translation>Связь с {provider} есть: смена {number} открыта.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="328"/>
        <source>Could not reach the fiscal provider at {url}: check the address and the internet connection.</source>
        <translation>Не удалось связаться с фискальным сервисом по адресу {url}: проверьте адрес и подключение к интернету.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="283"/>
        <source>Choose a fiscal provider first.</source>
        <translation>Сначала выберите фискальный сервис.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="67"/>
        <source>No secure keychain on this computer: the fiscal API key and password cannot be saved. Install a keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain).</source>
        <extracomment>The fiscal page&apos;s words when the keychain cannot keep its secrets (not the gateway&apos;s client secret&apos;s).</extracomment>
        <translation>На этом компьютере нет защищённого хранилища ключей: API-ключ и пароль онлайн-кассы нельзя сохранить. Установите хранилище ключей (GNOME Keyring / KWallet / Диспетчер учётных данных Windows / Связка ключей macOS).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="72"/>
        <source>The keychain refused to save the fiscal API key or password; unlock it and try again.</source>
        <translation>Хранилище ключей не сохранило API-ключ или пароль онлайн-кассы; разблокируйте его и повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="30"/>
        <source>Fiscal receipt</source>
        <translation>Фискальный чек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="31"/>
        <source>Fiscal return receipt</source>
        <translation>Фискальный чек возврата</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="33"/>
        <source>{receipt} registered: fiscal sign {sign}, shift {shift}, No. {number}</source>
        <translation>{receipt} зарегистрирован: фискальный признак {sign}, смена кассы {shift}, № {number}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="36"/>
        <source>{receipt} registered: fiscal sign {sign}, shift {shift}</source>
        <translation>{receipt} зарегистрирован: фискальный признак {sign}, смена кассы {shift}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="37"/>
        <source>{receipt} pending (will be retried)</source>
        <translation>{receipt} ещё не зарегистрирован (консоль повторит попытку)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="38"/>
        <source>{receipt} not registered</source>
        <translation>{receipt} не зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="39"/>
        <source>Registered while the cash register was offline: it sends the receipt to the OFD once it is back online.</source>
        <translation>Зарегистрирован, когда касса работала в автономном режиме: она передаст чек в ОФД, как только снова будет на связи.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/elsewhere.py" line="38"/>
        <source>It was sent to the cash register {register} and no answer came; the fiscal settings name another register now, so it is not sent there by itself (it may be registered at {register} already). Look for the check {number} in the journal of {register}: if it is there, set the fiscal settings back to {register} until the console has its receipt; if not, a manager registers it at the current register (Needs attention, Register here; or epay-desktop fiscal register-here {number}).</source>
        <extracomment>``last_error`` of a record held back because the settings name another register than it was asked at.</extracomment>
        <translation>Чек отправлен в онлайн-кассу {register}, а ответ не пришёл; в фискальных настройках теперь другая касса, поэтому консоль сама его туда не отправляет (он может быть уже зарегистрирован в {register}). Найдите чек {number} в журнале онлайн-кассы {register}: если он там есть, верните в фискальных настройках кассу {register}, пока консоль не получит его чек; если нет, менеджер регистрирует его в текущей кассе (Требует внимания, «Зарегистрировать здесь»; или epay-desktop fiscal register-here {number}).</translation>
    </message>
</context>
<context>
    <name>gateway</name>
    <message>
        <location filename="../../epay_desktop/gateway/_core.py" line="41"/>
        <source>The gateway refused to start this payment. Its invoice number may already be taken (the last six digits must be unique) or used before with another amount: start the payment again with a new invoice number. If every payment fails like this, check the client ID, client secret and terminal ID in the settings.</source>
        <extracomment>A payment token refused with 400: the invoice, not the credentials, is the usual cause.</extracomment>
        <translation>Шлюз не стал открывать этот платёж. Возможно, номер заказа уже занят (последние шесть цифр должны быть уникальны) или раньше использовался с другой суммой: начните платёж заново с новым номером заказа. Если так отклоняется каждый платёж, проверьте Client ID, секрет клиента и ID терминала в настройках.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_core.py" line="195"/>
        <source>Gateway authentication failed: even a freshly issued token was refused. Check the client ID, client secret and terminal ID in the settings.</source>
        <translation>Ошибка авторизации в шлюзе: отклонён даже только что выданный токен. Проверьте Client ID, секрет клиента и ID терминала в настройках.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_responses.py" line="54"/>
        <source>The gateway does not allow this merchant or terminal to do that. Check the terminal ID in the settings, or ask the bank to enable the operation for the terminal.</source>
        <extracomment>4xx answers that do not prove the request was refused before being applied.</extracomment>
        <translation>Шлюз не разрешает это продавцу или терминалу. Проверьте ID терминала в настройках или попросите банк включить эту операцию для терминала.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_responses.py" line="200"/>
        <source>The gateway accepted the request but answered with error code {code} ({message}), so it is not clear whether the operation was applied. Do not repeat it: check the payment&apos;s status first (the console does this for you).</source>
        <translation>Шлюз принял запрос, но ответил ошибкой с кодом {code} ({message}), поэтому неясно, проведена ли операция. Не повторяйте её: сначала проверьте статус платежа (программа делает это сама).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_responses.py" line="207"/>
        <source>The gateway accepted the request but answered with error code {code}, so it is not clear whether the operation was applied. Do not repeat it: check the payment&apos;s status first (the console does this for you).</source>
        <translation>Шлюз принял запрос, но ответил ошибкой с кодом {code}, поэтому неясно, проведена ли операция. Не повторяйте её: сначала проверьте статус платежа (программа делает это сама).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_transport.py" line="84"/>
        <source>The refund is more than what remains on this payment (earlier refunds are already taken off). Nothing was changed; refresh the payment status and refund at most the remaining amount.</source>
        <extracomment>Connect and pool waits are short (nothing is sent yet); reads allow for a slow bank. The attempt number of the logical call in progress; set by the client&apos;s retry loop. Plain words for the commonest definite refusal: an amount above what the payment still allows.</extracomment>
        <translation>Сумма возврата больше остатка по платежу (прежние возвраты уже вычтены). Ничего не изменилось; обновите статус платежа и верните не больше остатка.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_transport.py" line="89"/>
        <source>The charge is more than the amount held on the card. Nothing was changed; charge at most the held amount.</source>
        <translation>Сумма списания больше суммы, заблокированной на карте. Ничего не изменилось; спишите не больше заблокированной суммы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/client.py" line="307"/>
        <source>The payment authorisation expired before it was used. Start the payment again.</source>
        <translation>Авторизация платежа истекла до использования. Начните платёж заново.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="65"/>
        <source>The payment gateway reported a problem. Try again later.</source>
        <translation>Платёжный шлюз сообщил о проблеме. Попробуйте позже.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="120"/>
        <source>Could not reach the ePay gateway. Nothing was changed, so it is safe to try again. Check the internet connection; if it keeps happening, the gateway may be down.</source>
        <extracomment>The translation context of ``default_user_message`` (the fiscal adapter&apos;s errors use &quot;fiscal&quot;). The gateway&apos;s own text, when it gave one (redacted and cut like ``detail``). The template and arguments, when the message is translatable (the GUI translates it). The English sentence for the cashier (logs, CLI, tests). Seconds the gateway asked us to wait (``Retry-After``), if it said so.</extracomment>
        <translation>Нет связи со шлюзом ePay. Ничего не изменилось, поэтому можно безопасно повторить. Проверьте интернет; если это повторяется, возможно, шлюз не работает.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="131"/>
        <source>The gateway did not confirm the operation, so it may or may not have been applied. Do not repeat it: check the payment&apos;s status first (the console does this for you).</source>
        <translation>Шлюз не подтвердил операцию, поэтому она могла пройти, а могла и нет. Не повторяйте её: сначала проверьте статус платежа (программа делает это сама).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="139"/>
        <source>The gateway did not accept the merchant credentials. Check the client ID, client secret and terminal ID in the settings, then try again.</source>
        <translation>Шлюз не принял учётные данные продавца. Проверьте Client ID, секрет клиента и ID терминала в настройках и повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="149"/>
        <source>The gateway refused the operation. Nothing was changed.</source>
        <translation>Шлюз отказал в операции. Ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="155"/>
        <source>The payment is not in a state that allows this operation: only a held (AUTH) payment can be charged or cancelled, and only a charged payment can be refunded. Nothing was changed; refresh the payment status.</source>
        <translation>Статус платежа не позволяет эту операцию: списать или отменить можно только заблокированный (AUTH) платёж, а вернуть — только списанный. Ничего не изменилось; обновите статус платежа.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="164"/>
        <source>The gateway rejected the request as invalid (for example the amount is too large, or below the 10 ₸ refund minimum). Nothing was changed; check the amount and try again.</source>
        <translation>Шлюз отклонил запрос как неверный (например, сумма слишком большая или меньше минимума возврата 10 ₸). Ничего не изменилось; проверьте сумму и повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="172"/>
        <source>The gateway says the terminal is missing, wrong or does not belong to this merchant. Check the terminal ID in the settings, or ask the bank to check the terminal.</source>
        <translation>Шлюз сообщает, что терминал не указан, неверен или не принадлежит этому продавцу. Проверьте ID терминала в настройках или попросите банк проверить терминал.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="180"/>
        <source>The gateway does not know this payment. Nothing was changed; check the invoice or transaction number.</source>
        <translation>Шлюзу неизвестен этот платёж. Ничего не изменилось; проверьте номер заказа или транзакции.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="201"/>
        <source>The card payment was declined ({reason}, code {code}). Ask the customer to use another card or call their bank.</source>
        <translation>Оплата картой отклонена ({reason}, код {code}). Попросите покупателя оплатить другой картой или позвонить в свой банк.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="212"/>
        <source>The card payment was declined (code {code}). Ask the customer to use another card or call their bank.</source>
        <translation>Оплата картой отклонена (код {code}). Попросите покупателя оплатить другой картой или позвонить в свой банк.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="221"/>
        <source>The card payment was declined. Ask the customer to use another card or call their bank.</source>
        <translation>Оплата картой отклонена. Попросите покупателя оплатить другой картой или позвонить в свой банк.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="229"/>
        <source>The gateway reported a temporary error. Nothing was changed; try again in a few minutes.</source>
        <translation>Шлюз сообщил о временной ошибке. Ничего не изменилось; повторите через несколько минут.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="237"/>
        <source>The gateway sent an answer the console could not understand. Nothing was changed by reading it; try again, and contact support if it keeps happening.</source>
        <translation>Шлюз прислал ответ, который программа не смогла разобрать. Из-за этого ответа ничего не изменилось; повторите, а если это повторяется, обратитесь в поддержку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/status.py" line="195"/>
        <source>The gateway refused to report this payment&apos;s status (code 101). Its state is unknown: check it again later or in the merchant cabinet.</source>
        <translation>Шлюз отказался сообщить статус этого платежа (код 101). Его состояние неизвестно: проверьте позже или в кабинете мерчанта.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="421"/>
        <source>Backing up the database…</source>
        <translation>Резервное копирование базы данных…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="495"/>
        <source>The console cannot start.</source>
        <translation>Программа не может запуститься.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="206"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="293"/>
        <source>Checking unfinished payments with the bank…</source>
        <translation>Проверяем незавершённые платежи в банке…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="384"/>
        <source>Opening the database…</source>
        <translation>Открываем базу данных…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="498"/>
        <source>The console cannot start</source>
        <translation>Программа не может запуститься</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="218"/>
        <source>SANDBOX — demo data, no real money</source>
        <translation>УЧЕБНАЯ СРЕДА — демо-данные, реальных денег нет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="391"/>
        <source>Preparing the demo shop…</source>
        <translation>Готовим демо-магазин…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="202"/>
        <source>SANDBOX (demo)</source>
        <translation>УЧЕБНАЯ СРЕДА (демо)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="462"/>
        <source>Checking the database for damage… A log-in waits until the check is done.</source>
        <translation>Идёт проверка базы данных на повреждения… Вход подождёт, пока проверка не закончится.</translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="140"/>
        <location filename="../../epay_desktop/domain/money.py" line="146"/>
        <source>The amount {text} is too large. Write it like {example}.</source>
        <translation>Сумма {text} слишком большая. Пишите так: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="131"/>
        <source>The amount {text} has more than {places} decimals. Write it like {example}.</source>
        <translation>В сумме {text} больше {places} знаков после запятой. Пишите так: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="121"/>
        <source>The amount {text} has spaces that do not separate groups of three digits. Write it like {example}.</source>
        <translation>В сумме {text} пробелы стоят не между группами из трёх цифр. Пишите так: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="111"/>
        <source>{text} is not an amount: only digits 0-9, group spaces and one decimal mark (. or ,) are allowed. Write it like {example}.</source>
        <translation>{text} — не сумма: допустимы только цифры 0-9, пробелы между разрядами и один десятичный знак (. или ,). Пишите так: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="103"/>
        <source>The amount {text} has a sign (+ or -); an amount has none. Write it like {example}.</source>
        <translation>В сумме {text} есть знак (+ или -); сумма пишется без знака. Пишите так: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="94"/>
        <source>The amount {text} has a digit that is not 0-9 ({char}). Write it like {example}.</source>
        <translation>В сумме {text} есть цифра не из набора 0-9 ({char}). Пишите так: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="90"/>
        <source>The amount is empty. Write it like {example}.</source>
        <extracomment>Minor units per major unit for the currencies the gateway knows. 10^14 tiyn = one trillion tenge: far above any card payment, far below what an int64 column or JSON number can hold exactly. Digit groups a person may type: ``1500``, ``1 500``, ``1 500 000`` (plain, no-break or narrow no-break spaces between groups of three; the Kazakh locale and Money.format() write the last two). The example every refusal of a typed amount gives.</extracomment>
        <translation>Сумма не указана. Пишите так: {example}.</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="125"/>
        <source>This user account is deactivated.</source>
        <extracomment>``decide(payment, ops) -&gt; amount``: the rules for one kind (raises ConsoleError to refuse).</extracomment>
        <translation>Эта учётная запись отключена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="134"/>
        <source>A manager must approve this {kind}.</source>
        <translation>Эту операцию («{kind}») должен одобрить менеджер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="144"/>
        <source>The gateway&apos;s transaction for this payment is not known yet: refresh its status first.</source>
        <translation>Транзакция шлюза по этому платежу ещё неизвестна: сначала обновите его статус.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="271"/>
        <source>This operation is {current_state}, not waiting for a review.</source>
        <translation>Эта операция сейчас в состоянии «{current_state}» и не ждёт проверки.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="283"/>
        <source>Only a manager can decide about an operation whose outcome is unclear.</source>
        <extracomment>A review decision by someone who is not (or no longer, as stored now) an active manager.</extracomment>
        <translation>Решение по операции с неясным результатом может принять только менеджер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="326"/>
        <source>This operation is {op_state}, not waiting for a review.</source>
        <translation>Эта операция сейчас в состоянии «{op_state}» и не ждёт проверки.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="340"/>
        <source>The bank&apos;s answer does not show this {kind} applied, so it cannot be marked done. If the bank shows nothing of it, choose abandon (or retry once the bank proves it was not applied).</source>
        <translation>По ответу банка эта операция («{kind}») не проведена, поэтому её нельзя отметить проведённой. Если в банке её нет, выберите «Отказаться» (или «Повторить», когда банк подтвердит, что она не проведена).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="367"/>
        <source>The gateway cannot confirm that this operation was not applied, so sending it again could move the money twice. Check the payment in the bank&apos;s merchant cabinet; if nothing happened there, choose abandon and start a new operation.</source>
        <translation>Шлюз не может подтвердить, что эта операция не проведена, поэтому повторная отправка может провести деньги дважды. Проверьте платёж в кабинете мерчанта; если там ничего не было, выберите «Отказаться» и начните новую операцию.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="388"/>
        <source>The bank may show a {kind} up to {lag_seconds} seconds late, and this one was sent less than that ago: &quot;not applied&quot; cannot be trusted yet. Decide again in {wait_seconds} seconds.</source>
        <translation>Банк может показать операцию («{kind}») с опозданием до {lag_seconds} с, а эта отправлена совсем недавно: ответу «не проведено» пока нельзя доверять. Решите снова через {wait_seconds} с.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="411"/>
        <source>The bank cannot say now whether this {kind} was applied ({why}), so abandoning it could hide money that moved. Try again once the bank answers (it is asked again at every reconciliation), or check the payment in the bank&apos;s merchant cabinet.</source>
        <translation>Банк сейчас не может сказать, проведена ли эта операция («{kind}») ({why}), поэтому отказ от неё может скрыть реальное движение денег. Повторите, когда банк ответит (он запрашивается при каждой сверке), или проверьте платёж в кабинете мерчанта.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="430"/>
        <source>The bank shows {bank_refunded} refunded on this payment, at least this refund of {amount} more than the {base} refunded before it: the refund may have been applied, so it cannot be abandoned. Compare the payment with the bank&apos;s merchant cabinet: if it lists this refund, mark it applied; the difference stays in Needs attention until a manager resolves it.</source>
        <translation>Банк показывает по этому платежу возврат {bank_refunded}, то есть не меньше чем на этот возврат {amount} больше прежних {base}: возврат мог пройти, поэтому от него нельзя отказаться. Сверьте платёж с кабинетом мерчанта: если этот возврат там есть, отметьте его проведённым; расхождение останется в «Требует внимания», пока менеджер его не закроет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="446"/>
        <source>The bank shows this payment {payment_status}: the {kind} may have been applied, so it cannot be abandoned. Check the payment in the bank&apos;s merchant cabinet.</source>
        <translation>В банке статус этого платежа: {payment_status}. Операция («{kind}») могла пройти, поэтому от неё нельзя отказаться. Проверьте платёж в кабинете мерчанта.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/engine.py" line="96"/>
        <source>the database failed</source>
        <translation>сбой базы данных</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/engine.py" line="81"/>
        <source>The {kind} of {amount} may have reached the bank, but its answer could not be recorded ({reason}). The outcome is unknown: fix that, then run {command} (nothing is sent again; the bank is asked what it did).</source>
        <translation>Операция «{kind}» на {amount} могла дойти до банка, но ответ банка не удалось записать ({reason}). Результат неизвестен: устраните причину и выполните {command} (ничего не отправляется повторно; банк спрашивают, что он сделал).</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="108"/>
        <source>Payments are taken in tenge (KZT).</source>
        <extracomment>Ten million tenge: far above a shop&apos;s card payment; a typo guard, not a gateway limit. The shapes of an e-mail address and of a customer id (accountId); the checkout form checks them too. The description a sale gets when the cashier typed none, in the payment page&apos;s language: the customer reads it on the gateway&apos;s page and the bank may show it on their statement (decision 0052).</extracomment>
        <translation>Платежи принимаются в тенге (KZT).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="111"/>
        <source>The amount must be above zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="116"/>
        <source>The amount is more than {maximum}; check it and try again.</source>
        <translation>Сумма больше {maximum}; проверьте её и повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="127"/>
        <source>The description contains characters that cannot be printed.</source>
        <translation>В описании есть символы, которые нельзя напечатать.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="135"/>
        <source>{email} does not look like an e-mail address (name@example.kz).</source>
        <translation>{email} не похож на адрес e-mail (name@example.kz).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="147"/>
        <source>The customer id may use only Latin letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64 characters).</source>
        <translation>ID клиента может содержать только латинские буквы, цифры, &apos;.&apos;, &apos;_&apos; и &apos;-&apos; (не больше 64 символов).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="158"/>
        <source>To save the customer&apos;s card, enter the customer id.</source>
        <translation>Чтобы сохранить карту покупателя, введите ID клиента.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="166"/>
        <source>The payment page language must be rus, kaz or eng.</source>
        <translation>Язык платёжной страницы должен быть rus, kaz или eng.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="174"/>
        <source>The cardholder name must be in Latin letters, as on the card.</source>
        <translation>Имя держателя карты пишется латинскими буквами, как на карте.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="199"/>
        <source>{phone} is not a Kazakhstan phone number (write it like +7 777 123 45 67).</source>
        <translation>{phone} — не казахстанский номер телефона (пишите так: +7 777 123 45 67).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/queries.py" line="303"/>
        <source>There is no payment with invoice number {invoice_id}.</source>
        <extracomment>:meth:`PaymentQueries.attention_count` stops counting here (a badge shows &quot;99+&quot;). What the bank did beyond the row (payment_events, oldest first): card attempts the console saw end (decision 0035) and refunds made outside this console. Its fiscal receipts (the sale&apos;s, each refund&apos;s return) as the fiscal journal has them (decision 0124).</extracomment>
        <translation>Платежа с номером заказа {invoice_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/payment_service.py" line="76"/>
        <source>cancelled at the counter by {name}</source>
        <extracomment>Errors that say the bank as a whole is unreachable or failing (not this one payment). The reasons stored with the counter&apos;s marks (decision 0018), in English in the database, the CLI and the log; the console&apos;s detail says them in its language (``ui.payments.detail_content``).</extracomment>
        <translation>отменено на кассе, кассир {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/payment_service.py" line="77"/>
        <source>the payment page could not be loaded</source>
        <translation>платёжная страница не загрузилась</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/payment_service.py" line="158"/>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="104"/>
        <source>This user account is deactivated.</source>
        <extracomment>Statuses a 102 (&quot;no attempt for this invoice&quot;) may confirm or turn into EXPIRED.
----------
The issuer&apos;s page the customer must still pass (payment unsettled), else None.</extracomment>
        <translation>Эта учётная запись отключена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="110"/>
        <source>Only a manager can deactivate a customer&apos;s saved card.</source>
        <translation>Отключить сохранённую карту покупателя может только менеджер.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="119"/>
        <source>This card is no longer saved for the customer; show the cards again.</source>
        <translation>Эта карта больше не сохранена у покупателя; покажите карты ещё раз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="152"/>
        <source>Choose one of the customer&apos;s saved cards.</source>
        <translation>Выберите одну из сохранённых карт покупателя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="204"/>
        <source>Enter the customer id whose saved cards to use.</source>
        <translation>Введите ID клиента, чьи сохранённые карты использовать.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="124"/>
        <source>{text} is not a printer address; write network:HOST:PORT, usb:VENDOR:PRODUCT, serial:PORT@BAUD, cups:QUEUE or file:DEVICE</source>
        <extracomment>``DLE EOT n``: the real-time status request (n = 1 printer, 2 off-line cause, 4 paper sensor). Bytes sent at a time: a cheap printer&apos;s input buffer is a few kilobytes (escpos.md section 2.4). How long a status answer is waited for, in seconds: a printer answers at once (escpos.md section 3.3 suggests 300-500 ms); one second leaves room for a busy network or USB hub. A printer that never answers costs this once a probe: give it ``status=False`` (``printer add --no-status``). How long connecting and each write may take, in seconds.</extracomment>
        <translation>{text} — не адрес принтера; укажите network:HOST:PORT, usb:VENDOR:PRODUCT, serial:PORT@BAUD, cups:QUEUE или file:DEVICE</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="183"/>
        <source>A printer&apos;s name is 1 to 40 characters, without slashes: {name} is not.</source>
        <translation>Название принтера — от 1 до 40 символов, без косых черт; {name} не подходит.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="251"/>
        <source>The printer cannot print so: {reason}.</source>
        <translation>Принтер не может так печатать: {reason}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="264"/>
        <source>The shop&apos;s printer list cannot be read ({reason}); add the printers again with epay-desktop printer add.</source>
        <translation>Не удалось прочитать список принтеров магазина ({reason}); добавьте принтеры заново командой epay-desktop printer add.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="309"/>
        <source>There is no printer {name}; the shop&apos;s printers: {known}.</source>
        <translation>Принтера {name} нет; принтеры магазина: {known}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="322"/>
        <source>Register {register} has no default printer: name one with --printer, or let a manager set it with epay-desktop printer default NAME.</source>
        <translation>У кассы {register} нет основного принтера: укажите его через --printer или попросите менеджера задать его командой epay-desktop printer default NAME.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="382"/>
        <source>The printer is out of paper: load a new roll.</source>
        <translation>В принтере закончилась бумага: вставьте новую ленту.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="387"/>
        <source>The printer&apos;s cover is open: close it.</source>
        <translation>Открыта крышка принтера: закройте её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="393"/>
        <source>The printer reports an error: switch it off and on, and check the cutter.</source>
        <translation>Принтер сообщает об ошибке: выключите и снова включите его и проверьте отрезчик.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="403"/>
        <source>The printer is offline: check that it is switched on and its cable.</source>
        <translation>Принтер не на связи: проверьте, что он включён, и его кабель.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="412"/>
        <source>The paper is running out: have a new roll ready.</source>
        <translation>Бумага заканчивается: приготовьте новую ленту.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="588"/>
        <source>The printer at {address} cannot be reached ({reason}): check that it is switched on, its cable or network, and the printer&apos;s address in the settings.</source>
        <translation>Принтер по адресу {address} недоступен ({reason}): проверьте, что он включён, его кабель или сеть и адрес принтера в настройках.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="714"/>
        <source>Nothing was printed; the receipt is kept: print it again when ready.</source>
        <translation>Ничего не напечатано; чек сохранён: напечатайте его снова, когда принтер будет готов.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="718"/>
        <source>The receipt may be incomplete; it is kept: print it again (a duplicate) when the printer is ready.</source>
        <translation>Чек мог напечататься не полностью; он сохранён: когда принтер будет готов, напечатайте его снова (дубликат).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="725"/>
        <source>Sent to the printer; it cannot say whether it printed: check the slip, and print a duplicate if not.</source>
        <translation>Отправлено на принтер; он не может сообщить, напечатал ли чек: проверьте ленту и, если чека нет, напечатайте дубликат.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="733"/>
        <source>The connection to the printer broke after {sent} of {total} bytes ({reason}); the receipt is kept: print it again (a duplicate) when the printer is ready.</source>
        <translation>Связь с принтером прервалась после {sent} из {total} байт ({reason}); чек сохранён: когда принтер будет готов, напечатайте его снова (дубликат).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="147"/>
        <source>Only a manager or an administrator can change the printers.</source>
        <extracomment>The one-page test print: the Kazakh letters, a ruler of the printer&apos;s columns, and the cut. The widest head of a 58 mm roll: 384 dots at 203 dpi, up to 432 on some; a wider head prints an 80 mm roll (576 dots at 203 dpi, 512 at 180 dpi: Epson TM-T88IV/V).</extracomment>
        <translation>Изменять принтеры может только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="292"/>
        <source>Nothing was printed; the report is kept: print it again when the printer is ready.</source>
        <extracomment>What a shift report&apos;s failed print says: nothing is lost, the report is printed again (no duplicate).</extracomment>
        <translation>Ничего не напечатано; отчёт сохранён: напечатайте его снова, когда принтер будет готов.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="298"/>
        <source>The report may be incomplete; it is kept: print it again when the printer is ready.</source>
        <translation>Отчёт мог напечататься не полностью; он сохранён: когда принтер будет готов, напечатайте его снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="304"/>
        <source>Sent to the printer; it cannot say whether it printed: check the paper, and print the report again if not.</source>
        <translation>Отправлено на принтер; он не может сообщить, напечатал ли отчёт: проверьте ленту и, если отчёта нет, напечатайте его снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="310"/>
        <source>The connection to the printer broke after {sent} of {total} bytes ({reason}); the report is kept: print it again when the printer is ready.</source>
        <translation>Связь с принтером прервалась после {sent} из {total} байт ({reason}); отчёт сохранён: когда принтер будет готов, напечатайте его снова.</translation>
    </message>
</context>
<context>
    <name>receipts</name>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="205"/>
        <source>No sale receipt was printed for this payment yet, so there is nothing to copy.</source>
        <extracomment>A sale receipt needs money taken or held for the shop (a refunded sale was paid too).</extracomment>
        <translation>Чек продажи по этому платежу ещё не печатался, поэтому копировать нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="215"/>
        <source>A sale receipt can be printed only for a paid payment; this one is {payment_status}.</source>
        <translation>Чек продажи печатается только для оплаченного платежа, а статус этого: {payment_status}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="232"/>
        <source>No receipt was printed for this refund yet, so there is nothing to copy.</source>
        <translation>Чек по этому возврату ещё не печатался, поэтому копировать нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="256"/>
        <source>This payment has no completed refund, so there is no refund receipt to print.</source>
        <translation>По этому платежу нет проведённого возврата, поэтому печатать чек возврата не для чего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="266"/>
        <source>That refund does not belong to this payment.</source>
        <translation>Этот возврат относится к другому платежу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="272"/>
        <source>A refund receipt can be printed only after the refund succeeded; this one is {op_state}.</source>
        <translation>Чек возврата печатается только после проведённого возврата, а состояние этого: {op_state}.</translation>
    </message>
    <message>
        <source>There is no payment with invoice number {invoice_id}.</source>
        <extracomment>the gateway environment (``gateway.config.Environment`` value); every one but ``prod`` prints &quot;not a real payment&quot; in large letters on each receipt (decision 0023)</extracomment>
        <translation type="vanished">Платежа с номером заказа {invoice_id} нет.</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="77"/>
        <location filename="../../epay_desktop/domain/rules.py" line="78"/>
        <source>waiting for the customer to pay</source>
        <extracomment>The gateway refuses refunds below 10 KZT (epay-api.md §6). Where a money operation may go next. SUCCEEDED and FAILED are final. UNKNOWN never becomes FAILED (only check-status resolves it, and &quot;not applied yet&quot; may still change); NEEDS_REVIEW becomes FAILED only by a manager&apos;s &quot;abandon&quot; and SENDING again only by a manager&apos;s &quot;retry&quot;. Every status in words that follow &quot;this one is …&quot; in a refusal (never the raw code: a cashier does not know what CASHIER_CANCEL or 3D means). Marked for translators in context &quot;rules&quot;.</extracomment>
        <translation>ожидает оплаты покупателем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="79"/>
        <source>being paid by the customer right now</source>
        <translation>покупатель оплачивает прямо сейчас</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="80"/>
        <location filename="../../epay_desktop/domain/rules.py" line="97"/>
        <source>still being checked with the bank</source>
        <translation>ещё проверяется в банке</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="81"/>
        <source>expired without being paid</source>
        <translation>истёк без оплаты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="82"/>
        <source>declined at the card&apos;s 3-D Secure check</source>
        <translation>отклонён при проверке карты 3-D Secure</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="83"/>
        <source>only held (authorised), not charged yet</source>
        <translation>только заблокирован (авторизован), ещё не списан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="84"/>
        <source>paid (charged)</source>
        <translation>оплачен (списан)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="85"/>
        <source>cancelled (the hold was released)</source>
        <translation>отменён (блокировка снята)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="86"/>
        <source>a hold that expired unused</source>
        <translation>блокировка истекла без списания</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="87"/>
        <source>fully refunded</source>
        <translation>полностью возвращён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="88"/>
        <source>declined</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="89"/>
        <location filename="../../epay_desktop/domain/rules.py" line="100"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="90"/>
        <source>a card check only (no money was taken)</source>
        <translation>только проверка карты (деньги не списаны)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="91"/>
        <source>cancelled by the cashier at the counter</source>
        <translation>отменён кассиром на кассе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="92"/>
        <source>a sale whose payment page failed to open</source>
        <translation>платёжная страница продажи не открылась</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="96"/>
        <source>being sent to the bank</source>
        <translation>отправляется в банк</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="98"/>
        <source>waiting for a manager&apos;s review</source>
        <translation>ждёт проверки менеджером</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="99"/>
        <source>done</source>
        <translation>выполнена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="176"/>
        <source>A previous {other_kind} of this payment needs a manager&apos;s review first: open it and choose retry or abandon before a new {kind}.</source>
        <translation>Предыдущую операцию («{other_kind}») по этому платежу сначала должен проверить менеджер: откройте её и выберите «Повторить» или «Отказаться», прежде чем делать новую («{kind}»).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="188"/>
        <source>Another {other_kind} of this payment is still being processed: wait for its result, then try again if still needed.</source>
        <translation>Другая операция («{other_kind}») по этому платежу ещё выполняется: дождитесь результата, затем при необходимости повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="230"/>
        <source>This payment was cancelled (the hold was released): there is nothing to refund.</source>
        <translation>Этот платёж отменён (блокировка снята): возвращать нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="240"/>
        <source>This payment is already fully refunded: nothing remains to refund.</source>
        <translation>Этот платёж уже полностью возвращён: возвращать больше нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="250"/>
        <source>Only a paid payment can be refunded; this one is {payment_status}{hint}.</source>
        <translation>Вернуть можно только оплаченный платёж, а статус этого: {payment_status}{hint}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="262"/>
        <source>The refund window of {window_days} days ended on {end_date}: this payment can no longer be refunded from the console; contact the bank.</source>
        <translation>Срок возврата ({window_days} дн.) закончился {end_date}: этот платёж больше нельзя вернуть из программы; обратитесь в банк.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="275"/>
        <source>The remaining amount changed (now {remaining}): check and try again.</source>
        <translation>Остаток изменился (теперь {remaining}): проверьте и повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="284"/>
        <source>Nothing remains to refund on this payment.</source>
        <translation>По этому платежу возвращать больше нечего.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="291"/>
        <source>The refund must be in {remaining_currency}, like the payment.</source>
        <translation>Возврат должен быть в валюте платежа: {remaining_currency}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="296"/>
        <source>Refunds need at least {minimum}.</source>
        <translation>Минимальная сумма возврата — {minimum}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="299"/>
        <source>Refund of {amount} is more than what remains ({remaining}).</source>
        <translation>Возврат {amount} больше остатка ({remaining}).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="337"/>
        <source>Only a held (authorised) payment can be charged; this one is {payment_status}.</source>
        <translation>Списать можно только заблокированный (авторизованный) платёж, а статус этого: {payment_status}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="348"/>
        <source>The charge must be in {held_currency}, like the payment.</source>
        <translation>Списание должно быть в валюте платежа: {held_currency}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="349"/>
        <source>A charge must be more than zero.</source>
        <translation>Сумма списания должна быть больше нуля.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="350"/>
        <source>Charge of {amount} is more than the held amount ({held}).</source>
        <translation>Списание {amount} больше заблокированной суммы ({held}).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="366"/>
        <source>Only a held (authorised) payment can be cancelled; this one is {payment_status}{hint}.</source>
        <translation>Отменить можно только заблокированный (авторизованный) платёж, а статус этого: {payment_status}{hint}.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="33"/>
        <source>No secure keychain on this computer: the client secret cannot be saved. Set EPAYMENT_CLIENT_SECRET for this session or install a keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain)</source>
        <translation>На этом компьютере нет защищённого хранилища ключей: секрет клиента нельзя сохранить. Задайте EPAYMENT_CLIENT_SECRET для этого сеанса или установите хранилище ключей (GNOME Keyring / KWallet / Диспетчер учётных данных Windows / Связка ключей macOS)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="105"/>
        <source>Enter the client id before saving its secret.</source>
        <extracomment>Modules whose backends keep secrets in ordinary files or nowhere at all.</extracomment>
        <translation>Перед сохранением секрета введите Client ID.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="109"/>
        <source>The client secret is empty.</source>
        <translation>Секрет клиента пуст.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="124"/>
        <source>The keychain refused to save the client secret; unlock it and try again.</source>
        <translation>Хранилище ключей не сохранило секрет клиента; разблокируйте его и повторите.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="160"/>
        <source>The keychain refused to delete the client secret.</source>
        <translation>Хранилище ключей не удалило секрет клиента.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="172"/>
        <location filename="../../epay_desktop/services/shop_settings.py" line="148"/>
        <source>Only a manager or an administrator can change the shop settings.</source>
        <extracomment>FiscalSettings field -&gt; the declared shop setting it holds.</extracomment>
        <translation>Менять настройки магазина может только менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="190"/>
        <source>Gateway: {exc}.</source>
        <translation>Шлюз: {exc}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="198"/>
        <source>The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d (from the ePay cabinet).</source>
        <translation>Терминал — это UUID вида 67e34d63-102f-4bd1-898e-370781d0074d (из кабинета ePay).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="218"/>
        <source>The idle lock is a whole number of minutes from 1 to 240.</source>
        <translation>Автоблокировка задаётся целым числом минут от 1 до 240.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="255"/>
        <source>The settings file {path} cannot be read ({exc}).</source>
        <translation>Не удаётся прочитать файл настроек {path} ({exc}).</translation>
    </message>
</context>
<context>
    <name>shifts</name>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="92"/>
        <source>Register {register_id} has no open shift: open one first (shift open).</source>
        <extracomment>A shift open this long is flagged unless the shop&apos;s rules say otherwise (:attr:`ShiftRules.warn_after`).</extracomment>
        <translation>На кассе {register_id} нет открытой смены: сначала откройте её (shift open).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="109"/>
        <source>Shift {number} is already open at register {register_id}: close it before opening another.</source>
        <translation>Смена {number} на кассе {register_id} уже открыта: закройте её, прежде чем открывать новую.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="135"/>
        <source>No shift is open at register {register_id}, and this shop takes payments only during a shift: open a shift first (Shift → Open shift).</source>
        <extracomment>Why a payment was refused: no open shift where the rules want one (:class:`ShiftRequired`).</extracomment>
        <translation>На кассе {register_id} нет открытой смены, а в этом магазине платежи принимаются только во время смены: сначала откройте смену (Смена → Открыть смену).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="141"/>
        <source>No shift is open at register {register_id}, and this shop moves money only during a shift: open a shift first (Shift → Open shift), then make this {kind}. Nothing was sent to the bank.</source>
        <extracomment>Why a charge, cancel or refund was refused before anything was sent (:class:`ShiftRequired`).</extracomment>
        <translation>На кассе {register_id} нет открытой смены, а в этом магазине операции с деньгами проводятся только во время смены: сначала откройте смену (Смена → Открыть смену), затем проведите эту операцию («{kind}»). В банк ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="255"/>
        <source>Shift {shift} has been open for {hours} hours: close it with a Z report.</source>
        <translation>Смена {shift} открыта уже {hours} ч: закройте её Z-отчётом.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="90"/>
        <source>Only a manager can close a shift: ask a manager to sign in to close it.</source>
        <extracomment>How many shifts :meth:`ShiftService.recent` lists unless told.</extracomment>
        <translation>Закрыть смену может только менеджер: попросите менеджера войти и закрыть её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="99"/>
        <source>This shop&apos;s rules let only a manager close a shift: a manager signs in at this counter and closes it.</source>
        <translation>По правилам этого магазина закрыть смену может только менеджер: менеджер входит на этой кассе и закрывает её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="111"/>
        <source>This shop&apos;s rules require the bank check at every close: close the shift with the check (a manager may change the rule in Settings, Shifts).</source>
        <translation>По правилам этого магазина при каждом закрытии смены нужна проверка в банке: закройте смену с проверкой (менеджер может изменить правило в Настройках, вкладка «Смены»).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="278"/>
        <source>Shift {shift_id} is still open: it has no Z report yet (shift x).</source>
        <translation>Смена {shift_id} ещё открыта: Z-отчёта по ней пока нет (shift x).</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="159"/>
        <source>The database {database} is missing, and this data folder had one: it is not made again empty. Restore the last backup: a manager runs {command}.</source>
        <extracomment>The first 16 bytes of every SQLite 3 database file. In the data folder: the absolute paths of the databases this folder expects, one a line.</extracomment>
        <translation>База данных {database} отсутствует, а в этой папке данных она была: пустая заново не создаётся. Восстановите последнюю резервную копию: менеджер выполняет {command}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="164"/>
        <source>The database {database} is missing, and this data folder had one: it is not made again empty. No backup was found in {folder}: ask support.</source>
        <translation>База данных {database} отсутствует, а в этой папке данных она была: пустая заново не создаётся. В {folder} нет резервных копий: обратитесь в поддержку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="171"/>
        <source>The database {database} is empty (0 bytes), and this data folder had one with data: it is not made again empty. Restore the last backup: a manager runs {command}.</source>
        <translation>База данных {database} пуста (0 байт), а в этой папке данных была база с данными: пустая заново не создаётся. Восстановите последнюю резервную копию: менеджер выполняет {command}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="176"/>
        <source>The database {database} is empty (0 bytes), and this data folder had one with data: it is not made again empty. No backup was found in {folder}: ask support, and keep the file as it is.</source>
        <translation>База данных {database} пуста (0 байт), а в этой папке данных была база с данными: пустая заново не создаётся. В {folder} нет резервных копий: обратитесь в поддержку и не трогайте файл.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="183"/>
        <source>The file {database} is not a SQLite database (its first bytes are wrong): damaged or replaced. Restore the last backup: a manager runs {command}.</source>
        <translation>Файл {database} — не база данных SQLite (его первые байты неверны): он повреждён или подменён. Восстановите последнюю резервную копию: менеджер выполняет {command}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="188"/>
        <source>The file {database} is not a SQLite database (its first bytes are wrong): damaged or replaced. No backup was found in {folder}: ask support, and keep the file as it is.</source>
        <translation>Файл {database} — не база данных SQLite (его первые байты неверны): он повреждён или подменён. В {folder} нет резервных копий: обратитесь в поддержку и не трогайте файл.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="195"/>
        <source>The database {database} is damaged ({problem}); the console will not work on it. Restore the last backup: a manager runs {command}.</source>
        <translation>База данных {database} повреждена ({problem}); консоль не будет с ней работать. Восстановите последнюю резервную копию: менеджер выполняет {command}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="200"/>
        <source>The database {database} is damaged ({problem}); the console will not work on it. No backup was found in {folder}: ask support, and keep the file as it is.</source>
        <translation>База данных {database} повреждена ({problem}); консоль не будет с ней работать. В {folder} нет резервных копий: обратитесь в поддержку и не трогайте файл.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="103"/>
        <source>{path} is not a usable backup: {problem}. Nothing was changed.</source>
        <extracomment>How many days of daily copies are kept when EPAYMENT_BACKUP_DAYS is not set. daily-&lt;date&gt;, manual-&lt;date&gt;T&lt;time&gt;, pre-migration-&lt;rev&gt;-&lt;date&gt;T&lt;time&gt;: (kind, date)</extracomment>
        <translation>{path} не годится как резервная копия: {problem}. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="113"/>
        <source>{path} is not a usable backup: {problem} ({detail}). Nothing was changed.</source>
        <translation>{path} не годится как резервная копия: {problem} ({detail}). Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="146"/>
        <source>it cannot be read</source>
        <translation>его не удаётся прочитать</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="147"/>
        <source>not a SQLite database</source>
        <translation>это не база данных SQLite</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="148"/>
        <source>damaged</source>
        <translation>повреждена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="149"/>
        <source>not a database of epay-desktop</source>
        <translation>это не база данных epay-desktop</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="151"/>
        <source>its schema revision is not one this program knows</source>
        <translation>её версия схемы неизвестна этой программе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="304"/>
        <source>The copy {target} holds schema {stored}, not {revision}; it was not kept.</source>
        <translation>Копия {target} содержит схему {stored}, а не {revision}; она не сохранена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="194"/>
        <source>{target} already exists; choose a new file name for the backup.</source>
        <translation>{target} уже существует; выберите для резервной копии новое имя файла.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="210"/>
        <source>The backup to {target} failed: {problem}.</source>
        <translation>Резервное копирование в {target} не удалось: {problem}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="322"/>
        <source>The database {database} is open in {count} other console(s) or command(s) (process {pids}); close them first. Nothing was changed.</source>
        <translation>База данных {database} открыта ещё в {count} консолях или командах (процесс {pids}); сначала закройте их. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/db.py" line="140"/>
        <source>The database {database} runs with unsafe settings ({wrong}); the console needs {required_sqlite_pragmas}. Is the file on a network drive or in memory? Move it to a local disk.</source>
        <extracomment>At most this many grouped writes share one transaction (:meth:`Store.run_write_grouped`). What every SQLite connection must report before the console trusts it with money (docs/reliability.md T15): WAL, fsync on every commit, foreign keys, a busy timeout.</extracomment>
        <translation>База данных {database} работает с небезопасными настройками ({wrong}); программе нужно {required_sqlite_pragmas}. Файл на сетевом диске или в памяти? Перенесите его на локальный диск.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/keyfile.py" line="62"/>
        <source>The {name} {path} is not a regular file; remove it only if you know why it is.</source>
        <translation>{name} {path} — не обычный файл; удаляйте его, только если знаете, почему так.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/keyfile.py" line="73"/>
        <source>The {name} {path} can be read by other users (mode {mode}). Run: chmod 600 {path} - and tell your manager, the key may have leaked.</source>
        <translation>{name} {path} доступен для чтения другим пользователям (права {mode}). Выполните: chmod 600 {path} - и сообщите менеджеру: ключ мог утечь.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/keyfile.py" line="89"/>
        <source>The {name} {path} is damaged ({key_count} bytes, expected {key_bytes}). Restore it from your backup; {if_lost}.</source>
        <translation>{name} {path} повреждён ({key_count} байт, ожидалось {key_bytes}). Восстановите его из резервной копии; {if_lost}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="74"/>
        <source>This program&apos;s migrations have {heads_count} heads ({heads}); it is built wrongly.</source>
        <translation>У миграций этой программы {heads_count} голов(ы) ({heads}); программа собрана неправильно.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="130"/>
        <source>Upgrading the database from schema {current} to {head} failed ({exc}). Nothing was changed.{kept} Ask support; the console will not start on it.</source>
        <translation>Не удалось обновить базу данных со схемы {current} до {head} ({exc}). Ничего не изменилось.{kept} Обратитесь в поддержку; с этой базой программа не запустится.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="146"/>
        <source>Database migration stopped at {after}, not at {head}; nothing was changed.</source>
        <translation>Миграция базы данных остановилась на {after}, а не на {head}; ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="162"/>
        <source>The database has several schema revisions ({revisions}); restore a backup or ask support. The console will not start on it.</source>
        <translation>В базе данных несколько ревизий схемы ({revisions}); восстановите резервную копию или обратитесь в поддержку. С этой базой программа не запустится.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="176"/>
        <source>The database has tables but no schema revision, so it was not created by epay-desktop (found {tables}). Point EPAYMENT_DATABASE_URL at a new or epay-desktop database.</source>
        <translation>В базе данных есть таблицы, но нет ревизии схемы, значит, её создала не epay-desktop (найдено: {tables}). Укажите в EPAYMENT_DATABASE_URL новую базу или базу epay-desktop.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="191"/>
        <source>The database has schema revision {current}, which this program does not know (it knows up to {head}): a newer epay-desktop has used it. Install that version, or restore a backup made before the upgrade. Nothing was changed.</source>
        <translation>У базы данных ревизия схемы {current}, неизвестная этой программе (она знает до {head}): с базой работала более новая epay-desktop. Установите ту версию или восстановите резервную копию, сделанную до обновления. Ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="218"/>
        <source>Cannot back up this SQLite database before migrating it (no file).</source>
        <translation>Нельзя сделать резервную копию этой базы SQLite перед миграцией (нет файла).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="229"/>
        <source>Backup before migration failed ({exc}); the database was not changed.</source>
        <translation>Резервное копирование перед миграцией не удалось ({exc}); база данных не изменена.</translation>
    </message>
    <message>
        <source>Backup {target} failed its check ({ok}, {stored}); the database was not changed.</source>
        <translation type="vanished">Резервная копия {target} не прошла проверку ({ok}, {stored}); база данных не изменена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/open.py" line="211"/>
        <source>Cannot create the data folder {home}: {exc_strerror}.</source>
        <extracomment>File systems on which SQLite&apos;s WAL (shared memory + POSIX locks) is unsafe.</extracomment>
        <translation>Не удаётся создать папку данных {home}: {exc_strerror}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/open.py" line="225"/>
        <source>The database {parsed_database} is on a network drive. SQLite cannot keep it safe there (WAL needs local shared memory). Use a local folder, or PostgreSQL for several counters.</source>
        <translation>База данных {parsed_database} находится на сетевом диске. Там SQLite не может обеспечить её сохранность (WAL нужна локальная общая память). Используйте локальную папку или PostgreSQL для нескольких касс.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/counters.py" line="109"/>
        <source>This shop has used all {invoice_id_limit} invoice numbers the gateway allows (their last 6 digits must be unique). New payments cannot be created; ask support to start a new shop database or terminal.</source>
        <translation>Этот магазин израсходовал все {invoice_id_limit} номеров заказов, допустимых шлюзом (последние 6 цифр должны быть уникальны). Новые платежи создать нельзя; попросите поддержку завести новую базу магазина или новый терминал.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/discrepancies.py" line="61"/>
        <source>There is no open discrepancy number {number}.</source>
        <translation>Открытого расхождения № {number} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/discrepancies.py" line="74"/>
        <source>There is no discrepancy number {number}.</source>
        <translation>Расхождения № {number} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/operations.py" line="97"/>
        <source>Another operation on this payment is still being processed: wait for its result.</source>
        <translation>Другая операция по этому платежу ещё выполняется: дождитесь её результата.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/operations.py" line="217"/>
        <source>There is no money operation {op_id}.</source>
        <translation>Денежной операции {op_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/payments.py" line="133"/>
        <source>There is no payment with invoice number {invoice_id}.</source>
        <extracomment>Scheduled polls also cover the local marks while their token lives (their next_poll_at, decision 0018). ... and a decline whose invoice still takes another card attempt (its next_poll_at, decision 0035). :meth:`PaymentRepo.lock_by_invoice`&apos;s statement, built once (building it was a tenth of the work of storing a status answer, issue 10 P3); read from the database even when the row is in the session rows locked in this transaction, kept so the update that follows finds them in the session (its identity map holds rows weakly: a dropped row was read again, issue 10 P3)</extracomment>
        <translation>Платежа с номером заказа {invoice_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/payments.py" line="287"/>
        <source>There is no payment number {payment_id}.</source>
        <translation>Платежа № {payment_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/receipts.py" line="81"/>
        <source>There is no receipt with id {receipt_id}.</source>
        <translation>Чека с ID {receipt_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/settings.py" line="61"/>
        <source>setting name {key} must be 1 to 64 characters</source>
        <translation>имя настройки {key} должно быть от 1 до 64 символов</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="108"/>
        <source>{known_meaning}: {value} is not valid; use {exc}</source>
        <extracomment>how late check-status may show an applied operation, in seconds (decision 0039) the shift rules (decision 0117; read typed as ``domain.shifts.ShiftRules``): hours, then yes/no ShopProfile field -&gt; the declared shop setting it shows.</extracomment>
        <translation>{known_meaning}: недопустимое значение {value}; используйте {exc}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="84"/>
        <source>There is no user with id {user_id}.</source>
        <translation>Пользователя с ID {user_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="368"/>
        <source>A user named {name_strip} already exists; choose another name.</source>
        <translation>Пользователь с именем {name_strip} уже есть; выберите другое имя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="197"/>
        <source>There is no payment with id {payment_id}.</source>
        <translation>Платежа с ID {payment_id} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="246"/>
        <source>This manager approval is not known. Ask the manager to approve again.</source>
        <translation>Такое одобрение менеджера неизвестно. Попросите менеджера одобрить снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="378"/>
        <source>This manager approval was already used. Each approval is good for one operation.</source>
        <translation>Это одобрение менеджера уже использовано. Каждое одобрение действует для одной операции.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="257"/>
        <source>The manager approval has expired (it lasts 2 minutes). Ask again.</source>
        <translation>Одобрение менеджера истекло (оно действует 2 минуты). Попросите снова.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="266"/>
        <source>The manager approved a different payment, operation or amount. Ask for a new approval.</source>
        <translation>Менеджер одобрил другой платёж, операцию или сумму. Попросите новое одобрение.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="277"/>
        <source>The manager approved this for another cashier. Ask for a new approval.</source>
        <translation>Менеджер одобрил это для другого кассира. Попросите новое одобрение.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="287"/>
        <source>The approving manager can no longer approve. Ask another manager.</source>
        <translation>Одобривший менеджер больше не может одобрять. Попросите другого менеджера.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="49"/>
        <source>the database is read-only</source>
        <extracomment>the fault in a few words, for a longer sentence (an outcome not recorded)</extracomment>
        <translation>база данных доступна только для чтения</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="55"/>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="61"/>
        <source>the database is damaged</source>
        <translation>база данных повреждена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="67"/>
        <source>the database is busy</source>
        <translation>база данных занята</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="73"/>
        <source>the database cannot be reached</source>
        <translation>база данных недоступна</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="156"/>
        <source>The database {database} is read-only: nothing was changed. Let this user write the file and its folder (or use a disk that is not write-protected), then try again.</source>
        <translation>База данных {database} доступна только для чтения: ничего не изменено. Разрешите этому пользователю запись в файл и его папку (или используйте диск без защиты от записи), затем повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="170"/>
        <source>The disk holding the database {database} is full: nothing was changed. Free some space on it, then try again.</source>
        <translation>Диск с базой данных {database} заполнен: ничего не изменено. Освободите на нём место, затем повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="184"/>
        <source>The database server {database} cannot be reached ({said}): nothing was changed. Check that it runs and that this computer can reach it ({setting}), then try again.</source>
        <translation>Сервер базы данных {database} недоступен ({said}): ничего не изменено. Проверьте, что он работает и этот компьютер может к нему подключиться ({setting}), затем повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="235"/>
        <source>The database {database} is busy: another program or counter kept it locked longer than {seconds} s ({setting}): nothing was changed. Wait a moment, then try again.</source>
        <translation>База данных {database} занята: другая программа или касса держала её заблокированной дольше {seconds} с ({setting}): ничего не изменено. Подождите немного и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="107"/>
        <source>The database {database} is damaged or cannot be read ({said}): nothing was changed. Restore the last backup ({command}), or call support.</source>
        <translation>База данных {database} повреждена или не читается ({said}): ничего не изменено. Восстановите последнюю резервную копию ({command}) или обратитесь в поддержку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="123"/>
        <source>The database {database} cannot be opened ({said}): nothing was changed. Check that the file and its folder exist and this user may read and write them.</source>
        <translation>Базу данных {database} не удаётся открыть ({said}): ничего не изменено. Проверьте, что файл и его папка существуют и этот пользователь может их читать и записывать.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="203"/>
        <source>The database {database} is busy: another epay-desktop process (pid {pids}) has it open and kept it locked longer than {seconds} s ({setting}): nothing was changed. Wait for that process to finish or close it, then try again.</source>
        <translation>База данных {database} занята: другой процесс epay-desktop (№ {pids}) открыл её и держал заблокированной дольше {seconds} с ({setting}): ничего не изменено. Дождитесь завершения этого процесса или закройте его, затем повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="219"/>
        <source>The database {database} is busy: the program {program} (pid {pids}) has it open and kept it locked longer than {seconds} s ({setting}): nothing was changed. Close that program, then try again.</source>
        <translation>База данных {database} занята: программа {program} (№ {pids}) открыла её и держала заблокированной дольше {seconds} с ({setting}): ничего не изменено. Закройте эту программу, затем повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/shifts.py" line="292"/>
        <source>There is no shift with id {shift_id}.</source>
        <translation>Смены с ID {shift_id} нет.</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="107"/>
        <source>The name {name} looks like the existing user {existing} (letters of another alphabet that look the same); choose a name that is clearly different.</source>
        <translation>Имя {name} похоже на имя существующего пользователя {existing} (одинаковые на вид буквы другого алфавита); выберите явно другое имя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="143"/>
        <source>{manager_name} is not a manager; ask a manager or an administrator.</source>
        <translation>{manager_name} — не менеджер; попросите менеджера или администратора.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="153"/>
        <source>Approve someone else&apos;s request; a manager needs no approval.</source>
        <translation>Одобряйте чужие запросы; менеджеру одобрение не нужно.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="252"/>
        <source>Too many wrong manager PINs at this counter: approvals here are paused for {minutes} more min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Слишком много неверных PIN-кодов менеджера на этой кассе: одобрения здесь приостановлены ещё на {minutes} мин (до {time} по времени Казахстана). Пока что менеджер может войти и сделать это сам, без одобрения.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="259"/>
        <source>Too many wrong manager PINs for {cashier}&apos;s requests: approvals for them are paused for {minutes} more min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Слишком много неверных PIN-кодов менеджера для запросов кассира {cashier}: одобрения для него приостановлены ещё на {minutes} мин (до {time} по времени Казахстана). Пока что менеджер может войти и сделать это сам, без одобрения.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="238"/>
        <source>Wrong manager name or PIN, too many times: approvals at this counter are paused for {minutes} min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Слишком много раз введены неверные имя или PIN-код менеджера: одобрения на этой кассе приостановлены на {minutes} мин (до {time} по времени Казахстана). Пока что менеджер может войти и сделать это сам, без одобрения.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="245"/>
        <source>Wrong manager name or PIN, too many times: approvals for {cashier}&apos;s requests are paused for {minutes} min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Слишком много раз введены неверные имя или PIN-код менеджера: одобрения запросов кассира {cashier} приостановлены на {minutes} мин (до {time} по времени Казахстана). Пока что менеджер может войти и сделать это сам, без одобрения.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="346"/>
        <source>Wrong manager name or PIN. 1 try left before approvals pause for {minutes} minutes.</source>
        <translation>Неверные имя или PIN-код менеджера. Осталась 1 попытка, потом одобрения приостановятся на {minutes} мин.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="350"/>
        <source>Wrong manager name or PIN. {tries} tries left before approvals pause for {minutes} minutes.</source>
        <translation>Неверные имя или PIN-код менеджера. Осталось попыток: {tries}, потом одобрения приостановятся на {minutes} мин.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="60"/>
        <source>Wrong user name or password/PIN.</source>
        <translation>Неверное имя пользователя или пароль/PIN-код.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="90"/>
        <source>Too many wrong passwords/PINs: this account is locked until {time} (Kazakhstan time, {zone}) or until a manager unlocks it.</source>
        <translation>Слишком много неверных паролей/PIN-кодов: учётная запись заблокирована до {time} (время Казахстана, {zone}) или пока менеджер её не разблокирует.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="228"/>
        <location filename="../../epay_desktop/services/people/users.py" line="507"/>
        <source>This account is deactivated. Ask a manager to reactivate it.</source>
        <translation>Эта учётная запись отключена. Попросите менеджера снова включить её.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="125"/>
        <source>This account&apos;s role or status in the database is not the one a manager gave it: the database was changed outside the console. Log-in refused; an administrator must check the audit log.</source>
        <translation>Роль или состояние этой учётной записи в базе данных не те, что дал ей менеджер: базу данных изменили в обход консоли. Вход отклонён; администратор должен проверить журнал аудита.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="55"/>
        <source>Enter a PIN (at least 4 digits) or a password (at least 8 characters).</source>
        <translation>Введите PIN-код (не меньше 4 цифр) или пароль (не меньше 8 символов).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="64"/>
        <source>The password is too long: at most {max_secret_chars} characters.</source>
        <translation>Пароль слишком длинный: не больше {max_secret_chars} символов.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="75"/>
        <source>A PIN needs at least {min_pin_digits} digits; this one has {secret_count}.</source>
        <translation>В PIN-коде нужно не меньше {min_pin_digits} цифр, а в этом: {secret_count}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="87"/>
        <source>A password needs at least {min_password_chars} characters; this one has {secret_count}. (A PIN of digits only may be shorter: at least {min_pin_digits}.)</source>
        <translation>В пароле нужно не меньше {min_password_chars} символов, а в этом: {secret_count}. (PIN-код только из цифр может быть короче: не меньше {min_pin_digits}.)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="79"/>
        <source>Enter a user name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="84"/>
        <source>A user name has at most {max_name_chars} characters.</source>
        <translation>Имя пользователя — не больше {max_name_chars} символов.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="92"/>
        <source>A user name cannot contain control or invisible characters.</source>
        <translation>Имя пользователя не может содержать управляющие или невидимые символы.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="122"/>
        <source>Your account is deactivated.</source>
        <translation>Ваша учётная запись отключена.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="174"/>
        <source>The role “{actor_role}” may not add “{role}” accounts.</source>
        <extracomment>wrong manager PINs typed at this counter (``register_id``) -- never the manager&apos;s login lockout</extracomment>
        <translation>Роль «{actor_role}» не может добавлять учётные записи с ролью «{role}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="188"/>
        <source>The first user must be a manager or an administrator, who then adds the cashiers.</source>
        <translation>Первым пользователем должен быть менеджер или администратор, который затем добавит кассиров.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="201"/>
        <source>Log in as a manager or an administrator to add users.</source>
        <translation>Чтобы добавить пользователей, войдите как менеджер или администратор.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="207"/>
        <source>The role “{current_role}” may not add “{role}” accounts.</source>
        <translation>Роль «{current_role}» не может добавлять учётные записи с ролью «{role}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="233"/>
        <source>Only a manager or an administrator can see the list of users.</source>
        <translation>Список пользователей доступен только менеджеру или администратору.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="274"/>
        <source>There is no user named {name_strip}.</source>
        <translation>Пользователя с именем {name_strip} нет.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="283"/>
        <source>The role “{current_role}” may not change “{target_role}” accounts.</source>
        <translation>Роль «{current_role}» не может менять учётные записи с ролью «{target_role}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="323"/>
        <source>You cannot deactivate your own account.</source>
        <translation>Нельзя отключить свою собственную учётную запись.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="346"/>
        <source>You cannot change your own role; ask another manager or an administrator.</source>
        <translation>Нельзя сменить свою собственную роль; попросите другого менеджера или администратора.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="352"/>
        <source>The role “{current_role}” may not give the role “{role}”.</source>
        <translation>Роль «{current_role}» не может давать роль «{role}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="358"/>
        <source>{name} already has the role “{role}”; nothing was changed.</source>
        <translation>У пользователя {name} уже роль «{role}»; ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="457"/>
        <source>The amount to approve must be a whole number of tiyn, not negative.</source>
        <translation>Сумма для одобрения должна быть целым неотрицательным числом тиынов.</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="21"/>
        <source>charge</source>
        <extracomment>An operation&apos;s kind as a word in a sentence (&quot;a refund is being sent&quot;).</extracomment>
        <translation>списание</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="22"/>
        <source>cancellation</source>
        <translation>отмена</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="23"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="28"/>
        <source>cashier</source>
        <extracomment>A user&apos;s role as a word in a sentence (&quot;The role “cashier” may not add “admin” accounts.&quot;).</extracomment>
        <translation>кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="29"/>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="30"/>
        <source>admin</source>
        <translation>администратор</translation>
    </message>
</context>
</TS>
