<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="54"/>
        <source>(not opened)</source>
        <translation>(ашылмаған)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="57"/>
        <source>A counter console for Halyk Bank&apos;s ePay card payments.</source>
        <translation>Halyk Bank ePay карта төлемдеріне арналған касса консолі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/about.py" line="70"/>
        <source>About ePay Desktop</source>
        <translation>ePay Desktop туралы</translation>
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
        <translation>Деректер қалтасы: {folder}</translation>
    </message>
</context>
<context>
    <name>AppAdmin</name>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="236"/>
        <source>Backing up the database…</source>
        <translation>Дерекқордың сақтық көшірмесі жасалуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="250"/>
        <source>Backup done</source>
        <translation>Сақтық көшірме жасалды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="247"/>
        <source>The database was backed up and the copy checked:
{path}</source>
        <translation>Дерекқордың сақтық көшірмесі жасалды және тексерілді:
{path}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="245"/>
        <source>The database is PostgreSQL: it is backed up on its server, not by this console.</source>
        <translation>Дерекқор — PostgreSQL: оның сақтық көшірмесі осы консольде емес, өз серверінде жасалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="275"/>
        <source>Export done</source>
        <translation>Экспорт аяқталды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="147"/>
        <source>Settings saved. Gateway changes apply when the console is restarted.</source>
        <translation>Баптаулар сақталды. Шлюз өзгерістері консоль қайта іске қосылғанда күшіне енеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="269"/>
        <source>{rows} payment(s) from {first} to {last} were written to:
{path}</source>
        <translation>{first} – {last} аралығындағы {rows} төлем мына файлға жазылды:
{path}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="150"/>
        <source>Settings saved. The fiscal register&apos;s settings apply from the next receipt; gateway changes apply when the console is restarted.</source>
        <translation>Баптаулар сақталды. Онлайн-касса баптаулары келесі чектен бастап күшіне енеді; шлюз өзгерістері консоль қайта іске қосылғанда күшіне енеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/admin_screens.py" line="266"/>
        <source>{rows} payment(s) of {day} were written to:
{path}</source>
        <translation>{day} күнгі {rows} төлем мына файлға жазылды:
{path}</translation>
    </message>
</context>
<context>
    <name>AppFlows</name>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="115"/>
        <source>Print refund receipt</source>
        <translation>Қайтару чегін басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="116"/>
        <source>Not now</source>
        <translation>Қазір емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="151"/>
        <source>refund</source>
        <translation>қайтару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="151"/>
        <source>cancel</source>
        <translation>күшін жою</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="151"/>
        <source>charge</source>
        <translation>есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="152"/>
        <source>The bank could not confirm whether this {what} of {amount} was applied.

Retry: the console asks the bank again and re-sends it only if the bank proves it was not applied (with the same operation id, so it cannot be applied twice).
Abandon: mark it as failed; start a new operation if the customer still needs it.
Mark applied: the bank&apos;s merchant cabinet lists this {what}: mark it as done.</source>
        <translation>Банк бұл операцияның ({what}, {amount}) орындалғанын растай алмады.

Қайталау: консоль банктен қайта сұрайды және банк оның орындалмағанын растаса ғана қайта жібереді (сол операция ID-імен, сондықтан ол екі рет орындалмайды).
Доғару: оны сәтсіз деп белгілеу; сатып алушыға әлі қажет болса, жаңа операция бастаңыз.
Орындалды деп белгілеу: банктің мерчант кабинетінде бұл операция ({what}) бар: оны орындалды деп белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="162"/>
        <source>Review the operation</source>
        <translation>Операцияны қарау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="97"/>
        <source>Refund done — invoice {invoice}, {amount}</source>
        <translation>Қайтару орындалды — тапсырыс {invoice}, {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="102"/>
        <source>The refund of {amount} on invoice {invoice} is done. Print the refund receipt for the customer?</source>
        <translation>{invoice} тапсырысы бойынша {amount} қайтару орындалды. Сатып алушыға қайтару чегін басып шығарасыз ба?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="168"/>
        <source>&amp;Retry</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="169"/>
        <source>A&amp;bandon</source>
        <translation>&amp;Доғару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/flows.py" line="170"/>
        <source>&amp;Mark applied</source>
        <translation>&amp;Орындалды деп белгілеу</translation>
    </message>
</context>
<context>
    <name>AppShifts</name>
    <message>
        <location filename="../../epay_desktop/ui/app/shift_screens.py" line="161"/>
        <source>Shift {number} opened at {time} by {name}.</source>
        <translation>№{number} ауысым ашылды, уақыты: {time}, ашқан: {name}.</translation>
    </message>
</context>
<context>
    <name>ApprovalWidget</name>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="46"/>
        <source>Manager approval</source>
        <extracomment>the error text appeared or went (the dialog grows to keep every field readable)</extracomment>
        <translation>Менеджердің мақұлдауы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="50"/>
        <source>A cashier needs a manager&apos;s approval for this. The manager types their name and PIN here.</source>
        <translation>Бұл үшін кассирге менеджердің мақұлдауы керек. Менеджер осында өз атын және PIN-кодын енгізеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="56"/>
        <source>Manager&apos;s name</source>
        <translation>Менеджердің аты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/approval_widget.py" line="57"/>
        <source>Manager&apos;s PIN or password</source>
        <translation>Менеджердің PIN-коды немесе құпиясөзі</translation>
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
        <translation>Мақұлдау үшін менеджер өз атын және PIN-кодын енгізуі керек.</translation>
    </message>
</context>
<context>
    <name>AttentionDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="135"/>
        <source>Settled meanwhile.</source>
        <translation>Осы арада шешілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="119"/>
        <source>The console&apos;s books say {console}, the bank says {bank}. Check the payment with the bank, then resolve it here with what you found.</source>
        <translation>Консоль есебінде: {console}, банкте: {bank}. Төлемді банкпен тексеріп, анықтағаныңызды жазып, осында шешіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="142"/>
        <source>The bank has not confirmed the payment&apos;s outcome yet; the console keeps asking.</source>
        <translation>Банк төлемнің нәтижесін әлі растаған жоқ; консоль сұрауды жалғастыруда.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="374"/>
        <source>What you found (e.g. what the bank&apos;s merchant cabinet shows)</source>
        <translation>Не анықтадыңыз (мысалы, банктің мерчант кабинетінде не көрсетілген)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="384"/>
        <source>Only a manager can resolve a difference between the books and the bank.</source>
        <translation>Есеп пен банк арасындағы айырмашылықты тек менеджер шеше алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="104"/>
        <source>Refund made outside the console</source>
        <translation>Консольден тыс жасалған қайтару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="105"/>
        <source>Refunded amounts differ</source>
        <translation>Қайтарылған сомалар сәйкес емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="106"/>
        <source>Charged amounts differ</source>
        <translation>Есептен шығарылған сомалар сәйкес емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="113"/>
        <source>The bank refunded {bank} that no refund of this console explains (e.g. in the bank&apos;s merchant cabinet). Check it with the bank, then resolve it here with what you found.</source>
        <translation>Банк {bank} қайтарған, бірақ оны осы консольдің ешбір қайтаруы түсіндірмейді (мысалы, банктің мерчант кабинетінде жасалған). Оны банкпен тексеріп, анықтағаныңызды жазып, осында шешіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="127"/>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="128"/>
        <source>Cancel</source>
        <translation>Күшін жою</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="129"/>
        <source>Charge</source>
        <translation>Есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>Invoice</source>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Created</source>
        <translation>Жасалды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="212"/>
        <source>Waiting for</source>
        <translation>Не күтілуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="233"/>
        <source>Nothing needs attention: every payment and operation is settled.</source>
        <translation>Назар аударатын ештеңе жоқ: барлық төлем мен операция шешілген.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="238"/>
        <source>Open payment</source>
        <translation>Төлемді ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="248"/>
        <source>Choose a payment to see it; a manager reviews an operation from there.</source>
        <translation>Көру үшін төлемді таңдаңыз; менеджер операцияны сол жерден қарайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>Found</source>
        <translation>Анықталды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="350"/>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="377"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Шешу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="324"/>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="495"/>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="342"/>
        <source>The console&apos;s books and the bank disagree ({count}):</source>
        <translation>Консоль есебі мен банк сәйкес келмейді ({count}):</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="498"/>
        <source>Discrepancy {number} resolved.</source>
        <translation>№ {number} сәйкессіздік шешілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="527"/>
        <source>Needs attention ({count})</source>
        <translation>Назар аудару керек ({count})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="147"/>
        <source>{kind} of {amount}: the bank could not confirm it; a manager must review it.</source>
        <translation>{kind}, {amount}: банк оны растай алмады; менеджер қарауы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="153"/>
        <source>{kind} of {amount}: the bank&apos;s answer was lost; the console is checking.</source>
        <translation>{kind}, {amount}: банктің жауабы жоғалды; консоль тексеріп жатыр.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="163"/>
        <source>Fiscal receipt</source>
        <translation>Фискалдық чек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="163"/>
        <source>Fiscal return receipt</source>
        <translation>Фискалдық қайтару чегі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="166"/>
        <source>{receipt} of {amount}: {reason}</source>
        <translation>{receipt}, {amount}: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="307"/>
        <source>A fiscal shift past 24 hours must be closed first: open the fiscal register to close it.</source>
        <translation>Алдымен 24 сағаттан артық ашық тұрған касса ауысымын жабу керек: оны жабу үшін онлайн-кассаны ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="304"/>
        <source>Fiscal &amp;register…</source>
        <translation>Онлайн-&amp;касса…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="75"/>
        <source>Register &amp;here…</source>
        <translation>&amp;Осында тіркеу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="77"/>
        <source>Register the chosen payment&apos;s held fiscal receipt at the cash register the settings name now: only after checking that the register it was sent to has no such check.</source>
        <translation>Таңдалған төлемнің ұсталған фискалдық чегін баптауларда қазір көрсетілген онлайн-кассада тіркеу: ол жіберілген кассада мұндай чек жоқ екенін тексергеннен кейін ғана.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="82"/>
        <source>Only a manager can send a fiscal receipt to another cash register.</source>
        <translation>Фискалдық чекті басқа онлайн-кассаға тек менеджер жібере алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="129"/>
        <source>The fiscal receipt {number} was sent to the current cash register and is not registered yet: the row says why.</source>
        <translation>{number} фискалдық чегі ағымдағы онлайн-кассаға жіберілді, бірақ әлі тіркелмеді: себебі жолда көрсетілген.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="134"/>
        <source>The fiscal receipt {number} is registered at the current cash register.</source>
        <translation>{number} фискалдық чегі ағымдағы онлайн-кассада тіркелді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="101"/>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="109"/>
        <source>Register here</source>
        <translation>Осында тіркеу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="125"/>
        <source>No fiscal register is set up: nothing was sent.</source>
        <translation>Онлайн-касса бапталмаған: ештеңе жіберілген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_fiscal.py" line="102"/>
        <source>Register the fiscal receipt {number} at the cash register the settings name now?

Do this only after checking the journal of the cash register {register}: if the check is there, it is registered already; set the fiscal settings back to {register} instead.</source>
        <translation>{number} фискалдық чегін баптауларда қазір көрсетілген онлайн-кассада тіркеу керек пе?

Мұны {register} онлайн-кассасының журналын тексергеннен кейін ғана жасаңыз: чек сонда болса, ол тіркеліп қойған; онда фискалдық баптауларда {register} кассасын қайтарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/attention_dialog.py" line="174"/>
        <source>The console&apos;s books and the bank disagree about it: a manager resolves it in the list below.</source>
        <translation>Бұл төлем бойынша консоль есебі мен банк сәйкес келмейді: менеджер сәйкессіздікті төмендегі тізімде шешеді.</translation>
    </message>
</context>
<context>
    <name>AuditAnchorDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="99"/>
        <source>The audit log is broken at entry {seq}: an entry was changed, deleted or moved. No anchor is given for a broken log; an administrator must check it.</source>
        <translation>Аудит журналы {seq} жазбасында бүлінген: жазба өзгертілген, жойылған немесе орны ауыстырылған. Бүлінген журналға бақылау белгісі берілмейді; әкімші оны тексеруі керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="107"/>
        <source>The log matches the anchor: nothing up to entry {count} was cut or rewritten.</source>
        <translation>Журнал бақылау белгісімен сәйкес: {count} жазбаға дейін ештеңе қиылмаған және қайта жазылмаған.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="111"/>
        <source>The log was cut: the anchor has {anchor} entries, the log only {count}.</source>
        <translation>Журнал қиылған: бақылау белгісінде {anchor} жазба бар, журналда тек {count}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="115"/>
        <source>The log was rewritten: entry {seq} is not the one the anchor was printed for.</source>
        <translation>Журнал қайта жазылған: {seq} жазбасы бақылау белгісі басылған жазба емес.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="180"/>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="127"/>
        <source>Audit log anchor</source>
        <translation>Аудит журналының бақылау белгісі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="190"/>
        <source>&amp;Copy</source>
        <translation>&amp;Көшіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="198"/>
        <source>The audit log is intact: {count} entries. Write this anchor down or save it off this PC; checked later, it shows whether the log was cut or rewritten since.</source>
        <translation>Аудит журналы бүтін: {count} жазба. Осы бақылау белгісін жазып алыңыз немесе осы компьютерден тыс сақтаңыз; кейін онымен тексергенде журнал содан бері қиылған не қайта жазылған-жазылмағаны көрінеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="223"/>
        <source>A kept anchor, e.g. {example}</source>
        <translation>Сақталған белгі, мысалы {example}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="224"/>
        <source>C&amp;heck</source>
        <translation>&amp;Тексеру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="239"/>
        <source>Check an anchor kept earlier:</source>
        <translation>Бұрын сақталған белгіні тексеру:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="326"/>
        <source>That is not an anchor: write it as printed, e.g. {example}.</source>
        <translation>Бұл бақылау белгісі емес: оны басылғандай жазыңыз, мысалы {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="346"/>
        <source>Only a manager or an administrator can see the audit log&apos;s anchor.</source>
        <translation>Аудит журналының бақылау белгісін тек менеджер немесе әкімші көре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="192"/>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="194"/>
        <source>&amp;Save…</source>
        <translation>&amp;Сақтау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="128"/>
        <source>Printed {when}</source>
        <translation>Басылған уақыты: {when}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="130"/>
        <source>Entries in the audit log: {count}</source>
        <translation>Аудит журналындағы жазбалар саны: {count}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="133"/>
        <source>Keep this paper away from the computer. To check later that the log was not cut or rewritten, type the anchor in Settings &gt; Audit log anchor and press Check, or run:</source>
        <translation>Бұл қағазды компьютерден бөлек сақтаңыз. Кейін журнал қиылмағанын және қайта жазылмағанын тексеру үшін бақылау белгісін Баптаулар &gt; Аудит журналының бақылау белгісі терезесіне енгізіп, «Тексеру» батырмасын басыңыз немесе мына команданы орындаңыз:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="267"/>
        <source>Save the audit log anchor</source>
        <translation>Аудит журналының бақылау белгісін сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="269"/>
        <source>Text files (*.txt)</source>
        <translation>Мәтін файлдары (*.txt)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="299"/>
        <source>Sent to the printer.</source>
        <translation>Принтерге жіберілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="318"/>
        <source>Could not save: {why}</source>
        <translation>Сақтау мүмкін болмады: {why}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="314"/>
        <source>Saved to {path}: keep a copy off this PC.</source>
        <translation>{path} файлына сақталды: көшірмесін осы компьютерден тыс сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="85"/>
        <source>These accounts have a role or status that no audited decision gave: the database was changed outside the console, and their log-in is refused. An administrator must check them.</source>
        <translation>Бұл есептік жазбалардың рөлі не күйін аудит журналындағы ешбір шешім бермеген: дерекқор консольді айналып өзгертілген, олардың кіруіне тыйым салынды. Әкімші оларды тексеруі керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="76"/>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/audit/anchor_dialog.py" line="90"/>
        <source>{name}: {stored} in the database, audited {audited}</source>
        <translation>{name}: дерекқорда — {stored}, аудит журналы бойынша — {audited}</translation>
    </message>
</context>
<context>
    <name>BankValues</name>
    <message>
        <location filename="../../epay_desktop/domain/decline_reasons.py" line="128"/>
        <source>The bank sent a status this console does not know ({name}). The console keeps checking the payment; until it is clear, look it up in the bank&apos;s merchant cabinet before giving goods or money back.</source>
        <extracomment>Languages with decline texts; the first is the fallback. ``reasonCode`` 505, &quot;You have exceeded the number of 3 transactions&quot;: the invoice has no card attempts left; the customer can only pay on a new invoice. Every code the bank&apos;s SDK publishes (epay-api.md section 15), and 499. Decline sentence per language and code. The sentences for a decline without a listed code, per language.</extracomment>
        <translation>Банк осы консольге белгісіз күй жіберді ({name}). Консоль төлемді тексеруді жалғастырады; жағдай анықталғанша тауарды немесе ақшаны қайтармас бұрын төлемді банктің мерчант кабинетінен қараңыз.</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="24"/>
        <source>Cancel a held payment</source>
        <translation>Бұғатталған төлемнің күшін жою</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="35"/>
        <source>The whole hold of {amount} is released to the customer&apos;s card. Nothing is charged, and this cannot be undone.</source>
        <translation>Бұғатталған соманың бәрі ({amount}) сатып алушының картасында босатылады. Ештеңе есептен шығарылмайды, бұл әрекетті қайтаруға болмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="30"/>
        <source>Held on the card</source>
        <translation>Картада бұғатталған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="47"/>
        <source>A paid payment is refunded instead.</source>
        <translation>Төленген төлем үшін оның орнына қайтару жасалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="50"/>
        <source>Only a held (authorised) payment can be cancelled; this one is “{status}”.</source>
        <translation>Тек бұғатталған (авторизацияланған) төлемнің күшін жоюға болады; бұл төлемнің күйі: «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="61"/>
        <source>Release {amount}</source>
        <translation>{amount} босату</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="63"/>
        <source>Release the hold</source>
        <translation>Бұғаттауды алу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/cancel_dialog.py" line="67"/>
        <source>Checking with the bank — the cancellation will not be sent twice.</source>
        <translation>Банкпен тексеріліп жатыр — күшін жою екі рет жіберілмейді.</translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="26"/>
        <source>Charge a held payment</source>
        <translation>Бұғатталған төлемді есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="29"/>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="39"/>
        <source>All that is held ({amount})</source>
        <translation>Бұғатталғанның бәрі ({amount})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="30"/>
        <source>Part of it</source>
        <translation>Бір бөлігі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="31"/>
        <source>Whatever is not charged goes back to the customer&apos;s card.</source>
        <translation>Есептен шығарылмаған сома сатып алушының картасына қайтады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="33"/>
        <source>Held on the card</source>
        <translation>Картада бұғатталған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="34"/>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="56"/>
        <source>Charge</source>
        <translation>Есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="45"/>
        <source>Only a held (authorised) payment can be charged; this one is “{status}”.</source>
        <translation>Тек бұғатталған (авторизацияланған) төлемді есептен шығаруға болады; бұл төлемнің күйі: «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="56"/>
        <source>Charge {amount}</source>
        <translation>{amount} есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/charge_dialog.py" line="59"/>
        <source>Checking with the bank — the charge will not be sent twice.</source>
        <translation>Банкпен тексеріліп жатыр — есептен шығару екі рет жіберілмейді.</translation>
    </message>
</context>
<context>
    <name>CheckWithBank</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="55"/>
        <source>Checked with the bank: the console&apos;s books and the bank&apos;s differ; a manager should look at it in Needs attention.</source>
        <translation>Банкпен тексерілді: консольдің есебі мен банктің деректері сәйкес келмейді; менеджер мұны «Назар аудару керек» тізімінен қарауы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="51"/>
        <source>Checked with the bank: {amount} refunded outside the console (see Needs attention).</source>
        <translation>Банкпен тексерілді: консольден тыс {amount} қайтарылған («Назар аудару керек» тізімін қараңыз).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="60"/>
        <source>Checked with the bank: an operation on this payment is being sent right now; its result shows when it ends.</source>
        <translation>Банкпен тексерілді: бұл төлем бойынша операция дәл қазір жіберілуде; ол аяқталғанда нәтижесі көрсетіледі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="82"/>
        <source>Could not check with the bank: {problem}</source>
        <translation>Банкпен тексеру мүмкін болмады: {problem}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="71"/>
        <source>Checked with the bank: an unfinished operation was settled (see the timeline).</source>
        <translation>Банкпен тексерілді: аяқталмаған операция шешілді (оқиғаларды қараңыз).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="69"/>
        <source>Checked with the bank: the payment is now “{status}”.</source>
        <translation>Банкпен тексерілді: төлемнің қазіргі күйі — «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="73"/>
        <source>Checked with the bank: an operation was made moments ago and the bank may show it late; check again in a minute.</source>
        <translation>Банкпен тексерілді: операция жаңа ғана жасалды, банк оны кешігіп көрсетуі мүмкін; бір минуттан кейін қайта тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/check_bank.py" line="78"/>
        <source>Checked with the bank: nothing changed.</source>
        <translation>Банкпен тексерілді: ештеңе өзгерген жоқ.</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="184"/>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="264"/>
        <source>A payment is in progress at this counter.</source>
        <extracomment>Why the page stopped: &quot;paying&quot; (still open), or what the customer/cashier/timer did. The customer has not paid (as far as the console knows): waiting, or a mark the counter set. The result&apos;s receipt preview closed (InvoiceId): a receipt may have been issued in it, so a screen listing the payment&apos;s receipts reads them again. The customer&apos;s attempt was declined and the page stays open for another (decision 0035): what the cashier should know; &quot;&quot; once it no longer applies. Looks the customer&apos;s saved cards up a moment after the customer id / phone stops changing.</extracomment>
        <translation>Бұл кассада төлем жүріп жатыр.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="196"/>
        <source>The bank did not open this payment ({reason}). No money was taken. The attempt stays in the list as Expired; start a new payment.</source>
        <translation>Банк бұл төлемді ашпады ({reason}). Ақша алынған жоқ. Бұл әрекет тізімде «Мерзімі өтті» күйінде қалады; жаңа төлем бастаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="233"/>
        <source>The customer&apos;s saved cards could not be checked: %1</source>
        <translation>Сатып алушының сақталған карталарын тексеру мүмкін болмады: %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="239"/>
        <source>No saved cards for this customer.</source>
        <translation>Бұл сатып алушының сақталған карталары жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="280"/>
        <source>Time is over</source>
        <translation>Уақыт бітті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="280"/>
        <source>Checking the payment with the bank…</source>
        <translation>Төлем банкпен тексеріліп жатыр…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="364"/>
        <source>Declined: %1. The customer can try again on this page (%n attempt(s) left) or you can cancel the sale.</source>
        <translation>
            <numerusform>Қабылданбады: %1. Сатып алушы осы бетте қайталай алады (%n әрекет қалды), немесе сатуды тоқтатуға болады.</numerusform>
            <numerusform>Қабылданбады: %1. Сатып алушы осы бетте қайталай алады (%n әрекет қалды), немесе сатуды тоқтатуға болады.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="361"/>
        <source>Declined: %1. The customer can try again on this page or you can cancel the sale.</source>
        <translation>Қабылданбады: %1. Сатып алушы осы бетте қайталай алады, немесе сатуды тоқтатуға болады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="394"/>
        <source>Thank you</source>
        <translation>Рақмет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="400"/>
        <source>Declined: %1. The payment page is closed; start a new sale to try again.</source>
        <translation>Қабылданбады: %1. Төлем беті жабылды; қайталау үшін жаңа сату бастаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="402"/>
        <source>Declined: %1. This invoice cannot be paid any more; start a new sale.</source>
        <translation>Қабылданбады: %1. Бұл тапсырысты енді төлеу мүмкін емес; жаңа сату бастаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/screen.py" line="435"/>
        <source>Checking with the bank… Wait for the answer before charging this sale again.</source>
        <translation>Банкпен тексеріліп жатыр… Бұл сатуды қайта төлетпес бұрын жауапты күтіңіз.</translation>
    </message>
</context>
<context>
    <name>CheckoutView</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="103"/>
        <source>Cancel</source>
        <extracomment>Why the page could not load, in the browser&apos;s own words (for the payment&apos;s record, not people). Shown while the page is on the card issuer&apos;s host (3-D Secure): which host, plainly.</extracomment>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="163"/>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="166"/>
        <source>Opening the payment page…</source>
        <translation>Төлем беті ашылып жатыр…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="186"/>
        <source>Opening the card issuer&apos;s verification page…</source>
        <translation>Карта эмитентінің тексеру беті ашылып жатыр…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="187"/>
        <source>Continue</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="226"/>
        <source>Time left: %1</source>
        <translation>Қалған уақыт: %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="230"/>
        <source>expired — start a new payment</source>
        <translation>мерзімі өтті — жаңа төлем бастаңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="236"/>
        <source>The payment time is over. Start a new payment.</source>
        <translation>Төлем уақыты бітті. Жаңа төлем бастаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="244"/>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="245"/>
        <source>Payment cancelled</source>
        <translation>Төлем тоқтатылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="245"/>
        <source>The cashier cancelled this payment.</source>
        <translation>Кассир бұл төлемді тоқтатты.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="255"/>
        <source>The customer has finished. Checking the result with the bank…</source>
        <translation>Сатып алушы аяқтады. Нәтиже банкпен тексеріліп жатыр…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="257"/>
        <source>Thank you</source>
        <translation>Рақмет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="257"/>
        <source>Checking the result with the bank…</source>
        <translation>Нәтиже банкпен тексеріліп жатыр…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="265"/>
        <source>The payment page could not be loaded from the bank. Try again in a minute.</source>
        <translation>Төлем бетін банктен жүктеу мүмкін болмады. Бір минуттан кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="278"/>
        <source>The payment page asks the customer to correct something; the sale stays open.</source>
        <translation>Төлем беті сатып алушыдан бір деректі түзетуді сұрап тұр; сату ашық қалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="287"/>
        <source>The payment page tried to open %1, which the console does not allow.</source>
        <translation>Төлем беті %1 ашуға тырысты, бұған консоль рұқсат бермейді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="295"/>
        <source>The payment page could not be loaded (%1). Try again in a minute.</source>
        <translation>Төлем бетін жүктеу мүмкін болмады (%1). Бір минуттан кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="302"/>
        <source>The customer is confirming the payment with the card issuer…</source>
        <translation>Сатып алушы төлемді карта эмитентінде растап жатыр…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="305"/>
        <source>Waiting for the customer to pay…</source>
        <translation>Сатып алушының төлеуі күтілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="317"/>
        <source>Card issuer&apos;s verification page: %1 — the payment continues after it</source>
        <translation>Карта эмитентінің тексеру беті: %1 — төлем одан кейін жалғасады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/view.py" line="331"/>
        <source>The payment page is not available</source>
        <translation>Төлем беті қолжетімсіз</translation>
    </message>
</context>
<context>
    <name>CheckoutWindow</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="91"/>
        <source>New payment</source>
        <translation>Жаңа төлем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="204"/>
        <source>Dismiss</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="207"/>
        <source>Hide it here; the main window keeps the notice.</source>
        <translation>Мұнда жасыру; хабарлама негізгі терезеде қалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="170"/>
        <source>Cancel this sale?</source>
        <translation>Бұл сатуды тоқтату керек пе?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="171"/>
        <source>The customer&apos;s payment page is open. Cancel the sale? If the customer has already paid, the console will still show the bank&apos;s answer.</source>
        <translation>Сатып алушының төлем беті ашық. Сатуды тоқтатасыз ба? Егер сатып алушы төлеп қойса, консоль бәрібір банктің жауабын көрсетеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="183"/>
        <source>Discard this sale?</source>
        <translation>Бұл сатудан бас тарту керек пе?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="184"/>
        <source>The amount and details you typed will be lost. Close the new payment anyway?</source>
        <translation>Енгізген сома мен деректер жоғалады. Жаңа төлемді бәрібір жабасыз ба?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="140"/>
        <source>This window stays open until the payment is settled: {why}</source>
        <translation>Төлем аяқталғанша бұл терезе ашық тұрады: {why}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="191"/>
        <source>Discard the sale</source>
        <translation>Сатудан бас тарту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/window.py" line="192"/>
        <source>Keep the sale</source>
        <translation>Сатуды жалғастыру</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="106"/>
        <source>Close shift</source>
        <translation>Ауысымды жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="107"/>
        <source>Check every payment of the shift with the bank first (recommended)</source>
        <translation>Алдымен ауысымның әр төлемін банкпен тексеру (ұсынылады)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="109"/>
        <source>Every payment of the shift is checked with the bank first (this can take a while; it can be stopped, and the shift then stays open), then the Z report is made and kept.</source>
        <translation>Алдымен ауысымның әр төлемі банкпен тексеріледі (бұл біраз уақыт алуы мүмкін; тексеруді тоқтатуға болады, сонда ауысым ашық қалады), содан кейін Z-есеп жасалып, сақталады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="114"/>
        <source>The Z report is made and kept; it will say the payments were not checked with the bank.</source>
        <translation>Z-есеп жасалып, сақталады; онда төлемдердің банкпен тексерілмегені көрсетіледі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="105"/>
        <source>Close shift {number}</source>
        <translation>№{number} ауысымды жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="123"/>
        <source>Close shift {shift}, opened {when}?</source>
        <translation>{shift} ауысымын жабу керек пе? Ашылған уақыты: {when}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="181"/>
        <source>{name} is not a manager: a manager or an administrator closes a shift.</source>
        <translation>{name} менеджер емес: ауысымды менеджер немесе әкімші жабады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/close_dialog.py" line="118"/>
        <source>The fiscal register&apos;s receipts are checked too, and its shift is closed with its own Z report when no other counter has a shift open.</source>
        <translation>Онлайн-касса чектері де салыстырылады, ал басқа ешбір кассада ауысым ашық болмаса, оның ауысымы өз Z-есебімен жабылады.</translation>
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
        <translation>Шлюз өзгерістері консоль қайта іске қосылғанда күшіне енеді; әрекетсіздік құлпы — бірден. Дерекқор консоль орнатылғанда таңдалады (EPAYMENT_DATABASE_URL); сақтық көшірме жасау үшін деректер қалтасын көшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="398"/>
        <source>Database in use</source>
        <translation>Қолданыстағы дерекқор</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="399"/>
        <source>Data folder</source>
        <translation>Деректер қалтасы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="400"/>
        <source>Counter (register)</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="401"/>
        <source>Lock after no input for</source>
        <translation>Әрекетсіздіктен кейін құлыптау</translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="317"/>
        <source>Only a manager or an administrator can back up the database.</source>
        <translation>Дерекқордың сақтық көшірмесін тек менеджер немесе әкімші жасай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="229"/>
        <source>&amp;Back up the database now</source>
        <translation>Дерекқордың сақтық көшірмесін қазір &amp;жасау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="68"/>
        <source>Another operation on this payment is still being checked with the bank.</source>
        <translation>Бұл төлем бойынша басқа операция әлі банкпен тексерілуде.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="75"/>
        <source>This payment is already fully refunded.</source>
        <translation>Бұл төлем толық қайтарылған.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="77"/>
        <source>The hold was released: nothing was taken, so there is nothing to refund.</source>
        <translation>Бұғаттау алынды: ештеңе алынған жоқ, сондықтан қайтаратын ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="79"/>
        <source>The money is only held: charge or cancel it instead of a refund.</source>
        <translation>Ақша тек бұғатталған: қайтарудың орнына оны есептен шығарыңыз немесе күшін жойыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="86"/>
        <source>Nothing remains to refund on this payment.</source>
        <translation>Бұл төлем бойынша қайтаратын қалдық жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="118"/>
        <source>A manager&apos;s approval will be asked for.</source>
        <translation>Менеджердің мақұлдауы сұралады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="66"/>
        <source>A manager must first review the previous operation on this payment.</source>
        <translation>Алдымен менеджер бұл төлем бойынша алдыңғы операцияны қарауы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="94"/>
        <source>Only a held payment (“{held}”) can be charged or cancelled; this one is “{status}”.</source>
        <translation>Тек бұғатталған төлемді («{held}») есептен шығаруға немесе күшін жоюға болады; бұл төлемнің күйі: «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="116"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="149"/>
        <source>Select a payment in the list first.</source>
        <translation>Алдымен тізімнен төлемді таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="129"/>
        <source>Printed before: this one is marked as a duplicate.</source>
        <translation>Бұрын басылған: бұл чек телнұсқа деп белгіленеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="132"/>
        <source>Receipts are printed only for paid payments.</source>
        <translation>Чектер тек төленген төлемдер үшін басылады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="134"/>
        <source>No operation of this payment waits for a review.</source>
        <translation>Бұл төлемнің қарауды күтіп тұрған операциясы жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="147"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="114"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="177"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="309"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="322"/>
        <source>Log in first.</source>
        <translation>Алдымен кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="151"/>
        <source>Checking with the bank… the result shows in the status bar.</source>
        <translation>Банкпен тексерілуде… нәтиже күй жолағында көрсетіледі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="212"/>
        <source>&amp;New payment…</source>
        <translation>&amp;Жаңа төлем…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="213"/>
        <source>&amp;Refund…</source>
        <translation>&amp;Қайтару…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="214"/>
        <source>&amp;Cancel hold…</source>
        <translation>&amp;Бұғаттауды алу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="215"/>
        <source>C&amp;harge hold…</source>
        <translation>Бұғатталған соманы &amp;есептен шығару…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="216"/>
        <source>Re&amp;view operation…</source>
        <translation>&amp;Операцияны қарау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="217"/>
        <location filename="../../epay_desktop/ui/window/actions.py" line="303"/>
        <source>&amp;Print receipt</source>
        <translation>&amp;Чекті басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="218"/>
        <source>Re&amp;fresh</source>
        <translation>Жаң&amp;арту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="219"/>
        <source>Check with the &amp;bank</source>
        <translation>Банкпен &amp;тексеру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="220"/>
        <source>&amp;Find payment</source>
        <translation>Төлемді &amp;іздеу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="221"/>
        <source>&amp;Switch user…</source>
        <translation>&amp;Пайдаланушыны ауыстыру…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="222"/>
        <source>&amp;Lock</source>
        <translation>&amp;Құлыптау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="223"/>
        <source>Log &amp;out</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="224"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Баптаулар…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="225"/>
        <source>&amp;Users…</source>
        <translation>&amp;Пайдаланушылар…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="227"/>
        <source>&amp;Export payments (CSV)…</source>
        <translation>Төлемдерді &amp;экспорттау (CSV)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="230"/>
        <source>Needs &amp;attention…</source>
        <translation>&amp;Назар аудару керек…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="240"/>
        <source>&amp;About ePay console</source>
        <translation>ePay консолі &amp;туралы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="82"/>
        <source>Only a paid payment can be refunded; this one is “{status}”.</source>
        <translation>Тек төленген төлемді қайтаруға болады; бұл төлемнің күйі: «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="136"/>
        <source>Only a manager can review an operation.</source>
        <translation>Операцияны тек менеджер қарай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="271"/>
        <source>&amp;Payment</source>
        <translation>&amp;Төлем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="275"/>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="276"/>
        <source>&amp;Session</source>
        <translation>&amp;Сеанс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="277"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Баптаулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="279"/>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="303"/>
        <source>Re&amp;print receipt</source>
        <translation>&amp;Чекті қайта басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="312"/>
        <source>Only a manager or an administrator can change settings.</source>
        <translation>Баптауларды тек менеджер немесе әкімші өзгерте алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="313"/>
        <source>Only a manager or an administrator can manage users.</source>
        <translation>Пайдаланушыларды тек менеджер немесе әкімші басқара алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="315"/>
        <source>Only a manager or an administrator can export payments.</source>
        <translation>Төлемдерді тек менеджер немесе әкімші экспорттай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="228"/>
        <source>Audit log &amp;anchor…</source>
        <translation>Аудит журналының бақылау &amp;белгісі…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="316"/>
        <source>Only a manager or an administrator can see the audit log&apos;s anchor.</source>
        <translation>Аудит журналының бақылау белгісін тек менеджер немесе әкімші көре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="226"/>
        <source>Receipt &amp;printers…</source>
        <translation>&amp;Чек принтерлері…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="314"/>
        <source>Only a manager or an administrator can change the printers.</source>
        <translation>Принтерлерді тек менеджер немесе әкімші өзгерте алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="181"/>
        <source>A shift command is running: wait until it ends.</source>
        <translation>Ауысым командасы орындалып жатыр: оның аяқталуын күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="184"/>
        <source>Reading this register&apos;s shift…</source>
        <translation>Осы кассаның ауысымы оқылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="188"/>
        <source>No shift is open at this register: open one first (Shift, Open shift).</source>
        <translation>Бұл кассада ашық ауысым жоқ: алдымен ауысымды ашыңыз (Ауысым, Ауысымды ашу).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="231"/>
        <source>&amp;Day at a glance…</source>
        <translation>&amp;Күн қорытындысы…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="233"/>
        <source>&amp;Open shift…</source>
        <translation>Ауысымды &amp;ашу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="234"/>
        <source>&amp;X report…</source>
        <translation>&amp;X-есеп…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="235"/>
        <source>&amp;Close shift (Z report)…</source>
        <translation>Ауысымды &amp;жабу (Z-есеп)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="236"/>
        <source>Shift &amp;history…</source>
        <translation>Ауысымдар &amp;тарихы…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="192"/>
        <source>Shift {number} is open: close it before opening another.</source>
        <translation>№{number} ауысым ашық: жаңасын ашпас бұрын оны жабыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="199"/>
        <source>This shop&apos;s rules let only a manager close a shift: ask a manager to sign in.</source>
        <translation>Дүкен ережесі бойынша ауысымды тек менеджер жабады: менеджерден кіруін сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="202"/>
        <source>A manager signs in with their PIN to close it.</source>
        <translation>Ауысымды жабу үшін менеджер өз PIN-кодымен кіреді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="273"/>
        <source>Shi&amp;ft</source>
        <translation>А&amp;уысым</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="318"/>
        <source>Only a manager or an administrator can see the day&apos;s figures.</source>
        <translation>Күн көрсеткіштерін тек менеджер немесе әкімші көре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="237"/>
        <source>&amp;Fiscal register…</source>
        <translation>Онлайн-&amp;касса…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="238"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Пернелер тіркесімдері</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/actions.py" line="239"/>
        <source>&amp;User guide</source>
        <translation>Пайдаланушы &amp;нұсқаулығы</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="58"/>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="63"/>
        <source>SANDBOX</source>
        <extracomment>Environment name (``EPAYMENT_ENV``, or ``demo``) -&gt; badge text, tooltip, colour role (None: quiet).</extracomment>
        <translation>ОҚУ ОРТАСЫ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="59"/>
        <source>Built-in bank emulator: no real money moves.</source>
        <translation>Кірістірілген банк эмуляторы: нақты ақша қозғалмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="64"/>
        <source>Demo on the built-in bank emulator: no real money moves.</source>
        <translation>Кірістірілген банк эмуляторындағы демо: нақты ақша қозғалмайды.</translation>
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
        <translation>Банктің тест сервері: нақты ақша қозғалмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="78"/>
        <source>PRODUCTION</source>
        <translation>ЖҰМЫС РЕЖИМІ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="79"/>
        <source>Halyk ePay production: real card payments.</source>
        <translation>Halyk ePay жұмыс режимі: нақты карта төлемдері.</translation>
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
        <translation>әкімші</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="102"/>
        <source>Custom gateway address.</source>
        <translation>Шлюздің өзгертілген мекенжайы.</translation>
    </message>
    <message>
        <source>Payments or operations waiting for a check or a manager&apos;s review. Click to see them.</source>
        <translation type="vanished">Тексеруді немесе менеджердің қарауын күтіп тұрған төлемдер мен операциялар. Көру үшін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="420"/>
        <source>The console asks the bank once a payment needs checking.</source>
        <translation>Төлемді тексеру қажет болғанда консоль банктен сұрайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="437"/>
        <source>Last successful status check with the bank (Kazakhstan time).</source>
        <translation>Банкпен соңғы сәтті күй тексеруі (Қазақстан уақыты).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="380"/>
        <source>Not logged in</source>
        <translation>Жүйеге кірмеген</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="419"/>
        <source>● Bank: not checked yet</source>
        <translation>● Банк: әлі тексерілмеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="434"/>
        <source>Last check: —</source>
        <translation>Тексеру: —</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="315"/>
        <source>⚠ {count} need attention</source>
        <translation>⚠ Назар аудару керек: {count}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="422"/>
        <source>● Bank: OK</source>
        <translation>● Банк: байланыс бар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="423"/>
        <source>The bank answers the console&apos;s status checks.</source>
        <translation>Банк консольдің күй тексерулеріне жауап береді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="426"/>
        <source>● Bank not reachable — retrying</source>
        <translation>● Банк жауап бермейді — қайталануда</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="429"/>
        <source>The console keeps retrying by itself.</source>
        <translation>Консоль өзі қайталап сұрай береді.</translation>
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
        <translation>Тексеру: {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="343"/>
        <source>No shift is open at this register. Open one with Shift, Open shift.</source>
        <translation>Бұл кассада ашық ауысым жоқ. Оны ашыңыз: Ауысым, Ауысымды ашу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="342"/>
        <source>No shift open</source>
        <translation>Ауысым ашылмаған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="347"/>
        <source>Shift {number} open since {time}</source>
        <translation>№{number} ауысым ашық, ашылуы: {time}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="349"/>
        <source>Shift {shift} was opened on {when} (Kazakhstan time).</source>
        <translation>{shift} ауысымы ашылған уақыт: {when} (Қазақстан уақыты).</translation>
    </message>
    <message>
        <source>⚠ Shift {number} open {hours} h: close it</source>
        <translation type="vanished">⚠ №{number} ауысым {hours} сағат ашық: жабыңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="356"/>
        <source>Shift {shift} has been open since {when} (Kazakhstan time), {hours} h: close it with a Z report (Shift, Close shift).</source>
        <translation>{shift} ауысымы ашық, ашылған уақыты: {when} (Қазақстан уақыты), өткені: {hours} сағат. Оны Z-есеппен жабыңыз (Ауысым, Ауысымды жабу).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="353"/>
        <source>⚠ Shift {number} open {hours} h</source>
        <translation>⚠ №{number} ауысым {hours} сағат ашық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="305"/>
        <source>Payments waiting for a person: a check with the bank, a manager&apos;s review, a fiscal receipt or a difference between the books and the bank. Click to see them.</source>
        <translation>Адамды күтіп тұрған төлемдер: банкпен тексеру, менеджердің қарауы, фискалдық чек немесе есеп пен банк арасындағы сәйкессіздік. Көру үшін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="342"/>
        <source>No shift</source>
        <translation>Ауысым жоқ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="354"/>
        <source>⚠ Shift: {hours} h</source>
        <translation>⚠ Ауысым: {hours} сағ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="427"/>
        <source>● Bank not reachable</source>
        <translation>● Банк жауап бермейді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/status_bar.py" line="348"/>
        <source>Shift {number}</source>
        <translation>№{number} ауысым</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="48"/>
        <source>Your payments are safe: the console checks every unfinished operation with the bank.</source>
        <translation>Төлемдеріңіз қауіпсіз: консоль әр аяқталмаған операцияны банкпен тексереді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="45"/>
        <source>Something went wrong. The details are saved in the application&apos;s log.</source>
        <translation>Бірдеңе дұрыс болмады. Толық мәлімет қолданба журналында сақталды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="135"/>
        <source>Something went wrong</source>
        <translation>Бірдеңе дұрыс болмады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/crash.py" line="47"/>
        <source>Something went wrong. The details are saved in the log at {path}.</source>
        <translation>Бірдеңе дұрыс болмады. Толық мәлімет журналда сақталды: {path}.</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="64"/>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="65"/>
        <source>This week</source>
        <translation>Осы апта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="66"/>
        <source>This month</source>
        <translation>Осы ай</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="70"/>
        <source>Figure</source>
        <extracomment>The tables&apos; column heads (translated where shown, again after a language switch).</extracomment>
        <translation>Көрсеткіш</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="72"/>
        <source>Hour</source>
        <translation>Сағат</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="73"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="80"/>
        <source>Payments</source>
        <translation>Төлемдер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="74"/>
        <source>Declined</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="75"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="83"/>
        <source>Refunds</source>
        <translation>Қайтарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="76"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="84"/>
        <source>Takings</source>
        <translation>Түсім</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="79"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="81"/>
        <source>Sales</source>
        <translation>Сатулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="82"/>
        <source>Charges</source>
        <translation>Есептен шығарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="167"/>
        <source>Takings, ₸</source>
        <translation>Түсім, ₸</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="190"/>
        <source>Day at a glance</source>
        <translation>Күн қорытындысы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="201"/>
        <source>Read the figures again (F5)</source>
        <translation>Көрсеткіштерді қайта жүктеу (F5)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="217"/>
        <source>Summary</source>
        <translation>Жиынтық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="218"/>
        <source>Today by hour</source>
        <translation>Бүгін сағат бойынша</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="228"/>
        <source>By cashier</source>
        <translation>Кассирлер бойынша</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="231"/>
        <source>Takings: sales and charges less refunds, every register, in Almaty time; a week starts on Monday. Decline rate: declined of the payments the bank answered. Refund rate: money refunded of money taken.</source>
        <translation>Түсім: сатулар мен есептен шығарулар, қайтаруларды шегергенде, барлық кассалар бойынша, Алматы уақытымен; апта дүйсенбіден басталады. Бас тарту үлесі: банк жауап берген төлемдердің ішінде қабылданбағандары. Қайтару үлесі: алынған ақшаның қайтарылған бөлігі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="283"/>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="195"/>
        <source>Loading the figures…</source>
        <translation>Көрсеткіштер жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="345"/>
        <source>Takings today, hour by hour</source>
        <translation>Бүгінгі түсім сағат бойынша</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="199"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="223"/>
        <source>Period:</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="274"/>
        <source>Only a manager or an administrator can see the day&apos;s figures.</source>
        <translation>Күн көрсеткіштерін тек менеджер немесе әкімші көре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="300"/>
        <source>Figures as of {time} (Almaty time)</source>
        <translation>Көрсеткіштер: {time} жағдайы бойынша (Алматы уақыты)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="303"/>
        <source>Money operations waiting for an outcome: {count}</source>
        <translation>Нәтижесін күтіп тұрған операциялар: {count}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="328"/>
        <source>Charges of holds</source>
        <translation>Бұғатталған сомадан есептен шығарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="330"/>
        <source>Payments paid or held</source>
        <translation>Төленген немесе бұғатталған төлемдер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="331"/>
        <source>Payments declined</source>
        <translation>Қабылданбаған төлемдер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="332"/>
        <source>Decline rate</source>
        <translation>Бас тарту үлесі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="333"/>
        <source>Refund rate</source>
        <translation>Қайтару үлесі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="374"/>
        <source>Takings per cashier: {period}</source>
        <translation>Кассирлер бойынша түсім: {period}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="288"/>
        <source>The figures could not be read; the ones below are older. Press Refresh to try again.</source>
        <translation>Көрсеткіштерді жүктеу мүмкін болмады; төменде бұрынғылары көрсетілген. Қайталау үшін «Жаңарту» батырмасын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="290"/>
        <source>The figures could not be read. Press Refresh to try again.</source>
        <translation>Көрсеткіштерді жүктеу мүмкін болмады. Қайталау үшін «Жаңарту» батырмасын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/dashboard/window.py" line="309"/>
        <source>Taken or moved today at a register with no shift open: {count}, net {net}. In the figures below; each register&apos;s next X and Z reports list them under Outside any shift.</source>
        <translation>Бүгін ауысымы ашық емес кассада қабылданған немесе жүргізілген: {count}, таза түсім {net}. Төмендегі көрсеткіштерге кіреді; әр кассаның келесі X- және Z-есептері оларды «Ауысымнан тыс» бөлімінде көрсетеді.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="66"/>
        <source>Invoice</source>
        <extracomment>What each CSV column is called on screen (the file keeps the stable names of CSV_COLUMNS).</extracomment>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="67"/>
        <source>Created (UTC)</source>
        <translation>Жасалған уақыты (UTC)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="68"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="69"/>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="70"/>
        <source>Amount at the bank</source>
        <translation>Банктегі сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="71"/>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="72"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="73"/>
        <source>Card (masked)</source>
        <translation>Карта (жасырылған)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="74"/>
        <source>Card type</source>
        <translation>Карта түрі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="75"/>
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="76"/>
        <source>Approval code</source>
        <translation>Авторизация коды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="77"/>
        <source>Decline code</source>
        <translation>Бас тарту коды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="78"/>
        <source>Decline reason</source>
        <translation>Бас тарту себебі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="79"/>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="80"/>
        <source>Bank transaction id</source>
        <translation>Банк транзакциясының ID</translation>
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
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="86"/>
        <source>Yesterday</source>
        <translation>Кеше</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="87"/>
        <source>This month</source>
        <translation>Осы ай</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="88"/>
        <source>Last month</source>
        <translation>Өткен ай</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="89"/>
        <source>Chosen days</source>
        <translation>Таңдалған күндер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="109"/>
        <source>The disk is full: the file was not written. Free some space or choose another drive.</source>
        <translation>Диск толы: файл жазылмады. Орын босатыңыз немесе басқа дискіні таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="118"/>
        <source>The file {path} could not be written ({reason}); nothing was written.</source>
        <translation>{path} файлын жазу мүмкін болмады ({reason}); ештеңе жазылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="165"/>
        <source>Export payments to CSV</source>
        <translation>Төлемдерді CSV-ге экспорттау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="186"/>
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="187"/>
        <source>Days (Kazakhstan time)</source>
        <translation>Күндер (Қазақстан уақыты)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="190"/>
        <source>Columns</source>
        <translation>Бағандар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="222"/>
        <source>Tick at least one column.</source>
        <translation>Кемінде бір бағанды белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="264"/>
        <source>Save the CSV file</source>
        <translation>CSV файлын сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="266"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="111"/>
        <source>The console may not write in {folder}: the file was not written. Choose another folder.</source>
        <translation>Консольдің {folder} қалтасына жазуға рұқсаты жоқ: файл жазылмады. Басқа қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="115"/>
        <source>The folder {folder} does not exist: choose another one.</source>
        <translation>{folder} қалтасы жоқ: басқасын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="117"/>
        <source>{path} is a folder: give the file a name.</source>
        <translation>{path} — қалта: файлға ат беріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="199"/>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/export_dialog.py" line="317"/>
        <source>Only a manager or an administrator can export payments.</source>
        <translation>Төлемдерді тек менеджер немесе әкімші экспорттай алады.</translation>
    </message>
</context>
<context>
    <name>FiscalBadge</name>
    <message>
        <source>⚠ Fiscal shift is over 24 hours: close it</source>
        <translation type="vanished">⚠ Касса ауысымы 24 сағаттан асты: оны жабыңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="63"/>
        <source>The fiscal register&apos;s shift reached its 24 hours at {when} (Kazakhstan time): the register refuses every receipt until it is closed with a Z report. Click to open the fiscal register.</source>
        <translation>Касса ауысымы {when} кезінде 24 сағатқа толды (Қазақстан уақыты): ауысым Z-есеппен жабылғанша касса әр чекті қабылдамайды. Онлайн-кассаны ашу үшін басыңыз.</translation>
    </message>
    <message>
        <source>Fiscal shift must be closed by {time}</source>
        <translation type="vanished">Касса ауысымын {time} дейін жабу керек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="70"/>
        <source>The fiscal register&apos;s shift must be closed with a Z report by {when} (Kazakhstan time); after that the register refuses receipts. Click to open the fiscal register.</source>
        <translation>Касса ауысымын {when} дейін Z-есеппен жабу керек (Қазақстан уақыты); одан кейін касса чектерді қабылдамайды. Онлайн-кассаны ашу үшін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="62"/>
        <source>⚠ Fiscal shift over 24 hours</source>
        <translation>⚠ Касса ауысымы 24 сағ. өтті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/fiscal_badge.py" line="69"/>
        <source>Close fiscal shift by {time}</source>
        <translation>Касса ауысымын жабу: {time}</translation>
    </message>
</context>
<context>
    <name>FiscalPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="43"/>
        <source>None: receipts are not fiscal</source>
        <translation>Жоқ: чектер фискалдық емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="93"/>
        <source>unchanged</source>
        <translation>өзгеріссіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="94"/>
        <source>The API key and password are kept in the system keychain, never in a file.</source>
        <translation>API кілті мен құпиясөз файлда емес, тек жүйенің кілттер қоймасында сақталады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="103"/>
        <source>The shop is a VAT payer</source>
        <translation>Дүкен — ҚҚС төлеуші</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="105"/>
        <source>Test connection</source>
        <translation>Байланысты тексеру</translation>
    </message>
    <message>
        <source>Without a fiscal provider the console works as before and every receipt says it is not fiscal. Shared by every counter; applies when the console is restarted.</source>
        <translation type="vanished">Фискалдық сервиссіз консоль бұрынғыдай жұмыс істейді, әр чекте оның фискалдық емес екені жазылады. Барлық кассаларға ортақ; консоль қайта іске қосылғанда күшіне енеді.</translation>
    </message>
    <message>
        <source>Without a fiscal provider the console works as before and every receipt says it is not fiscal. Shared by every counter: a saved change applies here at once, on the other counters when they are restarted.</source>
        <translation type="vanished">Фискалдық сервиссіз консоль бұрынғыдай жұмыс істейді, әр чекте оның фискалдық емес екені жазылады. Барлық кассаларға ортақ: сақталған өзгеріс мұнда бірден, басқа кассаларда олар қайта іске қосылғанда күшіне енеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="111"/>
        <source>Without a fiscal provider the console works as before and every receipt says it is not fiscal. Shared by every counter: a saved change applies on every counter from its next receipt.</source>
        <translation>Фискалдық сервиссіз консоль бұрынғыдай жұмыс істейді, әр чекте оның фискалдық емес екені жазылады. Барлық кассаларға ортақ: сақталған өзгеріс әр кассада келесі чектен бастап күшіне енеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="118"/>
        <source>Fiscal provider</source>
        <translation>Фискалдық сервис</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="119"/>
        <source>Address</source>
        <translation>Мекенжайы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="120"/>
        <source>Cashier&apos;s login</source>
        <translation>Кассирдің логині</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="121"/>
        <source>Cashier&apos;s password</source>
        <translation>Кассирдің құпиясөзі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="122"/>
        <source>API key</source>
        <translation>API кілті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="124"/>
        <source>Cash register&apos;s unique number</source>
        <translation>БКМ зауыттық нөмірі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="125"/>
        <source>VAT rate</source>
        <translation>ҚҚС мөлшерлемесі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="169"/>
        <source>The fiscal provider&apos;s address is like https://kkm.webkassa.kz.</source>
        <translation>Фискалдық сервистің мекенжайы https://kkm.webkassa.kz сияқты болады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="171"/>
        <source>Enter the cashier&apos;s login at the fiscal provider.</source>
        <translation>Фискалдық сервистегі кассирдің логинін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="174"/>
        <source>The cash register&apos;s unique number is 1 to 32 Latin letters and digits, e.g. {example}.</source>
        <translation>БКМ зауыттық нөмірі — 1-ден 32-ге дейін латын әріптері мен цифрлар, мысалы {example}.</translation>
    </message>
    <message>
        <source>The cash register&apos;s unique number is 1 to 32 Latin letters and digits, e.g. SWK00000001.</source>
        <translation type="vanished">БКМ зауыттық нөмірі — 1-ден 32-ге дейін латын әріптері мен цифрлар, мысалы SWK00000001.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/fiscal_page.py" line="184"/>
        <source>Connecting to the fiscal provider…</source>
        <translation>Фискалдық сервиспен байланысуда…</translation>
    </message>
</context>
<context>
    <name>FiscalRegisterDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="72"/>
        <source>No fiscal register is set up, so receipts are not fiscal. A manager sets it up in Settings, Settings…, on the Fiscal register tab (the provider, its address, the cash register&apos;s number, the API key and the password).</source>
        <translation>Онлайн-касса бапталмаған, сондықтан чектер фискалдық емес. Менеджер оны «Баптаулар», «Баптаулар…» мәзірінде, «Фискалдық касса» қойындысында баптайды (провайдер, оның мекенжайы, кассаның зауыттық нөмірі, API кілті және құпиясөз).</translation>
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
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="200"/>
        <source>&amp;X report</source>
        <translation>&amp;X-есеп</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="201"/>
        <source>Close fiscal shift (&amp;Z report)…</source>
        <translation>Касса ауысымын жабу (&amp;Z-есеп)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="202"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="261"/>
        <source>The fiscal shift has been open for more than 24 hours: the register refuses every receipt until a manager closes it with the Z report.</source>
        <translation>Касса ауысымы 24 сағаттан артық ашық тұр: менеджер оны Z-есеппен жапқанша касса әр чекті қабылдамайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="343"/>
        <source>Only a manager can close the fiscal shift: ask a manager to sign in.</source>
        <translation>Касса ауысымын тек менеджер жаба алады: менеджерден жүйеге кіруді сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>Receipts</source>
        <translation>Чектер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>Total</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>By card</source>
        <translation>Картамен</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="204"/>
        <source>VAT</source>
        <translation>ҚҚС</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="206"/>
        <source>Sales</source>
        <translation>Сатулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="206"/>
        <source>Returns</source>
        <translation>Қайтарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="218"/>
        <source>none open: the next receipt opens one</source>
        <translation>ашық емес: келесі чек оны ашады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="235"/>
        <source>offline: receipts are kept and sent when it is back (72 hours at most)</source>
        <translation>автономды режим: чектер сақталады және байланыс қалпына келгенде жіберіледі (ең көбі 72 сағат)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="237"/>
        <source>online</source>
        <translation>байланыста</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="256"/>
        <source>The fiscal shift has been open for more than 24 hours: the register refuses every receipt until it is closed. Close it with the Z report; the refused receipts are then registered.</source>
        <translation>Касса ауысымы 24 сағаттан артық ашық тұр: ол жабылғанша касса әр чекті қабылдамайды. Оны Z-есеппен жабыңыз; содан кейін қабылданбаған чектер тіркеледі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="345"/>
        <source>No fiscal shift is open: the next receipt opens one.</source>
        <translation>Касса ауысымы ашық емес: келесі чек оны ашады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="347"/>
        <source>Closes the register&apos;s shift with a Z report; the next receipt opens the next one.</source>
        <translation>Касса ауысымын Z-есеппен жабады; келесі чек жаңа ауысымды ашады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="398"/>
        <source>Reading the fiscal register…</source>
        <translation>Онлайн-касса деректері оқылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="430"/>
        <source>Close fiscal shift</source>
        <translation>Касса ауысымын жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="441"/>
        <source>Closing the fiscal shift…</source>
        <translation>Касса ауысымы жабылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="115"/>
        <source>Shift</source>
        <translation>Ауысым</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="116"/>
        <source>Open since</source>
        <translation>Ашылған уақыты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="117"/>
        <source>Must be closed by</source>
        <translation>Жабу мерзімі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="118"/>
        <source>Documents in the shift</source>
        <translation>Ауысымдағы құжаттар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="119"/>
        <source>Connection to the OFD</source>
        <translation>ФДО-мен байланыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="192"/>
        <source>{provider} · cash register {cashbox}</source>
        <translation>{provider} · касса {cashbox}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="266"/>
        <source>Close the fiscal shift with the Z report by {time}: after that the register refuses receipts until it is closed.</source>
        <translation>Касса ауысымын {time} дейін Z-есеппен жабыңыз: одан кейін ол жабылғанша касса чектерді қабылдамайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="280"/>
        <source>Z report: shift {number} closed at {time}</source>
        <translation>Z-есеп: №{number} ауысым {time} жабылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="285"/>
        <source>X report: shift {number} so far, at {time} (nothing was changed)</source>
        <translation>X-есеп: №{number} ауысым, {time} жағдайы бойынша (ештеңе өзгертілген жоқ)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="413"/>
        <source>Asking the register for the X report…</source>
        <translation>Кассадан X-есеп сұралуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="315"/>
        <source>Receipts the register had refused for the old shift, registered now: {count}.</source>
        <translation>Касса ескі ауысымға байланысты қабылдамаған чектер енді тіркелді: {count}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="328"/>
        <source>Still not registered: {count}; Needs attention says why.</source>
        <translation>Әлі тіркелмегені: {count}; себебі «Назар аудару керек» тізімінде.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="437"/>
        <source>Close the &amp;shift</source>
        <translation>Ауысымды &amp;жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="456"/>
        <source>Fiscal shift {number} is closed. The next receipt opens the next one.</source>
        <translation>№{number} касса ауысымы жабылды. Келесі чек жаңа ауысымды ашады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="220"/>
        <source>{number}, open</source>
        <translation>№{number}, ашық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="222"/>
        <source>{number}, closed: the next receipt opens the next one</source>
        <translation>№{number}, жабық: келесі чек жаңасын ашады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="230"/>
        <source>{time}: over 24 hours, the register refuses receipts</source>
        <translation>{time}: 24 сағаттан асты, касса чектерді қабылдамайды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="431"/>
        <source>Close fiscal shift {number} of cash register {cashbox} with a Z report?

The register then opens the next shift with the next receipt. This cannot be undone.</source>
        <translation>{cashbox} кассасының №{number} ауысымын Z-есеппен жабу керек пе?

Содан кейін касса келесі чекпен жаңа ауысымды ашады. Мұны болдырмау мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/fiscal_register.py" line="321"/>
        <source>Receipts that had waited for another reason (refused for something else, or not answered), asked again and registered now: {count}.</source>
        <translation>Басқа себеппен күткен чектер (касса оларды ауысымға байланысты емес қабылдамаған немесе жауап болмаған) қайта жіберіліп, енді тіркелді: {count}.</translation>
    </message>
</context>
<context>
    <name>GatewayPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="122"/>
        <source>Cannot be saved on this computer</source>
        <translation>Бұл компьютерде сақтау мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="126"/>
        <source>A secret is stored in the keychain; type a new one to replace it.</source>
        <translation>Құпия кілт кілттер қоймасында сақтаулы; ауыстыру үшін жаңасын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="127"/>
        <source>No secret stored yet. It is kept in the system keychain, never in a file.</source>
        <translation>Құпия кілт әлі сақталмаған. Ол файлда емес, тек жүйенің кілттер қоймасында сақталады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="130"/>
        <source>unchanged</source>
        <translation>өзгеріссіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="132"/>
        <source>Gateway</source>
        <translation>Шлюз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="133"/>
        <source>Token URL</source>
        <translation>Токен мекенжайы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="134"/>
        <source>API URL</source>
        <translation>API мекенжайы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="135"/>
        <source>Widget URL</source>
        <translation>Виджет мекенжайы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="136"/>
        <source>Client id</source>
        <translation>Клиент ID</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="137"/>
        <source>Terminal</source>
        <translation>Терминал</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="138"/>
        <source>Client secret</source>
        <translation>Клиент құпия кілті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="142"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="147"/>
        <source>How late the bank&apos;s status may show a refund, charge or cancellation. Until this long after sending, &quot;not applied&quot; is not trusted: no retry, no abandon. Shared by every counter; applies at once.</source>
        <translation>Банк күйі қайтаруды, есептен шығаруды немесе күшін жоюды қаншалықты кешігіп көрсетуі мүмкін. Жіберілгеннен кейін осы уақыт өткенше «орындалмады» деген жауапқа сенілмейді: қайталауға да, доғаруға да болмайды. Барлық кассаларға ортақ; бірден күшіне енеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="156"/>
        <source>Bank status lag up to</source>
        <translation>Банк күйінің кешігуі (ең көбі)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="202"/>
        <source>Gateway URLs start with https:// (or http:// for the sandbox); leave empty for the default.</source>
        <translation>Шлюз мекенжайлары https:// деп басталады (оқу ортасы үшін http://); әдепкі мән үшін бос қалдырыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="206"/>
        <source>The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.</source>
        <translation>Терминал — 67e34d63-102f-4bd1-898e-370781d0074d сияқты UUID.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="208"/>
        <source>Enter the client id the secret belongs to.</source>
        <translation>Құпия кілт тиесілі клиент ID-ін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="210"/>
        <source>Production needs your client id and terminal from the ePay cabinet.</source>
        <translation>Жұмыс режиміне ePay кабинетіндегі клиент ID мен терминал қажет.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="80"/>
        <source>en</source>
        <translation>kk</translation>
    </message>
</context>
<context>
    <name>LatePaymentNotice</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="72"/>
        <source>which was cancelled at the counter</source>
        <translation>кассада тоқтатылған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="74"/>
        <source>whose payment page failed at the counter</source>
        <translation>кассада төлем беті ашылмаған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="76"/>
        <source>Invoice {invoice}, {amount}, {what}, was AUTHORISED (held) on the customer&apos;s card after all. Do not take the money again; cancel the hold if the customer paid another way.</source>
        <translation>Тапсырыс {invoice}, {amount} ({what}) сатып алушының картасында бәрібір БҰҒАТТАЛДЫ (авторизацияланды). Ақшаны қайта алмаңыз; сатып алушы басқа жолмен төлесе, бұғаттауды алыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="81"/>
        <source>Invoice {invoice}, {amount}, {what}, was PAID by the customer&apos;s card after all. Do not take the money again; refund it if the customer paid another way.</source>
        <translation>Тапсырыс {invoice}, {amount} ({what}) сатып алушының картасымен бәрібір ТӨЛЕНДІ. Ақшаны қайта алмаңыз; сатып алушы басқа жолмен төлесе, оны қайтарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="98"/>
        <source>Open payment</source>
        <translation>Төлемді ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="100"/>
        <source>Dismiss</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="102"/>
        <source>Hide this notice (the payment stays in the list).</source>
        <translation>Бұл хабарламаны жасыру (төлем тізімде қалады).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/late_payment_notice.py" line="121"/>
        <source>Payments made after a cancel</source>
        <translation>Тоқтатудан кейін жасалған төлемдер</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="48"/>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="99"/>
        <source>Log in as someone else</source>
        <translation>Басқа пайдаланушы ретінде кіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="78"/>
        <source>The console is locked</source>
        <translation>Консоль құлыпталған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="80"/>
        <source>{name}, enter your PIN or password to continue.</source>
        <translation>{name}, жалғастыру үшін PIN-кодыңызды немесе құпиясөзіңізді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="82"/>
        <source>Unlock</source>
        <translation>Құлпын ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="93"/>
        <source>Log in to the ePay console</source>
        <translation>ePay консоліне кіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="94"/>
        <source>Enter your name and your PIN or password.</source>
        <translation>Атыңызды және PIN-кодыңызды немесе құпиясөзіңізді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/lock_screen.py" line="95"/>
        <source>Log in</source>
        <translation>Кіру</translation>
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
        <translation>әкімші</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="323"/>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="137"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="213"/>
        <source>Log in to the ePay console</source>
        <translation>ePay консоліне кіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="139"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="214"/>
        <source>Enter your name and your PIN or password.</source>
        <translation>Атыңызды және PIN-кодыңызды немесе құпиясөзіңізді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="142"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="215"/>
        <source>Your name</source>
        <translation>Атыңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="142"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="152"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="216"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="219"/>
        <source>PIN or password</source>
        <translation>PIN-код немесе құпиясөз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="148"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="217"/>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="151"/>
        <location filename="../../epay_desktop/ui/session/login.py" line="218"/>
        <source>User</source>
        <translation>Пайдаланушы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="181"/>
        <source>Demo mode: sandbox gateway, no real money.</source>
        <translation>Демо режимі: оқу ортасы, нақты ақша жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/session/login.py" line="182"/>
        <source>Demo users (click to fill in):</source>
        <translation>Демо пайдаланушылар (толтыру үшін басыңыз):</translation>
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
        <translation>Осы пайдаланушыны толтыру үшін басыңыз</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="473"/>
        <source>Nothing to show: no payment matches the search or filters.</source>
        <translation>Көрсететін ештеңе жоқ: іздеуге немесе сүзгілерге сай төлем жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="503"/>
        <source>The list is being searched: select a payment when it appears.</source>
        <translation>Тізімнен ізделуде: төлем пайда болғанда оны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="498"/>
        <source>Payment {invoice} is hidden by the search or filters: clear them or select a payment in the list.</source>
        <translation>{invoice} төлемі іздеу немесе сүзгілер салдарынан жасырылған: оларды тазалаңыз немесе тізімнен төлемді таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="438"/>
        <source>Payment {invoice} is not in the list for this search or filter.
Clear the search (Esc) or select a payment in the list.</source>
        <translation>{invoice} төлемі осы іздеу немесе сүзгі бойынша тізімде жоқ.
Іздеуді тазалаңыз (Esc) немесе тізімнен төлемді таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/main_window.py" line="443"/>
        <source>Payment {invoice} is not in the list for the status or dates chosen.
Show all payments (Esc) or select a payment in the list.</source>
        <translation>{invoice} төлемі таңдалған күй немесе күндер бойынша тізімде жоқ.
Барлық төлемдерді көрсетіңіз (Esc) немесе тізімнен төлемді таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="205"/>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="282"/>
        <source>Enter an amount like 1500 or 1500,50.</source>
        <translation>Соманы 1500 немесе 1500,50 түрінде енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="209"/>
        <source>Enter an amount greater than zero.</source>
        <translation>Нөлден үлкен соманы енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="207"/>
        <source>The amount must be at least {minimum}.</source>
        <translation>Сома кемінде {minimum} болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="211"/>
        <location filename="../../epay_desktop/ui/widgets/money_edit.py" line="280"/>
        <source>The amount must not be more than {maximum}.</source>
        <translation>Сома ең көбі {maximum} болуы керек.</translation>
    </message>
</context>
<context>
    <name>MoneyOpDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="191"/>
        <source>{operation} — invoice {invoice}, {amount}</source>
        <extracomment>The narrowest a money dialog gets; a longer title widens it (:meth:`MoneyOpDialog.showEvent`). What a title bar takes besides the title: its buttons (menu, minimise, maximise, close) and margins. &quot;All of it&quot; / &quot;part of it: [amount]&quot;, for the dialogs that offer the choice (:meth:`full_or_part`).</extracomment>
        <translation>{operation} — тапсырыс {invoice}, {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="210"/>
        <source>Invoice</source>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="211"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="214"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="238"/>
        <source>Another operation on this payment is still being checked with the bank. Wait for it.</source>
        <translation>Бұл төлем бойынша басқа операция әлі банкпен тексерілуде. Оның аяқталуын күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="380"/>
        <source>no reason given</source>
        <translation>себебі көрсетілмеген</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="379"/>
        <source>The bank refused it: {reason}</source>
        <translation>Банк қабылдамады: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="226"/>
        <location filename="../../epay_desktop/ui/money/money_dialog.py" line="391"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>NewPaymentForm</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="56"/>
        <source>What is paid for (optional)</source>
        <translation>Не үшін төленеді (міндетті емес)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="59"/>
        <source>Kazakhstan mobile number: +7 and 10 digits</source>
        <translation>Қазақстандық ұялы нөмір: +7 және 10 цифр</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="63"/>
        <source>Customer id in your shop (optional)</source>
        <translation>Дүкеніңіздегі клиент ID (міндетті емес)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="64"/>
        <source>Save the card for this customer</source>
        <translation>Картаны осы клиент үшін сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="77"/>
        <source>Take payment (Enter)</source>
        <translation>Төлем қабылдау (Enter)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="83"/>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="178"/>
        <source>Pay with a saved card…</source>
        <translation>Сақталған картамен төлеу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="91"/>
        <source>Amount:</source>
        <translation>Сома:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="96"/>
        <source>Description:</source>
        <translation>Сипаттама:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="97"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="98"/>
        <source>E-mail:</source>
        <translation>Эл. пошта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="99"/>
        <source>Customer id:</source>
        <translation>Клиент ID:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="103"/>
        <source>Payment page language:</source>
        <translation>Төлем бетінің тілі:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="110"/>
        <source>New payment</source>
        <translation>Жаңа төлем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="176"/>
        <source>Pay with a saved card (%1)…</source>
        <translation>Сақталған картамен төлеу (%1)…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="203"/>
        <source>Write the phone like +7 777 123 45 67.</source>
        <translation>Телефонды +7 777 123 45 67 түрінде жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="206"/>
        <source>The e-mail should look like name@example.kz.</source>
        <translation>Электрондық пошта name@example.kz түрінде болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="211"/>
        <source>The customer id may use only Latin letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Клиент ID-де тек латын әріптері, цифрлар, &apos;.&apos;, &apos;_&apos; және &apos;-&apos; болуы мүмкін.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="214"/>
        <source>To save the card, enter the customer id.</source>
        <translation>Картаны сақтау үшін клиент ID-ін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/form.py" line="274"/>
        <source>Saving a card needs the customer id.</source>
        <translation>Картаны сақтау үшін клиент ID қажет.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="50"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="51"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="52"/>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="53"/>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="54"/>
        <source>By</source>
        <translation>Орындаған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="55"/>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="58"/>
        <source>Charge</source>
        <translation>Есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="59"/>
        <source>Cancellation</source>
        <translation>Күшін жою</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="60"/>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="63"/>
        <source>Sending…</source>
        <translation>Жіберілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="64"/>
        <source>Done</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="65"/>
        <source>Not done</source>
        <translation>Орындалмады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="66"/>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="67"/>
        <source>Needs a manager</source>
        <translation>Менеджер керек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/operations_model.py" line="176"/>
        <source>{requester}, approved by {approver}</source>
        <translation>{requester}, мақұлдаған: {approver}</translation>
    </message>
</context>
<context>
    <name>PaymentAmounts</name>
    <message>
        <location filename="../../epay_desktop/ui/common/amounts.py" line="35"/>
        <source>Charged {charged} of {authorised}; {released} released</source>
        <translation>{authorised} ішінен {charged} есептен шығарылды; {released} босатылды</translation>
    </message>
</context>
<context>
    <name>PaymentDetailView</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="378"/>
        <source>{name} (not known to this console)</source>
        <extracomment>Rows shown even when empty (as a dash); the others hide when they have nothing to say. Outcomes the console concluded by itself: no bank answer dates them.</extracomment>
        <translation>{name} (бұл консольге белгісіз)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="77"/>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="235"/>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="77"/>
        <source>Charged</source>
        <translation>Есептен шығарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="78"/>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="79"/>
        <source>Can be refunded</source>
        <translation>Қайтаруға болады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="79"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="80"/>
        <source>Bank&apos;s reason</source>
        <translation>Банк көрсеткен себеп</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="81"/>
        <source>Bank status</source>
        <translation>Банктегі күйі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="82"/>
        <source>Bank&apos;s reason code</source>
        <translation>Банктің себеп коды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="83"/>
        <source>Approval code</source>
        <translation>Авторизация коды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="83"/>
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="84"/>
        <source>Transaction ID</source>
        <translation>Транзакция ID</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="85"/>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="85"/>
        <source>Customer</source>
        <translation>Сатып алушы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="86"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="86"/>
        <source>Created</source>
        <translation>Жасалды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="87"/>
        <source>Last checked</source>
        <translation>Соңғы тексеру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="82"/>
        <source>The bank&apos;s own time for this, from its answer</source>
        <translation>Банктің жауабындағы өз уақыты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="83"/>
        <source>This console&apos;s clock: the bank gave no time for this</source>
        <translation>Осы консольдің сағаты: банк бұған уақыт көрсетпеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="103"/>
        <source>Times are Kazakhstan time: “(bank)” is the bank&apos;s own time, the others this console&apos;s clock.</source>
        <translation>Уақыт — Қазақстан уақыты: «(банк)» — банктің өз уақыты, қалғандары осы консольдің сағаты бойынша.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="238"/>
        <source>Timeline</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="239"/>
        <source>Receipts</source>
        <translation>Чектер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="230"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="230"/>
        <source>What happened</source>
        <translation>Не болды</translation>
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
        <translation>Берілді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="278"/>
        <source>Select a payment to see its details.
Press Enter to open it.</source>
        <translation>Толық мәліметін көру үшін төлемді таңдаңыз.
Ашу үшін Enter басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="289"/>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="356"/>
        <source>Payment {invoice}</source>
        <translation>Төлем {invoice}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="434"/>
        <source>Receipts ({count})</source>
        <translation>Чектер ({count})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="84"/>
        <source>The fiscal register&apos;s time on the receipt</source>
        <translation>Чектегі онлайн-касса уақыты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="86"/>
        <source>Check the fiscal receipt on the OFD&apos;s site</source>
        <translation>Фискалдық чекті ФДО сайтында тексеру</translation>
    </message>
    <message>
        <source>Check the fiscal return receipt on the OFD&apos;s site</source>
        <translation type="vanished">Фискалдық қайтару чегін ФДО сайтында тексеру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="93"/>
        <source>No longer needs attention: this payment has left the Needs attention list. Its details stay here until you select another payment.</source>
        <translation>Енді назар аударуды қажет етпейді: төлем «Назар аудару керек» тізімінен шықты. Басқа төлемді таңдағанша оның деректері осында қалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="98"/>
        <source>This payment no longer matches the search or filters: it has left the list. Its details stay here until you select another payment.</source>
        <translation>Бұл төлем енді іздеуге немесе сүзгілерге сай емес: ол тізімнен шықты. Басқа төлемді таңдағанша оның деректері осында қалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_view.py" line="88"/>
        <source>Check the fiscal return receipt of {amount} on the OFD&apos;s site</source>
        <translation>Фискалдық қайтару чегін ({amount}) ФДО сайтында тексеру</translation>
    </message>
</context>
<context>
    <name>PaymentFilterBar</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="66"/>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="67"/>
        <source>Needs attention</source>
        <translation>Назар аудару керек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="68"/>
        <source>Paid or held</source>
        <translation>Төленген немесе бұғатталған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="69"/>
        <source>Waiting or paying</source>
        <translation>Күтілуде немесе төленуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="70"/>
        <source>Declined or failed</source>
        <translation>Қабылданбаған немесе сәтсіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="71"/>
        <source>Refunded or released</source>
        <translation>Қайтарылған немесе босатылған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="98"/>
        <source>All dates</source>
        <translation>Барлық күндер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="99"/>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="100"/>
        <source>Last 7 days</source>
        <translation>Соңғы 7 күн</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="101"/>
        <source>Last 30 days</source>
        <translation>Соңғы 30 күн</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="102"/>
        <source>Custom dates…</source>
        <translation>Күндерді таңдау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="158"/>
        <source>Invoice, card last 4, amount, RRN…</source>
        <translation>Тапсырыс, карта, сома, RRN…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="160"/>
        <source>Find a payment by any of: invoice number (or its first digits), the last 4 digits of the card, the amount in tenge (1500 or 1500.50), the RRN, or the approval code. Ctrl+F comes here; Esc clears it.</source>
        <translation>Төлемді мыналардың кез келгені бойынша табыңыз: тапсырыс нөмірі (немесе оның алғашқы цифрлары), картаның соңғы 4 цифры, теңгедегі сома (1500 немесе 1500.50), RRN немесе авторизация коды. Ctrl+F осында әкеледі; Esc тазалайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/filter_bar.py" line="168"/>
        <source>Show payments in one status, a group of them, or all</source>
        <translation>Бір күйдегі, күйлер тобындағы немесе барлық төлемдерді көрсету</translation>
    </message>
</context>
<context>
    <name>PaymentTimeline</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="197"/>
        <source>not credited to any operation of this console; a manager compares it with the bank</source>
        <translation>осы консольдің ешбір операциясына жатқызылмады; менеджер оны банкпен салыстырады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="174"/>
        <source>Sale cancelled by the cashier after a declined attempt</source>
        <translation>Қабылданбаған әрекеттен кейін кассир сатуды тоқтатты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="279"/>
        <source>Sale receipt</source>
        <translation>Сату чегі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="280"/>
        <source>Refund receipt</source>
        <translation>Қайтару чегі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="281"/>
        <source>Duplicate</source>
        <translation>Телнұсқа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="409"/>
        <source>Checking with the bank… The result is not known yet; do not repeat the operation.</source>
        <translation>Банкпен тексерілуде… Нәтиже әлі белгісіз; операцияны қайталамаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="196"/>
        <source>Refund made outside this console: {amount}</source>
        <translation>Осы консольден тыс жасалған қайтару: {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="206"/>
        <source>The bank reported: {what}</source>
        <translation>Банк хабарлады: {what}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="239"/>
        <source>Waiting for the customer to pay</source>
        <translation>Сатып алушының төлеуі күтілуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="241"/>
        <source>Result not known yet: checking with the bank</source>
        <translation>Нәтиже әлі белгісіз: банкпен тексерілуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="243"/>
        <source>The payment page expired; the customer did not pay</source>
        <translation>Төлем бетінің мерзімі өтті; сатып алушы төлемеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="246"/>
        <source>Cancelled by the cashier before the customer paid</source>
        <translation>Сатып алушы төлегенге дейін кассир тоқтатты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="248"/>
        <source>The payment page could not be loaded; the customer could not pay</source>
        <translation>Төлем беті жүктелмеді; сатып алушы төлей алмады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="256"/>
        <source>Customer&apos;s result: {status}</source>
        <translation>Сатып алушы жағындағы нәтиже: {status}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="262"/>
        <source>{operation} {amount}: {state}</source>
        <translation>{operation} {amount}: {state}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="265"/>
        <source>asked by {name}</source>
        <translation>сұраған: {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="287"/>
        <source>{kind} No. {number} issued</source>
        <translation>{kind} № {number} берілді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="290"/>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="334"/>
        <source>by {name}</source>
        <translation>орындаған: {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="407"/>
        <source>A manager must review this operation: the bank could not confirm it.</source>
        <translation>Бұл операцияны менеджер қарауы керек: банк оны растай алмады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="332"/>
        <source>Payment of {amount} created</source>
        <translation>Төлем жасалды: {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="341"/>
        <source>Payment page opened for the customer</source>
        <translation>Сатып алушыға төлем беті ашылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="400"/>
        <source>The bank&apos;s own words: {text}</source>
        <translation>Банктің өз сөзі: {text}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="162"/>
        <source>Card attempt approved: {status}</source>
        <translation>Карта әрекеті мақұлданды: {status}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="166"/>
        <source>Declined: {reason}</source>
        <translation>Қабылданбады: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="169"/>
        <source>attempt {number}, card {card}</source>
        <translation>әрекет № {number}, карта {card}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="171"/>
        <source>attempt {number}</source>
        <translation>әрекет № {number}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="180"/>
        <source>The customer is trying again on the payment page</source>
        <translation>Сатып алушы төлем бетінде қайталап жатыр</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="253"/>
        <source>approval {code}</source>
        <translation>авторизация коды {code}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="267"/>
        <source>approved by {name}</source>
        <translation>мақұлдаған: {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="271"/>
        <source>reason: {reason}</source>
        <translation>себебі: {reason}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="273"/>
        <source>bank: {message}</source>
        <translation>банк: {message}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/detail_content.py" line="343"/>
        <source>valid until {time}</source>
        <translation>{time} болғанша жарамды</translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="48"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="49"/>
        <source>Invoice</source>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="50"/>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/columns.py" line="51"/>
        <source>Status</source>
        <translation>Күйі</translation>
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
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_model.py" line="605"/>
        <source>{operation} of {amount}: {state}</source>
        <translation>{operation}, {amount}: {state}</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="500"/>
        <source>No payments match these filters.</source>
        <translation>Бұл сүзгілерге сай төлем жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="490"/>
        <source>Loading payments…</source>
        <translation>Төлемдер жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="492"/>
        <source>No payments yet.
Press F2 to take a card payment.</source>
        <translation>Әзірге төлем жоқ.
Картамен төлем қабылдау үшін F2 басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="151"/>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="301"/>
        <source>New sale</source>
        <translation>Жаңа сату</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="471"/>
        <source>Not loaded</source>
        <translation>Жүктелмеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="486"/>
        <source>The list could not be loaded.
{reason}
Press F5 to try again.</source>
        <translation>Тізімді жүктеу мүмкін болмады.
{reason}
Қайталау үшін F5 басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="496"/>
        <source>No payment matches “{text}”.
Search by invoice, card last 4, amount, RRN or approval code; Esc clears the search.</source>
        <translation>«{text}» бойынша төлем табылмады.
Тапсырыс, картаның соңғы 4 цифры, сома, RRN немесе авторизация коды бойынша іздеңіз; Esc іздеуді тазалайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="301"/>
        <source>New sale ({key})</source>
        <translation>Жаңа сату ({key})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_model.py" line="570"/>
        <source>Loading…</source>
        <extracomment>Operation states the list marks (the store&apos;s &quot;needs attention&quot; states). Pages kept in memory (least recently used go first). Filtered to Needs attention, the list reads itself again this long after the last change that may take a payment out (a burst of events, e.g. an operation and its payment settled together, makes one read). The roles :meth:`PaymentsTableModel.data` answers: a paint asks each cell for a dozen more (font, colours, decoration, check state...), which are refused before any lookup (issue 10: the cost of a paint of the viewport, P2s). The list is about to be counted and read again; True when the filter changed (not the sort).</extracomment>
        <translation>Жүктелуде…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="469"/>
        <source>%n payment(s) shown; the rest could not be loaded (F5)</source>
        <translation>
            <numerusform>%n төлем көрсетілді; қалғанын жүктеу мүмкін болмады (F5)</numerusform>
            <numerusform>%n төлем көрсетілді; қалғанын жүктеу мүмкін болмады (F5)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="473"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n төлем</numerusform>
            <numerusform>%n төлем</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="73"/>
        <source>No payment that needs attention matches these dates or this search.
The badge and Needs attention (Ctrl+Shift+A) count every day: choose All dates to see them all here.</source>
        <translation>Осы күндер немесе осы іздеу бойынша назар аударуды қажет ететін төлем жоқ.
Белгіше мен «Назар аудару керек» (Ctrl+Shift+A) барлық күндерді санайды: оларды осында көру үшін «Барлық күндер» таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/payments/list_view.py" line="72"/>
        <source>Nothing needs attention: every payment is settled.</source>
        <translation>Назар аударатын ештеңе жоқ: барлық төлем шешілген.</translation>
    </message>
</context>
<context>
    <name>PrintersDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="49"/>
        <source>Network (TCP port 9100)</source>
        <translation>Желі (TCP порты 9100)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="50"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="51"/>
        <source>Serial port (COM)</source>
        <translation>Тізбекті порт (COM)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="52"/>
        <source>System queue (CUPS, raw)</source>
        <translation>Жүйелік басып шығару кезегі (CUPS, raw)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="53"/>
        <source>Device file</source>
        <translation>Құрылғы файлы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="56"/>
        <source>80 mm roll</source>
        <translation>80 мм таспа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="57"/>
        <source>58 mm roll</source>
        <translation>58 мм таспа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="60"/>
        <source>Image (always right, slower)</source>
        <translation>Сурет (әрқашан дұрыс, баяуырақ)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="61"/>
        <source>Text in KZ-1048 (Kazakh code page)</source>
        <translation>Мәтін KZ-1048 кодтауында (қазақ кодтық беті)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="62"/>
        <source>Text in cp866/cp1251, Kazakh lines as images</source>
        <translation>Мәтін cp866/cp1251, қазақша жолдар — сурет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="65"/>
        <source>Partial cut</source>
        <translation>Ішінара кесу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="66"/>
        <source>Full cut</source>
        <translation>Толық кесу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="67"/>
        <source>No cutter</source>
        <translation>Кескіш жоқ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="61"/>
        <source>Name</source>
        <extracomment>One change or print at a time: every button waits while one runs.</extracomment>
        <translation>Атауы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="62"/>
        <source>Connected at</source>
        <translation>Қосылым</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="63"/>
        <source>Paper</source>
        <translation>Қағаз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="64"/>
        <source>Printing</source>
        <translation>Басып шығару режимі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="65"/>
        <source>Cutter</source>
        <translation>Кескіш</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="66"/>
        <source>Default here</source>
        <translation>Кассада әдепкі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="93"/>
        <source>Enter the printer&apos;s network address, like 192.168.1.50.</source>
        <translation>Принтердің желілік мекенжайын енгізіңіз, мысалы 192.168.1.50.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="95"/>
        <source>Type the port in its own field, not after the address.</source>
        <translation>Портты мекенжайдан кейін емес, өз өрісіне енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="128"/>
        <source>e.g. Counter 1</source>
        <translation>мысалы, Касса 1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="165"/>
        <source>Connected by</source>
        <translation>Қосылу тәсілі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="178"/>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="253"/>
        <source>Enter the printer&apos;s name.</source>
        <translation>Принтердің атауын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="255"/>
        <source>A printer&apos;s name has no slashes.</source>
        <translation>Принтер атауында қиғаш сызық болмауы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="272"/>
        <source>Enter the printer&apos;s device file, like /dev/usb/lp0.</source>
        <translation>Принтердің құрылғы файлын енгізіңіз, мысалы /dev/usb/lp0.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="122"/>
        <source>Receipt printer</source>
        <translation>Чек принтері</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="161"/>
        <source>This register&apos;s default receipt printer</source>
        <translation>Осы кассаның әдепкі чек принтері</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="262"/>
        <source>The USB vendor and product ids are four hexadecimal digits each, like 0416 and 5011 (lsusb or the Device Manager shows them).</source>
        <translation>USB өндірушісі мен құрылғысының кодтары — әрқайсысы төрт он алтылық цифр, мысалы 0416 және 5011 (оларды lsusb немесе Құрылғылар диспетчері көрсетеді).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="104"/>
        <source>{host} is not a network address: use letters, digits, dots and dashes.</source>
        <translation>{host} желілік мекенжай емес: әріптерді, цифрларды, нүкте мен сызықшаны қолданыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="152"/>
        <source>Address</source>
        <translation>Мекенжайы</translation>
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
        <translation>Өндіруші коды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="153"/>
        <source>Product id</source>
        <translation>Құрылғы коды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="154"/>
        <source>Speed (baud)</source>
        <translation>Жылдамдық (бод)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="155"/>
        <source>Queue</source>
        <translation>Кезек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="156"/>
        <source>Device</source>
        <translation>Құрылғы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="270"/>
        <source>Enter the serial port, like /dev/ttyUSB0 or COM3.</source>
        <translation>Тізбекті портты енгізіңіз, мысалы /dev/ttyUSB0 немесе COM3.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="271"/>
        <source>Enter the name of the printer&apos;s raw CUPS queue.</source>
        <translation>Принтердің CUPS кезегінің (raw) атын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printer_form.py" line="100"/>
        <source>{host} is not an IP address: four numbers from 0 to 255 with dots between.</source>
        <translation>{host} IP мекенжайы емес: нүктемен бөлінген 0-ден 255-ке дейінгі төрт сан керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="102"/>
        <source>Receipt printers</source>
        <translation>Чек принтерлері</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="123"/>
        <source>Receipts print on this register&apos;s default printer; without one, Print opens the system&apos;s print dialog. Calibrate a new printer once: it finds how it prints Kazakh letters.</source>
        <translation>Чектер осы кассаның әдепкі принтерінде басылады; ол болмаса, «Басып шығару» жүйенің басып шығару терезесін ашады. Жаңа принтерді бір рет калибрлеңіз: сонда оның қазақ әріптерін қалай басатыны анықталады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="348"/>
        <source>Line 1 right: text with every Kazakh letter (fastest). Line 2 or 3: Russian text, Kazakh lines as images.</source>
        <translation>1-жол дұрыс болса: барлық қазақ әріптері бар мәтін (ең жылдам). 2 не 3-жол: орысша мәтін, қазақша жолдар сурет ретінде.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="357"/>
        <source>Use this line</source>
        <translation>Осы жолды таңдау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="108"/>
        <source>&amp;Add…</source>
        <translation>&amp;Қосу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="109"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Өзгерту…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="110"/>
        <source>&amp;Remove</source>
        <translation>&amp;Жою</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="111"/>
        <source>Make &amp;default here</source>
        <translation>&amp;Әдепкі ету</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="112"/>
        <source>&amp;Test print</source>
        <translation>&amp;Сынақ басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="113"/>
        <source>&amp;Calibrate…</source>
        <translation>&amp;Калибрлеу…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="344"/>
        <source>None of them (print receipts as images)</source>
        <translation>Ешқайсысы (чектерді сурет ретінде басып шығару)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="185"/>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="252"/>
        <source>{name} is removed.</source>
        <translation>{name} принтері жойылды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="259"/>
        <source>Receipts of this register now print on {name}.</source>
        <translation>Осы кассаның чектері енді {name} принтерінде басылады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="271"/>
        <source>Printing the test page on {name}…</source>
        <translation>Сынақ беті {name} принтерінде басылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="281"/>
        <source>Printing the calibration page on {name}…</source>
        <translation>Калибрлеу беті {name} принтерінде басылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="302"/>
        <source>{name} now prints: {mode}.</source>
        <translation>{name} принтерінің басып шығару режимі: {mode}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="327"/>
        <source>Calibrate {name}</source>
        <translation>{name} принтерін калибрлеу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="329"/>
        <source>Look at the calibration page {name} printed. Line {image} is an image of what every line should show. Which numbered line shows its letters exactly like line {image}?</source>
        <translation>{name} принтері басқан калибрлеу бетін қараңыз. {image}-жол — әр жол қалай көрінуі керегінің суреті. Қай нөмірленген жолдағы әріптер {image}-жолдағыдай дәл шыққан?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="244"/>
        <source>{name} is saved.</source>
        <translation>{name} принтері сақталды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/printers_dialog.py" line="275"/>
        <source>The test page was printed on {name}.</source>
        <translation>Сынақ беті {name} принтерінде басылды.</translation>
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
        <translation>Қайда қ&amp;арау:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/language.py" line="499"/>
        <source>Files of &amp;type:</source>
        <translation>Файлдар &amp;түрі:</translation>
    </message>
</context>
<context>
    <name>ReceiptChooser</name>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="80"/>
        <source>Print which receipt? — invoice {invoice}, {amount}</source>
        <translation>Қай чекті басып шығару керек? — тапсырыс {invoice}, {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="85"/>
        <source>Payment {invoice} has refunds. Choose the receipt to print:</source>
        <translation>{invoice} төлемі бойынша қайтарулар бар. Басып шығаратын чекті таңдаңыз:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="92"/>
        <source>Sale receipt: {amount}</source>
        <translation>Сату чегі: {amount}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="97"/>
        <source>Refund receipt: {amount}, {when}</source>
        <translation>Қайтару чегі: {amount}, {when}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/chooser.py" line="67"/>
        <source>Print</source>
        <translation>Басып шығару</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="237"/>
        <source>DUPLICATE (reprint)</source>
        <extracomment>The receipt languages offered, each named in itself (as language pickers do; not translated). who prints, and which receipt (the language and width follow the preview shown) This register&apos;s thermal printer (decision 0109): Print sends the receipt to it, not to a dialog. The receipt printer chosen in Settings (&quot;&quot; = ask every time): Print goes straight to it.</extracomment>
        <translation>ТЕЛНҰСҚА (қайта басу)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="248"/>
        <source>Receipt &amp;language:</source>
        <translation>Чек &amp;тілі:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="293"/>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="257"/>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="258"/>
        <source>Other printer…</source>
        <translation>Басқа принтер…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="298"/>
        <source>Print on another printer than %1 (the receipt printer chosen in Settings).</source>
        <translation>Баптауларда таңдалған чек принтері %1 емес, басқа принтерде басып шығару.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="303"/>
        <source>Print on %1.</source>
        <translation>%1 принтерінде басып шығару.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="262"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="293"/>
        <source>Print</source>
        <translation>Басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="358"/>
        <source>Refund receipt</source>
        <translation>Қайтару чегі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="358"/>
        <source>Sale receipt</source>
        <translation>Сату чегі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="360"/>
        <source>%1 — invoice %2, %3</source>
        <translation>%1 — тапсырыс %2, %3</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="368"/>
        <source>Receipt preview</source>
        <translation>Чекті алдын ала қарау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="371"/>
        <source>Printed before: printing or saving issues a numbered duplicate. Closing issues nothing.</source>
        <translation>Бұрын басылған: басып шығарсаңыз не сақтасаңыз, нөмірленген телнұсқа беріледі. Жапсаңыз, ештеңе берілмейді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="375"/>
        <source>The receipt gets its number when you print or save it. Closing issues nothing.</source>
        <translation>Чек нөмірін басып шығарғанда немесе сақтағанда алады. Жапсаңыз, ештеңе берілмейді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="378"/>
        <source>Receipt No. %1</source>
        <translation>Чек № %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="379"/>
        <source>Issued. Print or save again here to output this same receipt.</source>
        <translation>Берілді. Дәл осы чекті қайта шығару үшін осында қайта басып шығарыңыз немесе сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="388"/>
        <source>The receipt is issued in this language; print it again for a copy in another one.</source>
        <translation>Чек осы тілде берілді; басқа тілдегі көшірме үшін оны қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="573"/>
        <source>The receipt printer chosen in Settings, %1, is not installed on this computer: choose a printer (a manager can change the receipt printer in Settings).</source>
        <translation>Баптауларда таңдалған чек принтері (%1) бұл компьютерде орнатылмаған: принтерді таңдаңыз (чек принтерін менеджер баптауларда өзгерте алады).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="457"/>
        <source>Print — %1 is not installed</source>
        <translation>Басып шығару — %1 орнатылмаған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="465"/>
        <source>Save the receipt as PDF</source>
        <translation>Чекті PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="467"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="505"/>
        <source>Sent to %1.</source>
        <translation>%1 принтеріне жіберілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="507"/>
        <source>Sent to the printer.</source>
        <translation>Принтерге жіберілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="514"/>
        <source>Asking %1…</source>
        <translation>%1 принтерінің күйі сұралуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="565"/>
        <source>%1 Nothing was printed and no receipt was issued: press Print again when ready.</source>
        <translation>%1 Ештеңе басылмады, чек берілмеді: принтер дайын болғанда «Қайта басып шығару» батырмасын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="532"/>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="555"/>
        <source>Print again</source>
        <translation>Қайта басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="534"/>
        <source>Printing on %1…</source>
        <translation>%1 принтерінде басылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="569"/>
        <source>Printed on %1.</source>
        <translation>%1 принтерінде басылды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="595"/>
        <source>Could not save: %1</source>
        <translation>Сақтау мүмкін болмады: %1</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/receipts/preview.py" line="585"/>
        <source>Saved to %1</source>
        <translation>Сақталды: %1</translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation type="vanished">%1 — қалта.</translation>
    </message>
    <message>
        <source>the folder %1 does not exist.</source>
        <translation type="vanished">%1 қалтасы жоқ.</translation>
    </message>
    <message>
        <source>you may not write in %1.</source>
        <translation type="vanished">%1 қалтасына жазуға рұқсатыңыз жоқ.</translation>
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
        <translation>Әр жолы сұрау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="243"/>
        <source>{name} (not found)</source>
        <translation>{name} (табылмады)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="248"/>
        <source>No printer is installed on this computer: receipts can still be saved as PDF.</source>
        <translation>Бұл компьютерде принтер орнатылмаған: чектерді бәрібір PDF ретінде сақтауға болады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="252"/>
        <source>The system&apos;s default printer is {name}.</source>
        <translation>Жүйенің әдепкі принтері: {name}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="255"/>
        <source>Shop name</source>
        <translation>Дүкен атауы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="256"/>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="257"/>
        <source>Address</source>
        <translation>Мекенжайы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="258"/>
        <source>Receipt width</source>
        <translation>Чек ені</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="259"/>
        <source>Receipt language</source>
        <translation>Чек тілі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="260"/>
        <source>Receipt printer</source>
        <translation>Чек принтері</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="282"/>
        <source>The BIN has 12 digits ({count} typed).</source>
        <translation>БСН 12 цифрдан тұрады ({count} енгізілді).</translation>
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
        <translation>Қайтару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="54"/>
        <source>Part of it</source>
        <translation>Бір бөлігі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="59"/>
        <source>Why is the money returned?</source>
        <translation>Ақша неге қайтарылады?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="61"/>
        <source>Paid</source>
        <translation>Төленді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="62"/>
        <source>Refunded so far</source>
        <translation>Бұрын қайтарылғаны</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="63"/>
        <source>Remaining</source>
        <translation>Қалдық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="66"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="83"/>
        <source>All that remains ({amount})</source>
        <translation>Қалдықтың бәрі ({amount})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="97"/>
        <source>Only a paid payment can be refunded; this one is “{status}”.</source>
        <translation>Тек төленген төлемді қайтаруға болады; бұл төлемнің күйі: «{status}».</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="101"/>
        <source>Nothing remains to refund on this payment.</source>
        <translation>Бұл төлем бойынша қайтаратын қалдық жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="103"/>
        <source>Only {amount} remains: the bank refuses refunds below {minimum}.</source>
        <translation>Тек {amount} қалды: банк {minimum} шегінен кем қайтаруларды қабылдамайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="116"/>
        <source>Describe the reason for the refund.</source>
        <translation>Қайтару себебін жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="126"/>
        <source>Refund {amount}</source>
        <translation>{amount} қайтару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/money/refund_dialog.py" line="129"/>
        <source>Checking with the bank — the refund will not be sent twice.</source>
        <translation>Банкпен тексеріліп жатыр — қайтару екі рет жіберілмейді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="43"/>
        <source>Customer request</source>
        <extracomment>The code of &quot;other&quot;: the reason is stored as ``other: &lt;the words typed&gt;``. (code sent to the service and stored, label), in the order the refund dialog offers them.</extracomment>
        <translation>Сатып алушының өтініші</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="44"/>
        <source>Goods returned</source>
        <translation>Тауар қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="45"/>
        <source>Duplicate payment</source>
        <translation>Қайталанған төлем</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="46"/>
        <source>Wrong amount</source>
        <translation>Қате сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="47"/>
        <source>Other (describe)</source>
        <translation>Басқа (жазыңыз)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="63"/>
        <source>Other: {note}</source>
        <translation>Басқа: {note}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/labels.py" line="67"/>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="130"/>
        <source>Amount:</source>
        <extracomment>The title&apos;s colour role per outcome (resources/theme/colors.json). The panel behind the title and message: the outcome is seen from across the counter.</extracomment>
        <translation>Сома:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="131"/>
        <source>Card:</source>
        <translation>Карта:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="132"/>
        <source>Approval code:</source>
        <translation>Авторизация коды:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="133"/>
        <source>Invoice:</source>
        <translation>Тапсырыс:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="139"/>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="221"/>
        <source>Print receipt (Enter)</source>
        <translation>Чекті басып шығару (Enter)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="143"/>
        <source>Try again</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="146"/>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="222"/>
        <source>New sale</source>
        <translation>Жаңа сату</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="214"/>
        <source>A new charge for this sale is blocked until the bank answers, so the customer is not charged twice.</source>
        <translation>Сатып алушыдан ақша екі рет алынбауы үшін банк жауап бергенше бұл сату бойынша жаңа төлемге тыйым салынған.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="221"/>
        <source>Reprint receipt</source>
        <translation>Чекті қайта басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="222"/>
        <source>New sale (Enter)</source>
        <translation>Жаңа сату (Enter)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="265"/>
        <source>Payment approved</source>
        <translation>Төлем мақұлданды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="266"/>
        <source>Payment declined</source>
        <translation>Төлем қабылданбады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="267"/>
        <source>The payment window expired</source>
        <translation>Төлем уақыты өтіп кетті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="268"/>
        <source>Checking with the bank…</source>
        <translation>Банкпен тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="269"/>
        <source>Waiting for the customer…</source>
        <translation>Сатып алушы күтілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="270"/>
        <source>The payment page is not available</source>
        <translation>Төлем беті қолжетімсіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="271"/>
        <source>Cancelled by the cashier</source>
        <translation>Кассир тоқтатты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="272"/>
        <source>Payment finished</source>
        <translation>Төлем аяқталды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="277"/>
        <source>The money was taken from the card and the receipt is issued. Enter starts the next sale.</source>
        <translation>Ақша картадан алынды, чек берілді. Келесі сату үшін Enter басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="280"/>
        <source>The money was taken from the card. Print the receipt for the customer.</source>
        <translation>Ақша картадан алынды. Сатып алушыға чекті басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="287"/>
        <source>The customer did not pay in time. Nothing was charged. Try again to start a new payment.</source>
        <translation>Сатып алушы уақытында төлемеді. Ештеңе алынған жоқ. Жаңа төлем бастау үшін «Қайталау» басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="291"/>
        <source>The bank has not confirmed the result yet. Keep the customer here: the console keeps asking.</source>
        <translation>Банк нәтижені әлі растаған жоқ. Сатып алушыны кетірмеңіз: консоль банктен сұрауды жалғастыруда.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="295"/>
        <source>The bank&apos;s payment page could not be opened, so the customer could not pay. The console keeps checking with the bank until the payment time is over. Try again to start a new payment.</source>
        <translation>Банктің төлем беті ашылмады, сондықтан сатып алушы төлей алмады. Төлем уақыты біткенше консоль банкпен тексеруді жалғастырады. Жаңа төлем бастау үшін «Қайталау» басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="301"/>
        <source>The sale was cancelled at the counter. The console keeps checking with the bank until the payment time is over, in case the customer had already paid.</source>
        <translation>Сату кассада тоқтатылды. Сатып алушы төлеп қойған болуы мүмкін болғандықтан, төлем уақыты біткенше консоль банкпен тексеруді жалғастырады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/result.py" line="304"/>
        <source>Status: %1</source>
        <translation>Күйі: %1</translation>
    </message>
</context>
<context>
    <name>SavedCardPanel</name>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="55"/>
        <source>Only a manager can deactivate a saved card. Ask a manager to log in.</source>
        <extracomment>Why a cashier&apos;s &quot;Deactivate card&quot; is disabled (docs/decisions/0019).</extracomment>
        <translation>Сақталған картаны тек менеджер өшіре алады. Менеджерден кіруді сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="75"/>
        <source>Pay with a saved card</source>
        <extracomment>3-D Secure: (Payment still unsettled, the issuer&apos;s form to post in the checkout browser).</extracomment>
        <translation>Сақталған картамен төлеу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="80"/>
        <source>Customer id</source>
        <translation>Клиент ID</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="81"/>
        <source>Show cards</source>
        <translation>Карталарды көрсету</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="87"/>
        <source>Charge the card</source>
        <translation>Картадан төлем алу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="90"/>
        <source>Deactivate card…</source>
        <translation>Картаны өшіру…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="97"/>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="102"/>
        <source>Amount:</source>
        <translation>Сома:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="103"/>
        <source>Customer id:</source>
        <translation>Клиент ID:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="146"/>
        <source>Enter the customer id first.</source>
        <translation>Алдымен клиент ID-ін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="148"/>
        <source>Looking for the customer&apos;s cards…</source>
        <translation>Сатып алушының карталары ізделуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="155"/>
        <source>The bank does not allow payments with this card.</source>
        <translation>Банк бұл картамен төлеуге рұқсат бермейді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="166"/>
        <source>Choose the card and press Enter.</source>
        <translation>Картаны таңдап, Enter пернесін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="168"/>
        <source>This customer has no saved cards.</source>
        <translation>Бұл сатып алушының сақталған карталары жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="180"/>
        <source>Deactivate the saved card?</source>
        <translation>Сақталған картаны өшіру керек пе?</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="181"/>
        <source>%1 will no longer be offered for this customer&apos;s payments. The customer can save it again with a new payment.</source>
        <translation>%1 бұдан былай бұл сатып алушының төлемдерінде ұсынылмайды. Сатып алушы оны жаңа төлем кезінде қайта сақтай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="193"/>
        <source>The card %1 was deactivated.</source>
        <translation>%1 картасы өшірілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/checkout/saved_card.py" line="202"/>
        <source>Charging the card…</source>
        <translation>Картадан төлем алынуда…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="102"/>
        <source>No secure keychain on this computer: the client secret cannot be saved. Set EPAYMENT_CLIENT_SECRET for this session or install a keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain)</source>
        <extracomment>services.secret_store.NO_KEYCHAIN as a literal, so pyside6-lupdate extracts it (a test keeps them equal)</extracomment>
        <translation>Бұл компьютерде қауіпсіз кілттер қоймасы жоқ: клиент құпия кілтін сақтау мүмкін емес. Осы сеанс үшін EPAYMENT_CLIENT_SECRET орнатыңыз немесе кілттер қоймасын орнатыңыз (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="141"/>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="167"/>
        <source>Gateway</source>
        <translation>Шлюз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="168"/>
        <source>Receipts</source>
        <translation>Чектер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="169"/>
        <source>Shifts</source>
        <translation>Ауысымдар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="171"/>
        <source>Fiscal register</source>
        <translation>Фискалдық касса</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="172"/>
        <source>This computer</source>
        <translation>Осы компьютер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="42"/>
        <source>Production (real money)</source>
        <extracomment>The declared choices (domain/settings_catalog.py) in the order shown, with their labels.</extracomment>
        <translation>Жұмыс режимі (нақты ақша)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="43"/>
        <source>Bank test hosts (epayment.kz)</source>
        <translation>Банктің тест серверлері (epayment.kz)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="44"/>
        <source>Bank test hosts (homebank.kz, older)</source>
        <translation>Банктің тест серверлері (homebank.kz, ескі)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="45"/>
        <source>Built-in sandbox (no real money)</source>
        <translation>Кірістірілген оқу ортасы (нақты ақша жоқ)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="48"/>
        <source>80 mm roll</source>
        <translation>80 мм таспа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="49"/>
        <source>58 mm roll</source>
        <translation>58 мм таспа</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="50"/>
        <source>A4 page</source>
        <translation>A4 парағы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_dialog.py" line="275"/>
        <source>Only a manager or an administrator can change the settings.</source>
        <translation>Баптауларды тек менеджер немесе әкімші өзгерте алады.</translation>
    </message>
</context>
<context>
    <name>ShiftBankCheck</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/bank_progress.py" line="71"/>
        <source>&amp;Stop the check</source>
        <translation>Тексеруді &amp;тоқтату</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/bank_progress.py" line="91"/>
        <source>Asking the bank about the shift&apos;s payments…</source>
        <translation>Ауысым төлемдері банктен сұралуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/bank_progress.py" line="94"/>
        <source>Checked with the bank: {done} of {total} payments.</source>
        <translation>Банкпен тексерілген төлемдер: {total} ішінен {done}.</translation>
    </message>
</context>
<context>
    <name>ShiftFlows</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="62"/>
        <source>No open shift</source>
        <translation>Ашық ауысым жоқ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="71"/>
        <source>Open shift</source>
        <translation>Ауысымды ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="90"/>
        <source>X report</source>
        <translation>X-есеп</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="91"/>
        <source>The X report shows the open shift&apos;s figures so far and changes nothing.

Compare them with the bank too? Every payment of the shift is checked with the bank: this can take a while, and it can be stopped.</source>
        <translation>X-есеп ашық ауысымның қазіргі көрсеткіштерін көрсетеді және ештеңені өзгертпейді.

Оларды банкпен де салыстыру керек пе? Ауысымның әр төлемі банкпен тексеріледі: бұл біраз уақыт алуы мүмкін, тексеруді тоқтатуға болады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="57"/>
        <source>No shift is open at register {register} now: it may have been closed meanwhile on another computer of this register (its Z report is in Shift, Shift history). Open a new one with Shift, Open shift.</source>
        <translation>{register} кассасында қазір ашық ауысым жоқ: оны осы арада осы кассаның басқа компьютерінде жапқан болуы мүмкін (оның Z-есебі: Ауысым, Ауысымдар тарихы). Жаңасын ашыңыз: Ауысым, Ауысымды ашу.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="78"/>
        <source>&amp;Open shift</source>
        <translation>Ауысымды &amp;ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="98"/>
        <source>Check with the &amp;bank</source>
        <translation>Банкпен &amp;салыстыру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="98"/>
        <source>&amp;Figures only</source>
        <translation>Тек &amp;көрсеткіштер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="72"/>
        <source>Open a new shift at register {register}?

The payments taken here from now on are counted in it until it is closed with a Z report.</source>
        <translation>{register} кассасында жаңа ауысым ашылсын ба?

Осы сәттен бастап мұнда қабылданған төлемдер ауысым Z-есеппен жабылғанға дейін онда есептеледі.</translation>
    </message>
    <message>
        <source>Shift {number} stays open</source>
        <translation type="vanished">№{number} ауысым ашық қалады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="181"/>
        <source>The bank check was stopped, so shift {shift} was not closed: it stays open and payments go on being counted in it.

Close it again when you are ready.</source>
        <translation>Банкпен тексеру тоқтатылды, сондықтан {shift} ауысымы жабылмады: ол ашық қалады және төлемдер онда есептеле береді.

Дайын болғанда оны қайта жабыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="107"/>
        <source>X report: checking with the bank</source>
        <translation>X-есеп: банкпен тексеру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="108"/>
        <source>Stopping the check changes nothing: the X report is simply not made.</source>
        <translation>Тексеруді тоқтату ештеңені өзгертпейді: X-есеп жай ғана жасалмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="139"/>
        <source>Closing shift {number}: checking with the bank</source>
        <translation>№{number} ауысымды жабу: банкпен тексеру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="140"/>
        <source>Stopping the check leaves shift {number} open: nothing is closed.</source>
        <translation>Тексеруді тоқтатсаңыз, №{number} ауысым ашық қалады: ештеңе жабылмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/flows.py" line="180"/>
        <source>The shift stays open</source>
        <translation>Ауысым ашық қалады</translation>
    </message>
</context>
<context>
    <name>ShiftHistoryDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="91"/>
        <source>open now</source>
        <translation>қазір ашық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="175"/>
        <source>The newest first. Open a closed shift to read, print or save its Z report again.</source>
        <translation>Ең жаңасы басында. Z-есебін қайта оқу, басып шығару не сақтау үшін жабылған ауысымды ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="177"/>
        <source>No shift has been opened at this register yet (Shift &gt; Open shift).</source>
        <translation>Бұл кассада әлі ауысым ашылмаған (Ауысым &gt; Ауысымды ашу).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Shift</source>
        <translation>Ауысым</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Opened by</source>
        <translation>Ашқан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Closed</source>
        <translation>Жабылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Closed by</source>
        <translation>Жапқан</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="179"/>
        <source>Net</source>
        <translation>Түсім</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="132"/>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="207"/>
        <source>&amp;Open report</source>
        <translation>Есепті &amp;ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="134"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="207"/>
        <source>Show the &amp;X report</source>
        <translation>&amp;X-есепті көрсету</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="98"/>
        <source>{net} so far</source>
        <translation>қазірге дейін {net}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="173"/>
        <source>Shift history — register {register}</source>
        <translation>Ауысымдар тарихы — касса: {register}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/history.py" line="211"/>
        <source>Shift {number} is still open: it gets its Z report when it is closed (Shift &gt; Close shift). Its X report shows the figures so far and changes nothing.</source>
        <translation>№{number} ауысым әлі ашық: Z-есеп ол жабылғанда жасалады (Ауысым &gt; Ауысымды жабу). X-есеп осы сәтке дейінгі сомаларды көрсетеді және ештеңені өзгертпейді.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="120"/>
        <source>Net taken</source>
        <translation>Таза түсім</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="105"/>
        <source>Status differs</source>
        <translation>Күйі сәйкес емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="93"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="303"/>
        <source>Sales</source>
        <translation>Сатулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="94"/>
        <source>Holds</source>
        <translation>Бұғатталғандар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="95"/>
        <source>Charges</source>
        <translation>Есептен шығарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="96"/>
        <source>Cancellations</source>
        <translation>Күшін жоюлар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="97"/>
        <source>Refunds</source>
        <translation>Қайтарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="206"/>
        <source>Nothing in this shift.</source>
        <translation>Бұл ауысымда ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="210"/>
        <source>Net</source>
        <translation>Түсім</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="229"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="332"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="386"/>
        <source>Invoice</source>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="230"/>
        <source>What differs</source>
        <translation>Не сәйкес емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="231"/>
        <source>The console says</source>
        <translation>Консоль бойынша</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="232"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="335"/>
        <source>The bank says</source>
        <translation>Банк бойынша</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="430"/>
        <source>By cashier and by card brand</source>
        <translation>Кассирлер және карта түрлері бойынша</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="471"/>
        <source>Z report — shift {number}, register {register}</source>
        <translation>Z-есеп — №{number} ауысым, касса: {register}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="472"/>
        <source>The shift is closed: these figures are final and kept with the shift.</source>
        <translation>Ауысым жабылды: бұл сомалар түпкілікті және ауысыммен бірге сақталды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="474"/>
        <source>X report — shift {number}, register {register}</source>
        <translation>X-есеп — №{number} ауысым, касса: {register}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="475"/>
        <source>The shift is open: the figures so far. Nothing was changed or closed.</source>
        <translation>Ауысым ашық: осы сәтке дейінгі сомалар. Ештеңе өзгертілмеді және жабылмады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="489"/>
        <source>still open</source>
        <translation>әлі ашық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="518"/>
        <source>Totals</source>
        <translation>Жиынтық</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="535"/>
        <source>The bank check</source>
        <translation>Банкпен салыстыру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="599"/>
        <source>Audit log anchor</source>
        <translation>Аудит журналының бақылау белгісі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="609"/>
        <source>The audit log&apos;s anchor at the close, kept with the shift. Checked later (Settings &gt; Audit log anchor), it shows whether the log was cut or rewritten since.</source>
        <translation>Жабу сәтіндегі аудит журналының бақылау белгісі, ауысыммен бірге сақталды. Кейін тексерсеңіз (Баптаулар &gt; Аудит журналының бақылау белгісі), журнал содан бері қысқартылған не қайта жазылған-жазылмағанын көрсетеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="144"/>
        <source>The language of the printed report and of its PDF and CSV files.</source>
        <translation>Басып шығарылған есептің және оның PDF, CSV файлдарының тілі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="146"/>
        <source>Report &amp;language:</source>
        <translation>Есеп &amp;тілі:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="192"/>
        <source>Z report — shift {shift}</source>
        <translation>Z-есеп — {shift} ауысымы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="194"/>
        <source>X report — shift {shift}</source>
        <translation>X-есеп — {shift} ауысымы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="290"/>
        <source>This register has no receipt printer (a manager adds one in Settings &gt; Receipt printers): choose a printer for the A4 report, or save it as PDF.</source>
        <translation>Бұл кассада чек принтері жоқ (оны менеджер Баптаулар &gt; Чек принтерлері бөлімінде қосады): A4 есебі үшін принтер таңдаңыз немесе есепті PDF ретінде сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="311"/>
        <source>Sent to the printer.</source>
        <translation>Принтерге жіберілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="431"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="432"/>
        <source>Card brand</source>
        <translation>Карта түрі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="434"/>
        <source>Each cell: the amount and, in brackets, how many.</source>
        <translation>Әр ұяшықта: сома және жақша ішінде саны.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="494"/>
        <source>Opened:</source>
        <translation>Ашылды:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="499"/>
        <source>Closed:</source>
        <translation>Жабылды:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="500"/>
        <source>Report made:</source>
        <translation>Есеп жасалды:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="501"/>
        <source>Register:</source>
        <translation>Касса:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="502"/>
        <source>Shift number:</source>
        <translation>Ауысым нөмірі:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="307"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="368"/>
        <source>Count</source>
        <translation>Саны</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="307"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="368"/>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="388"/>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="539"/>
        <source>The payments were not checked with the bank: the check was skipped at the close.</source>
        <translation>Төлемдер банкпен салыстырылмады: жабу кезінде салыстыру өткізіп жіберілді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="542"/>
        <source>The bank was not asked for this report: the figures are the console&apos;s own.</source>
        <translation>Бұл есеп үшін банктен сұралмады: сомалар консольдің өз деректері бойынша.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="547"/>
        <source>Payments checked with the bank: {checked} of {total}.</source>
        <translation>Банкпен тексерілген төлемдер: {total} ішінен {checked}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="551"/>
        <source>The bank agrees with the console on every one.</source>
        <translation>Әрқайсысы бойынша банк деректері консольмен сәйкес.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="615"/>
        <source>The audit log is NOT intact, so this report has no anchor.</source>
        <translation>Аудит журналы БҮТІН ЕМЕС, сондықтан бұл есепте бақылау белгісі жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="148"/>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="188"/>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="150"/>
        <source>Save as P&amp;DF…</source>
        <translation>PDF ретінде &amp;сақтау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="151"/>
        <source>Save as &amp;CSV…</source>
        <translation>&amp;CSV ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="152"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="285"/>
        <source>Print &amp;again</source>
        <translation>&amp;Қайта басып шығару</translation>
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
        <translation>Нәтижесі әлі белгісіз операциялар: {count}. Консоль банктен сұрауды жалғастырады; қалғаны бойынша менеджер «Назар аудару керек» бөлімінде шешеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="528"/>
        <source>Every operation&apos;s outcome is known.</source>
        <translation>Әр операцияның нәтижесі белгілі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="561"/>
        <source>Differences found by this check</source>
        <translation>Осы салыстыру тапқан айырмашылықтар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="568"/>
        <source>Not checked: check these payments with the bank later</source>
        <translation>Тексерілмегендер: бұл төлемдерді банкпен кейін тексеріңіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="572"/>
        <source>Still open in the books: a manager resolves them in Needs attention</source>
        <translation>Есепте әлі ашық: менеджер оларды «Назар аудару керек» бөлімінде шешеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="265"/>
        <source>Printing on {printer}…</source>
        <translation>{printer} принтерінде басылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="277"/>
        <source>Printed on {printer}.</source>
        <translation>{printer} принтерінде басылды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="282"/>
        <source>The printer did not say whether it printed.</source>
        <translation>Принтер есепті басып шығарғанын не шығармағанын хабарламады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="319"/>
        <source>Save the shift report as PDF</source>
        <translation>Ауысым есебін PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="319"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="327"/>
        <source>Save the shift report as CSV</source>
        <translation>Ауысым есебін CSV ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="327"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="565"/>
        <source>No differences found by this check.</source>
        <translation>Бұл салыстыру айырмашылық тапқан жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="345"/>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="354"/>
        <source>Could not save: {why}</source>
        <translation>Сақтау мүмкін болмады: {why}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="251"/>
        <source>Charged (sales and charges)</source>
        <translation>Есептен шығарылды (сатулар мен есептен шығарулар)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="251"/>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="254"/>
        <source>Console</source>
        <translation>Консоль</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="255"/>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="256"/>
        <source>Difference</source>
        <translation>Айырма</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="276"/>
        <source>{when}, X report</source>
        <translation>{when}, X-есеп</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="244"/>
        <source>Found</source>
        <translation>Табылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="275"/>
        <source>{when}, at a close</source>
        <translation>{when}, жабу кезінде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="557"/>
        <source>The bank&apos;s column covers the payments checked: {checked} of {total}.</source>
        <translation>Банк бағаны тек тексерілген төлемдер бойынша: {total} ішінен {checked}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="585"/>
        <source>Found earlier in this shift: the check took the bank&apos;s answer then, so the console was corrected</source>
        <translation>Осы ауысымда бұрын табылған: салыстыру сол кезде банк жауабын алды, консоль түзетілді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="554"/>
        <source>The console&apos;s and the bank&apos;s totals for the shift&apos;s payments</source>
        <translation>Ауысым төлемдері бойынша консоль мен банк сомалары</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_view.py" line="188"/>
        <source>&amp;Print</source>
        <translation>&amp;Басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="321"/>
        <source>Sales and refunds the bank confirmed: {expected}. Receipts at the fiscal register: {held}.</source>
        <translation>Банк растаған сатулар мен қайтарулар: {expected}. Онлайн-кассадағы чектер: {held}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="302"/>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="304"/>
        <source>Sale returns</source>
        <translation>Сатуды қайтарулар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="327"/>
        <source>Every receipt agrees with the bank.</source>
        <translation>Барлық чектер банк деректерімен сәйкес келеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="349"/>
        <source>The fiscal register&apos;s Z report: its shift {number} is closed</source>
        <translation>Онлайн-кассаның Z-есебі: {number} касса ауысымы жабылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="351"/>
        <source>The fiscal register&apos;s X report: its shift {number} stays open</source>
        <translation>Онлайн-кассаның X-есебі: {number} касса ауысымы ашық қалады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="315"/>
        <source>The fiscal register ({provider})</source>
        <translation>Онлайн-касса ({provider})</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="318"/>
        <source>The fiscal register was not checked.</source>
        <translation>Онлайн-касса тексерілмеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="330"/>
        <source>Mismatches</source>
        <translation>Сәйкессіздіктер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="333"/>
        <source>Receipt number</source>
        <translation>Чек нөмірі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="334"/>
        <source>What is wrong</source>
        <translation>Мәселе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="336"/>
        <source>The register holds</source>
        <translation>Онлайн-кассада</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="344"/>
        <source>What to do</source>
        <translation>Не істеу керек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="375"/>
        <source>Outside any shift</source>
        <translation>Ауысымнан тыс</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="376"/>
        <source>Taken or moved at this register while it had no shift open, from {since} to {until}. It is not in this shift&apos;s totals: count it beside them.</source>
        <translation>Осы кассада ауысым ашық болмаған кезде қабылданған немесе жүргізілген, {since} бастап {until} дейін. Бұл ауысымның жиынтығына кірмейді: оларды қатар есептеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="385"/>
        <source>When</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="387"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/shifts/report_page.py" line="389"/>
        <source>Asked by</source>
        <translation>Сұраған</translation>
    </message>
</context>
<context>
    <name>ShiftsPage</name>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="307"/>
        <source> h</source>
        <translation> сағ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="310"/>
        <source>A cashier may close a shift with a manager signing in</source>
        <translation>Менеджер кіріп растаса, кассир ауысымды жаба алады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="314"/>
        <source>Check every payment with the bank at the close (Z report)</source>
        <translation>Ауысым жабылғанда әр төлемді банкпен тексеру (Z-есеп)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="319"/>
        <source>Take payments only during an open shift</source>
        <translation>Төлемдерді тек ауысым ашық кезде қабылдау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="325"/>
        <source>Without the first rule only a manager closes a shift. Without the bank check the one closing may skip it; the Z report then says the payments were not checked with the bank. With the last rule a refund, and a hold&apos;s charge or cancellation, also needs an open shift at the counter. Shared by every counter; applies at once.</source>
        <translation>Бірінші ережесіз ауысымды тек менеджер жабады. Банкпен тексеру міндетті болмаса, жабушы оны өткізіп жібере алады; сонда Z-есепте төлемдер банкпен тексерілмегені жазылады. Соңғы ережемен қайтаруға, сондай-ақ бұғатталған соманы есептен шығаруға немесе оның күшін жоюға да кассада ашық ауысым керек. Барлық кассаларға ортақ; бірден күшіне енеді.</translation>
    </message>
    <message>
        <source>Without the first rule only a manager closes a shift. Without the bank check the one closing may skip it; the Z report then says the payments were not checked with the bank. Shared by every counter; applies at once.</source>
        <translation type="vanished">Бірінші ережесіз ауысымды тек менеджер жабады. Банкпен тексеру міндетті болмаса, жабушы оны өткізіп жібере алады; сонда Z-есепте төлемдер банкпен тексерілмегені жазылады. Барлық кассаларға ортақ; бірден күшіне енеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="336"/>
        <source>Warn about a shift open for</source>
        <translation>Ауысым осынша уақыт ашық тұрса, ескерту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/settings/settings_pages.py" line="359"/>
        <source>Type the hours after which an open shift is warned about: {low} to {high}.</source>
        <translation>Ашық ауысым туралы неше сағаттан кейін ескерту керегін жазыңыз: {low}…{high} аралығында.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="183"/>
        <source>Keyboard shortcuts</source>
        <translation>Пернелер тіркесімдері</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="185"/>
        <source>A greyed command cannot be used now: point at it to read why.</source>
        <translation>Сұр түсті команда қазір қолжетімсіз: себебін оқу үшін меңзерді оның үстіне апарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="186"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="184"/>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="184"/>
        <source>Key</source>
        <translation>Пернелер</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="84"/>
        <source>Open the selected payment</source>
        <extracomment>The keys that are no menu command (what they do, the key), as docs/user-guide.md&apos;s key table says.</extracomment>
        <translation>Таңдалған төлемді ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="85"/>
        <source>Print the receipt on a sale&apos;s result</source>
        <translation>Сату нәтижесі экранында чекті басып шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="87"/>
        <source>Close the payment window once the sale is settled</source>
        <translation>Сату аяқталғанда «Жаңа төлем» терезесін жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="91"/>
        <source>Clear the search (in the search box or the list)</source>
        <translation>Іздеуді тазалау (іздеу өрісінде немесе тізімде)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="95"/>
        <source>Show all payments when the filters hide the selected one</source>
        <translation>Сүзгілер таңдалған төлемді жасырғанда, барлық төлемдерді көрсету</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/shortcuts.py" line="196"/>
        <source>Other keys</source>
        <translation>Басқа пернелер</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="102"/>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="103"/>
        <source>Waiting</source>
        <extracomment>(background, text) theme roles per tone (resources/theme/colors.json); text colours keep at least 4.5:1 contrast on their background (tests/ui/widgets/test_status_badge.py and test_theme.py measure it).</extracomment>
        <translation>Күтілуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="104"/>
        <source>Paying…</source>
        <translation>Төленуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="105"/>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="125"/>
        <source>Checking…</source>
        <extracomment>Pale tones: their dot gets an outline so it shows on a white menu. A payment whose money operation waits shows this in the list instead of its status.</extracomment>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="106"/>
        <source>Authorised</source>
        <translation>Бұғатталды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="107"/>
        <source>Paid</source>
        <translation>Төленді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="108"/>
        <source>Card verified</source>
        <translation>Карта тексерілді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="109"/>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="110"/>
        <source>Cancelled</source>
        <translation>Күші жойылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="111"/>
        <source>Hold expired</source>
        <translation>Бұғаттау мерзімі өтті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="112"/>
        <source>Expired</source>
        <translation>Мерзімі өтті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="113"/>
        <source>Declined</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="114"/>
        <source>Failed</source>
        <translation>Сәтсіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="115"/>
        <source>3-D Secure failed</source>
        <translation>3-D Secure өтпеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="116"/>
        <source>Cashier cancelled</source>
        <translation>Кассир тоқтатты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="117"/>
        <source>Page failed</source>
        <translation>Бет ашылмады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/widgets/status_badge.py" line="126"/>
        <source>Needs review</source>
        <translation>Қарау керек</translation>
    </message>
</context>
<context>
    <name>UserAccountDialogs</name>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="41"/>
        <source>Type the new PIN or password.</source>
        <translation>Жаңа PIN-кодты немесе құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="47"/>
        <source>Type the PIN or password again in Repeat it.</source>
        <translation>PIN-кодты немесе құпиясөзді «Қайталап енгізіңіз» өрісіне қайта жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="49"/>
        <source>The two PINs or passwords are not the same.</source>
        <translation>Екі PIN-код немесе құпиясөз бірдей емес.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="75"/>
        <source>Set the new PIN</source>
        <translation>Жаңа PIN-кодты орнату</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="87"/>
        <source>New PIN or password</source>
        <translation>Жаңа PIN-код немесе құпиясөз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="88"/>
        <source>Repeat it</source>
        <translation>Қайталап енгізіңіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="142"/>
        <source>A cashier takes payments; a manager also refunds, charges, cancels, approves and manages users; an administrator also manages administrators.</source>
        <translation>Кассир төлем қабылдайды; менеджер бұған қоса қайтарады, есептен шығарады, күшін жояды, мақұлдайды және пайдаланушыларды басқарады; әкімші бұған қоса әкімшілерді басқарады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="152"/>
        <source>Change role</source>
        <translation>Рөлді өзгерту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="156"/>
        <source>New role</source>
        <translation>Жаңа рөл</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="45"/>
        <source>This PIN or password cannot be used.</source>
        <translation>Бұл PIN-кодты немесе құпиясөзді қолдануға болмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="65"/>
        <source>Reset the PIN of {name}</source>
        <translation>{name}: PIN-кодты қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="79"/>
        <source>{name} logs in with the new PIN or password from now on; a lock after wrong tries is cleared too. Tell it to them in person.</source>
        <translation>{name} бұдан былай жаңа PIN-кодпен немесе құпиясөзбен кіреді; қате әрекеттерден кейінгі құлып та алынады. Оны пайдаланушыға жеке айтыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="130"/>
        <source>Change the role of {name}</source>
        <translation>{name}: рөлді өзгерту</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/account_dialogs.py" line="135"/>
        <source>{name} is a {role} now. The new role takes effect at once, also if they are logged in.</source>
        <translation>{name} енді {role} рөлінде. Жаңа рөл бірден күшіне енеді, пайдаланушы жүйеде отырса да.</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="141"/>
        <source>User guide</source>
        <translation>Пайдаланушы нұсқаулығы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="142"/>
        <source>&amp;Find:</source>
        <translation>&amp;Іздеу:</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="143"/>
        <source>a word in the guide</source>
        <translation>нұсқаулықтағы сөз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="147"/>
        <source>&amp;Previous</source>
        <translation>&amp;Алдыңғы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="148"/>
        <source>&amp;Next</source>
        <translation>&amp;Келесі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="149"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="238"/>
        <source>Not found</source>
        <translation>Табылмады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/window/user_guide.py" line="154"/>
        <source>The user guide cannot be shown: {error}</source>
        <translation>Пайдаланушы нұсқаулығын көрсету мүмкін емес: {error}</translation>
    </message>
</context>
<context>
    <name>UsersAdmin</name>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="173"/>
        <source>Unlock</source>
        <translation>Құлпын ашу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="174"/>
        <source>Reset PIN…</source>
        <translation>PIN-кодты қалпына келтіру…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="175"/>
        <source>Change role…</source>
        <translation>Рөлді өзгерту…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="176"/>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="283"/>
        <source>Deactivate</source>
        <translation>Өшіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="184"/>
        <source>Add user</source>
        <translation>Пайдаланушы қосу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="188"/>
        <source>Add a user</source>
        <translation>Пайдаланушы қосу</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="190"/>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="191"/>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="192"/>
        <source>PIN or password</source>
        <translation>PIN-код немесе құпиясөз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="193"/>
        <source>Repeat it</source>
        <translation>Қайталап енгізіңіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="204"/>
        <source>Select a user, then choose what to do. Each change is saved as soon as you make it, also for a user who is logged in now.</source>
        <translation>Пайдаланушыны таңдап, не істеу керегін таңдаңыз. Әр өзгеріс бірден сақталады, қазір жүйеде отырған пайдаланушы үшін де.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="236"/>
        <source>Type the new user&apos;s name and PIN or password.</source>
        <translation>Жаңа пайдаланушының атын және PIN-кодын немесе құпиясөзін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="247"/>
        <source>Wait until the change being saved is done.</source>
        <translation>Сақталып жатқан өзгеріс аяқталғанша күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="249"/>
        <source>Select a user in the list.</source>
        <translation>Тізімнен пайдаланушыны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="251"/>
        <source>Only an administrator can change an administrator&apos;s account.</source>
        <translation>Әкімшінің тіркелгісін тек әкімші өзгерте алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="259"/>
        <source>You cannot change your own role; ask another manager or an administrator.</source>
        <translation>Өз рөліңізді өзгерте алмайсыз; басқа менеджерден немесе әкімшіден сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="261"/>
        <source>There is no other role you may give this user.</source>
        <translation>Бұл пайдаланушыға бере алатын басқа рөл жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="269"/>
        <source>You cannot deactivate your own account; ask another manager or an administrator.</source>
        <translation>Өз тіркелгіңізді өшіре алмайсыз; басқа менеджерден немесе әкімшіден сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="283"/>
        <source>Activate</source>
        <translation>Белсендіру</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="292"/>
        <source>Only an administrator can unlock an administrator.</source>
        <translation>Әкімшінің құлпын тек әкімші аша алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="296"/>
        <source>This account is not locked.</source>
        <translation>Бұл тіркелгі құлыпталмаған.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="354"/>
        <source>Added {name} ({role}).</source>
        <translation>{name} ({role}) қосылды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="365"/>
        <source>{name} is unlocked and can log in again.</source>
        <translation>{name} құлпы ашылды, ол қайта кіре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="377"/>
        <source>{name} is active again.</source>
        <translation>{name} қайта белсенді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="377"/>
        <source>{name} can no longer log in.</source>
        <translation>{name} енді кіре алмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="405"/>
        <source>{name} has a new PIN and can log in with it now.</source>
        <translation>{name} жаңа PIN-код алды және қазір онымен кіре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="422"/>
        <source>{name} is now a {role}.</source>
        <translation>{name} енді {role} рөлінде.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../epay_desktop/ui/users/users_dialog.py" line="35"/>
        <source>Users</source>
        <translation>Пайдаланушылар</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_dialog.py" line="52"/>
        <source>Only a manager or an administrator can manage users.</source>
        <translation>Пайдаланушыларды тек менеджер немесе әкімші басқара алады.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="127"/>
        <source>Name</source>
        <extracomment>What a change says when it is done or refused: a function when composed (said again after a switch).</extracomment>
        <translation>Аты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="128"/>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="129"/>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="149"/>
        <source>deactivated</source>
        <translation>өшірілген</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="151"/>
        <source>locked until {time}</source>
        <translation>{time} болғанша құлыпталған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/users/users_admin.py" line="152"/>
        <source>active</source>
        <translation>белсенді</translation>
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
        <translation>Аяқталмады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/common/asyncqt.py" line="373"/>
        <source>Working… please wait</source>
        <translation>Орындалуда… күте тұрыңыз</translation>
    </message>
</context>
<context>
    <name>books</name>
    <message>
        <location filename="../../epay_desktop/services/payments/books.py" line="352"/>
        <source>Say what was found (for example what the bank&apos;s merchant cabinet shows) to resolve a discrepancy.</source>
        <extracomment>Decision 0037: besides every payment with an unresolved operation or an open discrepancy, each run checks at most :data:`BOOKS_LIMIT` charged/held/refunded payments created or changed in the last :data:`BOOKS_WINDOW`, least recently checked first. Older payments: issue 10 (a full scan). ... and a long-running console walks that window at most this often (the first run always does).</extracomment>
        <translation>Сәйкессіздікті шешу үшін не анықталғанын жазыңыз (мысалы, банктің мерчант кабинетінде не көрсетілгенін).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/books.py" line="363"/>
        <source>Only a manager can resolve a difference between the books and the bank.</source>
        <translation>Есеп пен банк арасындағы айырмашылықты тек менеджер шеше алады.</translation>
    </message>
</context>
<context>
    <name>bounds</name>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="103"/>
        <source>{text} is not a whole number from {lowest} to {highest} (digits 0-9 only).</source>
        <translation>Бұл {lowest} – {highest} аралығындағы бүтін сан емес: {text} (тек 0-9 цифрлары).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="87"/>
        <source>{value} is outside {lowest} to {highest}.</source>
        <translation>Сан рұқсат етілген аралықтан тыс: {value} ({lowest} – {highest} болуы керек).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="74"/>
        <source>{text} is not a date; write it like 2024-05-31.</source>
        <translation>Бұл күн емес: {text}; былай жазыңыз: 2024-05-31.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/bounds.py" line="52"/>
        <source>The date {day} is outside {earliest} to {latest}; check the year.</source>
        <extracomment>The console has no payments before 2000 and keeps no plans past 2100. The most rows one list or page may ask for. The largest id a database row can have (a signed 64-bit integer).</extracomment>
        <translation>Күн рұқсат етілген аралықтан тыс: {day} ({earliest} – {latest} болуы керек); жылды тексеріңіз.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../epay_desktop/cli/common.py" line="210"/>
        <source>Only a manager or an administrator can {what}.</source>
        <extracomment>A database command: gets the open app and the parsed arguments, returns the exit code.</extracomment>
        <translation>Мұны тек менеджер немесе әкімші орындай алады: {what}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/money.py" line="73"/>
        <source>A cashier&apos;s {word_kind} needs a manager&apos;s approval: add --approved-by MANAGER.</source>
        <translation>Кассирдің операциясын ({word_kind}) менеджер мақұлдауы керек: --approved-by MANAGER қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/display_check.py" line="89"/>
        <source>no display: DISPLAY and WAYLAND_DISPLAY are not set, so the console has nowhere to open its window; run it on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check</source>
        <translation>дисплей жоқ: DISPLAY және WAYLAND_DISPLAY орнатылмаған, сондықтан консоль терезесін ашатын жер жоқ; оны жұмыс үстелінде іске қосыңыз немесе экрансыз тексеру үшін QT_QPA_PLATFORM=offscreen орнатыңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/display_check.py" line="100"/>
        <source>cannot show windows: Qt&apos;s xcb plugin needs a system library that is missing ({problem}); run ./scripts/demo.sh as root to install them, or see docs/fresh-machine.md for the apt-get line</source>
        <translation>терезелерді көрсету мүмкін емес: Qt-тың xcb плагиніне жетіспейтін жүйелік кітапхана керек ({problem}); оларды орнату үшін ./scripts/demo.sh-ты root ретінде іске қосыңыз немесе apt-get жолын docs/fresh-machine.md ішінен қараңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/shifts.py" line="187"/>
        <source>A cashier closes a shift with a manager: add --approved-by MANAGER.</source>
        <translation>Кассир ауысымды менеджермен бірге жабады: --approved-by MANAGER қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/fiscal.py" line="184"/>
        <source>A cashier closes the fiscal shift with a manager: add --approved-by MANAGER.</source>
        <translation>Кассир касса ауысымын менеджермен бірге жабады: --approved-by MANAGER қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/cli/fiscal.py" line="187"/>
        <source>A cashier sends a receipt to another cash register with a manager: add --approved-by MANAGER.</source>
        <translation>Кассир чекті басқа онлайн-кассаға менеджермен бірге жібереді: --approved-by MANAGER қосыңыз.</translation>
    </message>
</context>
<context>
    <name>day</name>
    <message>
        <location filename="../../epay_desktop/services/payments/day.py" line="64"/>
        <source>Only a manager or an administrator can see the day&apos;s figures.</source>
        <translation>Күн көрсеткіштерін тек менеджер немесе әкімші көре алады.</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../epay_desktop/demo/__init__.py" line="152"/>
        <source>The demo folder {folder} cannot be used: {path} cannot be read ({problem}). Start the demo with another folder (--demo-home), or move this one away.</source>
        <extracomment>Today&apos;s demo shift was seeded (or skipped: the register had shifts of its own). What the bank did to the demo shift that the console was not told (:class:`BankOnly`, as JSON). The demo&apos;s fiscal register (the fiscal sandbox&apos;s state, decision 0138). Shown on the login screen in demo mode only. The manager comes first: the first user of an empty database must be a manager.</extracomment>
        <translation>{folder} демо қалтасын пайдалану мүмкін емес: {path} файлы оқылмайды ({problem}). Демоны басқа қалтамен іске қосыңыз (--demo-home) немесе бұл қалтаны басқа жерге жылжытыңыз.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="130"/>
        <source>The {field} is too long: {length} characters, at most {limit}. Shorten it.</source>
        <translation>«{field}» өрісі тым ұзын: {length} таңба, ең көбі {limit}. Мәтінді қысқартыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="116"/>
        <source>The {field} is too long: {size} bytes, the bank takes at most {limit} (a Cyrillic letter takes 2 bytes). Shorten it; nothing was cut.</source>
        <translation>«{field}» өрісі тым ұзын: {size} байт, банк ең көбі {limit} байт қабылдайды (кирилл әрпі 2 байт алады). Мәтінді қысқартыңыз; ештеңе қиылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="104"/>
        <source>The {field} contains a control character ({code}) at position {position}; remove it and type the text again.</source>
        <translation>«{field}» өрісінде басқару таңбасы бар ({code}, орны: {position}); оны өшіріп, мәтінді қайта теріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="98"/>
        <source>The {field} contains an invisible text-direction character ({code}) at position {position}; remove it and type the text again.</source>
        <translation>«{field}» өрісінде мәтін бағытының көрінбейтін таңбасы бар ({code}, орны: {position}); оны өшіріп, мәтінді қайта теріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="57"/>
        <source>shop name or address</source>
        <translation>дүкен атауы не мекенжайы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="56"/>
        <source>note</source>
        <translation>ескертпе</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="55"/>
        <source>reason</source>
        <translation>себеп</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/text.py" line="54"/>
        <source>description</source>
        <extracomment>The gateway&apos;s limit for a payment&apos;s description (docs/epay-api.md §3: &quot;&lt;=125 bytes&quot;, a PHP validator checks bytes; an integration truncates at 125). Counted in UTF-8: a Cyrillic letter is 2 bytes. Any other single-line free text (reason, note, a shop text): long enough for a sentence, short enough for a receipt line and a table cell. Invisible controls that reorder how a line is displayed (Unicode bidi embedding, override, isolate and mark characters, and the Arabic letter mark).</extracomment>
        <translation>сипаттама</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="41"/>
        <source>a symbolic link</source>
        <extracomment>Mode of every file written here: the owner reads and writes, nobody else.</extracomment>
        <translation>символдық сілтеме</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="43"/>
        <source>a named pipe</source>
        <translation>атаулы арна</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="45"/>
        <source>a device</source>
        <translation>құрылғы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="47"/>
        <source>a folder</source>
        <translation>қалта</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="49"/>
        <source>a socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="50"/>
        <source>a special file</source>
        <translation>арнайы файл</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="72"/>
        <source>{path} is {what}, not an ordinary file: nothing was written. Choose a new file name, or an ordinary file to replace.</source>
        <translation>{path} — {what}, кәдімгі файл емес: ештеңе жазылмады. Жаңа файл атауын немесе ауыстыруға болатын кәдімгі файлды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="86"/>
        <source>The folder {folder} does not exist: choose another one.</source>
        <translation>{folder} қалтасы жоқ: басқасын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/safe_files.py" line="94"/>
        <source>The console may not write in {folder}: nothing was written. Choose another folder.</source>
        <translation>Консоль {folder} қалтасына жаза алмайды: ештеңе жазылмады. Басқа қалтаны таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>fiscal</name>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="59"/>
        <source>The fiscal register reported a problem. The receipt will be registered again later.</source>
        <translation>Онлайн-касса мәселе туралы хабарлады. Чек кейінірек қайта тіркеледі.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="67"/>
        <source>Could not reach the fiscal register. Nothing was registered, so it is safe to try again; check the internet connection.</source>
        <extracomment>Retrying cannot help until someone acts (closes the shift, fixes the settings, calls the provider).</extracomment>
        <translation>Онлайн-кассаға қосылу мүмкін болмады. Ештеңе тіркелмеді, қайталау қауіпсіз; интернет байланысын тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="76"/>
        <source>The fiscal register did not confirm the receipt, so it may or may not be registered. The console asks again with the same receipt number; it is never registered twice.</source>
        <translation>Онлайн-касса чекті растамады, сондықтан ол тіркелген болуы да, тіркелмеген болуы да мүмкін. Консоль сол чек нөмірімен қайта сұрайды; чек екі рет тіркелмейді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="85"/>
        <source>The fiscal register sent an answer the console could not understand. Try again; contact support if it keeps happening.</source>
        <translation>Онлайн-касса консоль түсінбеген жауап жіберді. Қайталап көріңіз; бұл қайталана берсе, қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="99"/>
        <source>The fiscal register did not accept the API key, login or password. Nothing was registered; check them in the fiscal settings.</source>
        <translation>Онлайн-касса API кілтін, логинді немесе құпиясөзді қабылдамады. Ештеңе тіркелмеді; оларды онлайн-касса баптауларынан тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="107"/>
        <source>The fiscal register refused: this cash register is unknown or not available to this login. Nothing was registered; check the cash register&apos;s unique number and the cashier&apos;s rights.</source>
        <translation>Онлайн-касса бас тартты: бұл касса белгісіз немесе осы логинге қолжетімсіз. Ештеңе тіркелмеді; кассаның зауыттық нөмірін және кассирдің құқықтарын тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="115"/>
        <source>The cash register is blocked, not activated or has no valid licence. Nothing was registered; call the fiscal provider.</source>
        <translation>Касса бұғатталған, белсендірілмеген немесе жарамды лицензиясы жоқ. Ештеңе тіркелмеді; онлайн-касса провайдеріне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="127"/>
        <source>The fiscal shift has been open for more than 24 hours. Nothing was registered; close the shift (Z report), then register the receipt again.</source>
        <translation>Касса ауысымы 24 сағаттан артық ашық тұр. Ештеңе тіркелмеді; ауысымды жабыңыз (Z-есеп), содан кейін чекті қайта тіркеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="135"/>
        <source>The cash register has worked offline for more than 72 hours and is blocked until it reaches the fiscal data operator. Nothing was registered; call the fiscal provider.</source>
        <translation>Касса 72 сағаттан артық автономды режимде жұмыс істеді және фискалдық деректер операторымен байланысқанша бұғатталды. Ештеңе тіркелмеді; онлайн-касса провайдеріне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="143"/>
        <source>The fiscal shift is already closed. Nothing needs to be done.</source>
        <translation>Касса ауысымы жабылып қойған. Ештеңе істеудің қажеті жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="150"/>
        <source>The fiscal register has no such receipt or shift. Nothing was changed.</source>
        <translation>Онлайн-кассада мұндай чек немесе ауысым жоқ. Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/fiscal/errors.py" line="156"/>
        <source>The fiscal register refused the receipt&apos;s data (amount, VAT or name). Nothing was registered; check the fiscal settings (VAT rate, taxation).</source>
        <translation>Онлайн-касса чектің деректерін қабылдамады (сома, ҚҚС немесе атауы). Ештеңе тіркелмеді; онлайн-касса баптауларын тексеріңіз (ҚҚС мөлшерлемесі, салық салу).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="94"/>
        <source>Only a manager or an administrator can close the fiscal shift (Z report): ask a manager.</source>
        <extracomment>A refusal that needs a person is asked again by the periodic reconcile this long after the last try (the person may have closed the shift meanwhile), never sooner.</extracomment>
        <translation>Касса ауысымын (Z-есеп) тек менеджер немесе әкімші жаба алады: менеджерге жүгініңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="100"/>
        <source>Only a manager or an administrator can send a receipt to another cash register: ask a manager.</source>
        <translation>Чекті басқа онлайн-кассаға тек менеджер немесе әкімші жібере алады: менеджерге жүгініңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="105"/>
        <source>The receipt {number} is not waiting for a person to choose its cash register.</source>
        <translation>{number} чегі онлайн-кассаның таңдалуын күтіп тұрған жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/service.py" line="565"/>
        <source>The fiscal provider refused the receipt. Check the fiscal settings and the cash register.</source>
        <extracomment>Builds the configured connection, or None when no provider is configured.</extracomment>
        <translation>Фискалдық сервис чекті қабылдамады. Фискалдық баптауларды және кассаны тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="318"/>
        <source>The fiscal provider did not accept the API key, login or password: check them and try again.</source>
        <translation>Фискалдық сервис API кілтін, логинді немесе құпиясөзді қабылдамады: оларды тексеріп, қайта көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="292"/>
        <source>Fill in the address, login, cash register number, API key and password first.</source>
        <translation>Алдымен мекенжайды, логинді, БКМ зауыттық нөмірін, API кілтін және құпиясөзді толтырыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="305"/>
        <source>Connected to {provider}: no shift is open; the next receipt opens one.</source>
        <translation>{provider} сервисімен байланыс бар: ауысым ашылмаған; келесі чек оны ашады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="322"/>
        <source>The fiscal provider does not know the cash register {cashbox}, or this login may not use it: check the cash register&apos;s unique number.</source>
        <translation>Фискалдық сервис {cashbox} БКМ-ін білмейді немесе бұл логинге ол қолжетімсіз: БКМ зауыттық нөмірін тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="309"/>
        <source>Connected to {provider}: shift {number} is closed.</source>
        <translation>{provider} сервисімен байланыс бар: №{number} ауысым жабық.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="311"/>
        <source>Connected to {provider}: shift {number} is open.</source>
        <translation>{provider} сервисімен байланыс бар: №{number} ауысым ашық.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="328"/>
        <source>Could not reach the fiscal provider at {url}: check the address and the internet connection.</source>
        <translation>{url} мекенжайындағы фискалдық сервиспен байланысу мүмкін болмады: мекенжайды және интернет байланысын тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="283"/>
        <source>Choose a fiscal provider first.</source>
        <translation>Алдымен фискалдық сервисті таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="67"/>
        <source>No secure keychain on this computer: the fiscal API key and password cannot be saved. Install a keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain).</source>
        <extracomment>The fiscal page&apos;s words when the keychain cannot keep its secrets (not the gateway&apos;s client secret&apos;s).</extracomment>
        <translation>Бұл компьютерде қауіпсіз кілттер қоймасы жоқ: онлайн-кассаның API кілті мен құпиясөзін сақтау мүмкін емес. Кілттер қоймасын орнатыңыз (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="72"/>
        <source>The keychain refused to save the fiscal API key or password; unlock it and try again.</source>
        <translation>Кілттер қоймасы онлайн-кассаның API кілтін немесе құпиясөзін сақтаудан бас тартты; қойманың құлпын ашып, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="30"/>
        <source>Fiscal receipt</source>
        <translation>Фискалдық чек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="31"/>
        <source>Fiscal return receipt</source>
        <translation>Фискалдық қайтару чегі</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="33"/>
        <source>{receipt} registered: fiscal sign {sign}, shift {shift}, No. {number}</source>
        <translation>{receipt} тіркелді: фискалдық белгі {sign}, касса ауысымы {shift}, № {number}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="36"/>
        <source>{receipt} registered: fiscal sign {sign}, shift {shift}</source>
        <translation>{receipt} тіркелді: фискалдық белгі {sign}, касса ауысымы {shift}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="37"/>
        <source>{receipt} pending (will be retried)</source>
        <translation>{receipt} әлі тіркелмеді (консоль қайта жібереді)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="38"/>
        <source>{receipt} not registered</source>
        <translation>{receipt} тіркелмеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/standing.py" line="39"/>
        <source>Registered while the cash register was offline: it sends the receipt to the OFD once it is back online.</source>
        <translation>Касса автономды режимде жұмыс істегенде тіркелді: байланыс қалпына келгенде касса чекті ФДО-ға жібереді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/elsewhere.py" line="38"/>
        <source>It was sent to the cash register {register} and no answer came; the fiscal settings name another register now, so it is not sent there by itself (it may be registered at {register} already). Look for the check {number} in the journal of {register}: if it is there, set the fiscal settings back to {register} until the console has its receipt; if not, a manager registers it at the current register (Needs attention, Register here; or epay-desktop fiscal register-here {number}).</source>
        <extracomment>``last_error`` of a record held back because the settings name another register than it was asked at.</extracomment>
        <translation>Чек {register} онлайн-кассасына жіберілді, бірақ жауап келмеді; фискалдық баптауларда енді басқа касса көрсетілген, сондықтан консоль оны оған өздігінен жібермейді (ол {register} кассасында тіркеліп қойған болуы мүмкін). {register} онлайн-кассасының журналынан {number} чегін іздеңіз: ол сонда болса, консоль оның чегін алғанша фискалдық баптауларда {register} кассасын қайтарыңыз; болмаса, менеджер оны ағымдағы кассада тіркейді (Назар аудару керек, «Осында тіркеу»; немесе epay-desktop fiscal register-here {number}).</translation>
    </message>
</context>
<context>
    <name>gateway</name>
    <message>
        <location filename="../../epay_desktop/gateway/_core.py" line="41"/>
        <source>The gateway refused to start this payment. Its invoice number may already be taken (the last six digits must be unique) or used before with another amount: start the payment again with a new invoice number. If every payment fails like this, check the client ID, client secret and terminal ID in the settings.</source>
        <extracomment>A payment token refused with 400: the invoice, not the credentials, is the usual cause.</extracomment>
        <translation>Шлюз бұл төлемді бастаудан бас тартты. Оның тапсырыс нөмірі бос емес болуы мүмкін (соңғы алты цифры қайталанбауы керек) немесе бұрын басқа сомамен қолданылған: төлемді жаңа тапсырыс нөмірімен қайта бастаңыз. Егер барлық төлем осылай өтпесе, баптаулардағы клиент ID, клиент құпия кілті мен терминал ID-ін тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_core.py" line="195"/>
        <source>Gateway authentication failed: even a freshly issued token was refused. Check the client ID, client secret and terminal ID in the settings.</source>
        <translation>Шлюзде аутентификация өтпеді: жаңа берілген токен де қабылданбады. Баптаулардағы клиент ID, клиент құпия кілті мен терминал ID-ін тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_responses.py" line="54"/>
        <source>The gateway does not allow this merchant or terminal to do that. Check the terminal ID in the settings, or ask the bank to enable the operation for the terminal.</source>
        <extracomment>4xx answers that do not prove the request was refused before being applied.</extracomment>
        <translation>Шлюз бұл дүкенге немесе терминалға мұндай операцияға рұқсат бермейді. Баптаулардағы терминал ID-ін тексеріңіз немесе банктен терминал үшін бұл операцияны қосуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_responses.py" line="200"/>
        <source>The gateway accepted the request but answered with error code {code} ({message}), so it is not clear whether the operation was applied. Do not repeat it: check the payment&apos;s status first (the console does this for you).</source>
        <translation>Шлюз сұрауды қабылдады, бірақ {code} қате кодымен жауап берді ({message}), сондықтан операцияның орындалғаны белгісіз. Оны қайталамаңыз: алдымен төлемнің күйін тексеріңіз (консоль мұны өзі жасайды).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_responses.py" line="207"/>
        <source>The gateway accepted the request but answered with error code {code}, so it is not clear whether the operation was applied. Do not repeat it: check the payment&apos;s status first (the console does this for you).</source>
        <translation>Шлюз сұрауды қабылдады, бірақ {code} қате кодымен жауап берді, сондықтан операцияның орындалғаны белгісіз. Оны қайталамаңыз: алдымен төлемнің күйін тексеріңіз (консоль мұны өзі жасайды).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_transport.py" line="84"/>
        <source>The refund is more than what remains on this payment (earlier refunds are already taken off). Nothing was changed; refresh the payment status and refund at most the remaining amount.</source>
        <extracomment>Connect and pool waits are short (nothing is sent yet); reads allow for a slow bank. The attempt number of the logical call in progress; set by the client&apos;s retry loop. Plain words for the commonest definite refusal: an amount above what the payment still allows.</extracomment>
        <translation>Қайтару сомасы осы төлемнің қалдығынан көп (бұрынғы қайтарулар шегерілген). Ештеңе өзгерген жоқ; төлем күйін жаңартып, қалдықтан аспайтын соманы қайтарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/_transport.py" line="89"/>
        <source>The charge is more than the amount held on the card. Nothing was changed; charge at most the held amount.</source>
        <translation>Есептен шығару сомасы картада бұғатталған сомадан көп. Ештеңе өзгерген жоқ; бұғатталған сомадан аспайтын соманы есептен шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/client.py" line="307"/>
        <source>The payment authorisation expired before it was used. Start the payment again.</source>
        <translation>Төлем авторизациясының мерзімі ол қолданылмай тұрып өтіп кетті. Төлемді қайта бастаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="65"/>
        <source>The payment gateway reported a problem. Try again later.</source>
        <translation>Төлем шлюзі ақау туралы хабарлады. Кейінірек қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="120"/>
        <source>Could not reach the ePay gateway. Nothing was changed, so it is safe to try again. Check the internet connection; if it keeps happening, the gateway may be down.</source>
        <extracomment>The translation context of ``default_user_message`` (the fiscal adapter&apos;s errors use &quot;fiscal&quot;). The gateway&apos;s own text, when it gave one (redacted and cut like ``detail``). The template and arguments, when the message is translatable (the GUI translates it). The English sentence for the cashier (logs, CLI, tests). Seconds the gateway asked us to wait (``Retry-After``), if it said so.</extracomment>
        <translation>ePay шлюзіне қосылу мүмкін болмады. Ештеңе өзгерген жоқ, сондықтан қайталау қауіпсіз. Интернет байланысын тексеріңіз; қайталана берсе, шлюз істемей тұрған болуы мүмкін.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="131"/>
        <source>The gateway did not confirm the operation, so it may or may not have been applied. Do not repeat it: check the payment&apos;s status first (the console does this for you).</source>
        <translation>Шлюз операцияны растамады, сондықтан ол орындалған да, орындалмаған да болуы мүмкін. Оны қайталамаңыз: алдымен төлемнің күйін тексеріңіз (консоль мұны өзі жасайды).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="139"/>
        <source>The gateway did not accept the merchant credentials. Check the client ID, client secret and terminal ID in the settings, then try again.</source>
        <translation>Шлюз дүкеннің тіркелу деректерін қабылдамады. Баптаулардағы клиент ID, клиент құпия кілті мен терминал ID-ін тексеріп, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="149"/>
        <source>The gateway refused the operation. Nothing was changed.</source>
        <translation>Шлюз операциядан бас тартты. Ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="155"/>
        <source>The payment is not in a state that allows this operation: only a held (AUTH) payment can be charged or cancelled, and only a charged payment can be refunded. Nothing was changed; refresh the payment status.</source>
        <translation>Төлемнің күйі бұл операцияға мүмкіндік бермейді: тек бұғатталған (AUTH) төлемді есептен шығаруға немесе оның күшін жоюға болады, ал тек есептен шығарылған төлемді қайтаруға болады. Ештеңе өзгерген жоқ; төлем күйін жаңартыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="164"/>
        <source>The gateway rejected the request as invalid (for example the amount is too large, or below the 10 ₸ refund minimum). Nothing was changed; check the amount and try again.</source>
        <translation>Шлюз сұрауды жарамсыз деп қабылдамады (мысалы, сома тым үлкен немесе қайтарудың ең аз сомасы 10 ₸-ден кем). Ештеңе өзгерген жоқ; соманы тексеріп, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="172"/>
        <source>The gateway says the terminal is missing, wrong or does not belong to this merchant. Check the terminal ID in the settings, or ask the bank to check the terminal.</source>
        <translation>Шлюздің хабарынша, терминал көрсетілмеген, қате немесе бұл дүкенге тиесілі емес. Баптаулардағы терминал ID-ін тексеріңіз немесе банктен терминалды тексеруді сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="180"/>
        <source>The gateway does not know this payment. Nothing was changed; check the invoice or transaction number.</source>
        <translation>Шлюз бұл төлемді білмейді. Ештеңе өзгерген жоқ; тапсырыс немесе транзакция нөмірін тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="201"/>
        <source>The card payment was declined ({reason}, code {code}). Ask the customer to use another card or call their bank.</source>
        <translation>Карта төлемі қабылданбады ({reason}, код {code}). Сатып алушыдан басқа картаны пайдалануды немесе өз банкіне хабарласуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="212"/>
        <source>The card payment was declined (code {code}). Ask the customer to use another card or call their bank.</source>
        <translation>Карта төлемі қабылданбады (код {code}). Сатып алушыдан басқа картаны пайдалануды немесе өз банкіне хабарласуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="221"/>
        <source>The card payment was declined. Ask the customer to use another card or call their bank.</source>
        <translation>Карта төлемі қабылданбады. Сатып алушыдан басқа картаны пайдалануды немесе өз банкіне хабарласуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="229"/>
        <source>The gateway reported a temporary error. Nothing was changed; try again in a few minutes.</source>
        <translation>Шлюз уақытша қате туралы хабарлады. Ештеңе өзгерген жоқ; бірнеше минуттан кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/errors.py" line="237"/>
        <source>The gateway sent an answer the console could not understand. Nothing was changed by reading it; try again, and contact support if it keeps happening.</source>
        <translation>Шлюз консоль түсінбейтін жауап жіберді. Оны оқығаннан ештеңе өзгерген жоқ; қайталаңыз, ал қайталана берсе, қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/gateway/status.py" line="195"/>
        <source>The gateway refused to report this payment&apos;s status (code 101). Its state is unknown: check it again later or in the merchant cabinet.</source>
        <translation>Шлюз бұл төлемнің күйін хабарлаудан бас тартты (код 101). Оның күйі белгісіз: кейінірек қайта тексеріңіз немесе мерчант кабинетінен қараңыз.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="421"/>
        <source>Backing up the database…</source>
        <translation>Дерекқордың сақтық көшірмесі жасалуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="495"/>
        <source>The console cannot start.</source>
        <translation>Консоль іске қосылмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="206"/>
        <source>Starting…</source>
        <translation>Іске қосылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="293"/>
        <source>Checking unfinished payments with the bank…</source>
        <translation>Аяқталмаған төлемдер банкпен тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="384"/>
        <source>Opening the database…</source>
        <translation>Дерекқор ашылуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="498"/>
        <source>The console cannot start</source>
        <translation>Консоль іске қосылмайды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="218"/>
        <source>SANDBOX — demo data, no real money</source>
        <translation>ОҚУ ОРТАСЫ — демо деректер, нақты ақша жоқ</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="391"/>
        <source>Preparing the demo shop…</source>
        <translation>Демо дүкен дайындалуда…</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="202"/>
        <source>SANDBOX (demo)</source>
        <translation>ОҚУ ОРТАСЫ (демо)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/ui/app/main.py" line="462"/>
        <source>Checking the database for damage… A log-in waits until the check is done.</source>
        <translation>Дерекқор зақымға тексерілуде… Кіру тексеру аяқталғанша күтеді.</translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="140"/>
        <location filename="../../epay_desktop/domain/money.py" line="146"/>
        <source>The amount {text} is too large. Write it like {example}.</source>
        <translation>Сома тым үлкен: {text}. Былай жазыңыз: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="131"/>
        <source>The amount {text} has more than {places} decimals. Write it like {example}.</source>
        <translation>Сомада үтірден кейін {places} цифрдан көп: {text}. Былай жазыңыз: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="121"/>
        <source>The amount {text} has spaces that do not separate groups of three digits. Write it like {example}.</source>
        <translation>Сомадағы бос орындар үш цифрдан тұратын топтарды бөлмейді: {text}. Былай жазыңыз: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="111"/>
        <source>{text} is not an amount: only digits 0-9, group spaces and one decimal mark (. or ,) are allowed. Write it like {example}.</source>
        <translation>Бұл сома емес: {text}. Тек 0-9 цифрлары, разрядтар арасындағы бос орын және бір ондық белгі (. немесе ,) болады. Былай жазыңыз: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="103"/>
        <source>The amount {text} has a sign (+ or -); an amount has none. Write it like {example}.</source>
        <translation>Сомада таңба бар (+ немесе -): {text}; сома таңбасыз жазылады. Былай жазыңыз: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="94"/>
        <source>The amount {text} has a digit that is not 0-9 ({char}). Write it like {example}.</source>
        <translation>Сомада 0-9 цифрларынан басқа цифр бар: {text} ({char}). Былай жазыңыз: {example}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/money.py" line="90"/>
        <source>The amount is empty. Write it like {example}.</source>
        <extracomment>Minor units per major unit for the currencies the gateway knows. 10^14 tiyn = one trillion tenge: far above any card payment, far below what an int64 column or JSON number can hold exactly. Digit groups a person may type: ``1500``, ``1 500``, ``1 500 000`` (plain, no-break or narrow no-break spaces between groups of three; the Kazakh locale and Money.format() write the last two). The example every refusal of a typed amount gives.</extracomment>
        <translation>Сома жазылмаған. Былай жазыңыз: {example}.</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="125"/>
        <source>This user account is deactivated.</source>
        <extracomment>``decide(payment, ops) -&gt; amount``: the rules for one kind (raises ConsoleError to refuse).</extracomment>
        <translation>Бұл пайдаланушы тіркелгісі өшірілген.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="134"/>
        <source>A manager must approve this {kind}.</source>
        <translation>Бұл операцияны ({kind}) менеджер мақұлдауы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="144"/>
        <source>The gateway&apos;s transaction for this payment is not known yet: refresh its status first.</source>
        <translation>Шлюздің бұл төлем бойынша транзакциясы әлі белгісіз: алдымен оның күйін жаңартыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="271"/>
        <source>This operation is {current_state}, not waiting for a review.</source>
        <translation>Бұл операцияның күйі: {current_state}; ол қарауды күтіп тұрған жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/journal.py" line="283"/>
        <source>Only a manager can decide about an operation whose outcome is unclear.</source>
        <extracomment>A review decision by someone who is not (or no longer, as stored now) an active manager.</extracomment>
        <translation>Нәтижесі белгісіз операция туралы тек менеджер шешім қабылдай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="326"/>
        <source>This operation is {op_state}, not waiting for a review.</source>
        <translation>Бұл операцияның күйі: {op_state}; ол қарауды күтіп тұрған жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="340"/>
        <source>The bank&apos;s answer does not show this {kind} applied, so it cannot be marked done. If the bank shows nothing of it, choose abandon (or retry once the bank proves it was not applied).</source>
        <translation>Банктің жауабында бұл операцияның ({kind}) орындалғаны көрінбейді, сондықтан оны орындалды деп белгілеуге болмайды. Егер банкте ол туралы ештеңе болмаса, «Доғару» таңдаңыз (немесе банк оның орындалмағанын растаған соң қайталаңыз).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="367"/>
        <source>The gateway cannot confirm that this operation was not applied, so sending it again could move the money twice. Check the payment in the bank&apos;s merchant cabinet; if nothing happened there, choose abandon and start a new operation.</source>
        <translation>Шлюз бұл операцияның орындалмағанын растай алмайды, сондықтан оны қайта жіберсеңіз, ақша екі рет қозғалуы мүмкін. Төлемді банктің мерчант кабинетінен тексеріңіз; онда ештеңе болмаса, «Доғару» таңдап, жаңа операция бастаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="388"/>
        <source>The bank may show a {kind} up to {lag_seconds} seconds late, and this one was sent less than that ago: &quot;not applied&quot; cannot be trusted yet. Decide again in {wait_seconds} seconds.</source>
        <translation>Банк операцияны ({kind}) {lag_seconds} секундқа дейін кешігіп көрсетуі мүмкін, ал бұл операция одан аз уақыт бұрын жіберілді: «орындалмады» дегенге әзірге сенуге болмайды. {wait_seconds} секундтан кейін қайта шешім қабылдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="411"/>
        <source>The bank cannot say now whether this {kind} was applied ({why}), so abandoning it could hide money that moved. Try again once the bank answers (it is asked again at every reconciliation), or check the payment in the bank&apos;s merchant cabinet.</source>
        <translation>Банк қазір бұл операцияның ({kind}) орындалғанын айта алмайды ({why}), сондықтан оны доғарсаңыз, қозғалған ақша жасырын қалуы мүмкін. Банк жауап бергенде қайталаңыз (әр салыстыру кезінде банктен қайта сұралады) немесе төлемді банктің мерчант кабинетінен тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="430"/>
        <source>The bank shows {bank_refunded} refunded on this payment, at least this refund of {amount} more than the {base} refunded before it: the refund may have been applied, so it cannot be abandoned. Compare the payment with the bank&apos;s merchant cabinet: if it lists this refund, mark it applied; the difference stays in Needs attention until a manager resolves it.</source>
        <translation>Банк бұл төлем бойынша {bank_refunded} қайтарылды деп көрсетеді, бұл одан бұрын қайтарылған {base} сомасынан кемінде осы қайтару сомасына ({amount}) көп: қайтару орындалған болуы мүмкін, сондықтан оны доғаруға болмайды. Төлемді банктің мерчант кабинетімен салыстырыңыз: онда бұл қайтару болса, оны орындалды деп белгілеңіз; айырмашылық менеджер шешкенше «Назар аудару керек» тізімінде қалады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/operations.py" line="446"/>
        <source>The bank shows this payment {payment_status}: the {kind} may have been applied, so it cannot be abandoned. Check the payment in the bank&apos;s merchant cabinet.</source>
        <translation>Банк бұл төлемнің күйін былай көрсетеді: {payment_status}. Операция ({kind}) орындалған болуы мүмкін, сондықтан оны доғаруға болмайды. Төлемді банктің мерчант кабинетінен тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/engine.py" line="96"/>
        <source>the database failed</source>
        <translation>дерекқорда қате болды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/money_ops/engine.py" line="81"/>
        <source>The {kind} of {amount} may have reached the bank, but its answer could not be recorded ({reason}). The outcome is unknown: fix that, then run {command} (nothing is sent again; the bank is asked what it did).</source>
        <translation>«{kind}» операциясы ({amount}) банкке жетуі мүмкін, бірақ банктің жауабын жазу мүмкін болмады ({reason}). Нәтижесі белгісіз: себебін түзетіп, {command} орындаңыз (ештеңе қайта жіберілмейді; банктен не істелгені сұралады).</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="108"/>
        <source>Payments are taken in tenge (KZT).</source>
        <extracomment>Ten million tenge: far above a shop&apos;s card payment; a typo guard, not a gateway limit. The shapes of an e-mail address and of a customer id (accountId); the checkout form checks them too. The description a sale gets when the cashier typed none, in the payment page&apos;s language: the customer reads it on the gateway&apos;s page and the bank may show it on their statement (decision 0052).</extracomment>
        <translation>Төлемдер теңгемен (KZT) қабылданады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="111"/>
        <source>The amount must be above zero.</source>
        <translation>Сома нөлден үлкен болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="116"/>
        <source>The amount is more than {maximum}; check it and try again.</source>
        <translation>Сома {maximum} шегінен асады; тексеріп, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="127"/>
        <source>The description contains characters that cannot be printed.</source>
        <translation>Сипаттамада басып шығаруға болмайтын таңбалар бар.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="135"/>
        <source>{email} does not look like an e-mail address (name@example.kz).</source>
        <translation>{email} электрондық пошта мекенжайына ұқсамайды (name@example.kz).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="147"/>
        <source>The customer id may use only Latin letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64 characters).</source>
        <translation>Клиент ID-де тек латын әріптері, цифрлар, &apos;.&apos;, &apos;_&apos; және &apos;-&apos; болуы мүмкін (ең көбі 64 таңба).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="158"/>
        <source>To save the customer&apos;s card, enter the customer id.</source>
        <translation>Сатып алушының картасын сақтау үшін клиент ID-ін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="166"/>
        <source>The payment page language must be rus, kaz or eng.</source>
        <translation>Төлем бетінің тілі rus, kaz немесе eng болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="174"/>
        <source>The cardholder name must be in Latin letters, as on the card.</source>
        <translation>Карта иесінің аты картадағыдай латын әріптерімен жазылуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/checkout.py" line="199"/>
        <source>{phone} is not a Kazakhstan phone number (write it like +7 777 123 45 67).</source>
        <translation>{phone} — қазақстандық телефон нөмірі емес (+7 777 123 45 67 түрінде жазыңыз).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/queries.py" line="303"/>
        <source>There is no payment with invoice number {invoice_id}.</source>
        <extracomment>:meth:`PaymentQueries.attention_count` stops counting here (a badge shows &quot;99+&quot;). What the bank did beyond the row (payment_events, oldest first): card attempts the console saw end (decision 0035) and refunds made outside this console. Its fiscal receipts (the sale&apos;s, each refund&apos;s return) as the fiscal journal has them (decision 0124).</extracomment>
        <translation>{invoice_id} тапсырыс нөмірімен төлем жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/payment_service.py" line="76"/>
        <source>cancelled at the counter by {name}</source>
        <extracomment>Errors that say the bank as a whole is unreachable or failing (not this one payment). The reasons stored with the counter&apos;s marks (decision 0018), in English in the database, the CLI and the log; the console&apos;s detail says them in its language (``ui.payments.detail_content``).</extracomment>
        <translation>кассада тоқтатылды, кассир {name}</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/payment_service.py" line="77"/>
        <source>the payment page could not be loaded</source>
        <translation>төлем беті жүктелмеді</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/payment_service.py" line="158"/>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="104"/>
        <source>This user account is deactivated.</source>
        <extracomment>Statuses a 102 (&quot;no attempt for this invoice&quot;) may confirm or turn into EXPIRED.
----------
The issuer&apos;s page the customer must still pass (payment unsettled), else None.</extracomment>
        <translation>Бұл пайдаланушы тіркелгісі өшірілген.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="110"/>
        <source>Only a manager can deactivate a customer&apos;s saved card.</source>
        <translation>Сатып алушының сақталған картасын тек менеджер өшіре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="119"/>
        <source>This card is no longer saved for the customer; show the cards again.</source>
        <translation>Бұл карта енді сатып алушы үшін сақталмаған; карталарды қайта көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="152"/>
        <source>Choose one of the customer&apos;s saved cards.</source>
        <translation>Сатып алушының сақталған карталарының бірін таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/payments/saved_cards.py" line="204"/>
        <source>Enter the customer id whose saved cards to use.</source>
        <translation>Сақталған карталары қолданылатын клиент ID-ін енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="124"/>
        <source>{text} is not a printer address; write network:HOST:PORT, usb:VENDOR:PRODUCT, serial:PORT@BAUD, cups:QUEUE or file:DEVICE</source>
        <extracomment>``DLE EOT n``: the real-time status request (n = 1 printer, 2 off-line cause, 4 paper sensor). Bytes sent at a time: a cheap printer&apos;s input buffer is a few kilobytes (escpos.md section 2.4). How long a status answer is waited for, in seconds: a printer answers at once (escpos.md section 3.3 suggests 300-500 ms); one second leaves room for a busy network or USB hub. A printer that never answers costs this once a probe: give it ``status=False`` (``printer add --no-status``). How long connecting and each write may take, in seconds.</extracomment>
        <translation>{text} принтер мекенжайы емес; мекенжайды network:HOST:PORT, usb:VENDOR:PRODUCT, serial:PORT@BAUD, cups:QUEUE немесе file:DEVICE түрінде жазыңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="183"/>
        <source>A printer&apos;s name is 1 to 40 characters, without slashes: {name} is not.</source>
        <translation>Принтер атауы 1-ден 40 таңбаға дейін, қиғаш сызықсыз болуы керек: {name} жарамайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="251"/>
        <source>The printer cannot print so: {reason}.</source>
        <translation>Принтер бұлай басып шығара алмайды: {reason}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="264"/>
        <source>The shop&apos;s printer list cannot be read ({reason}); add the printers again with epay-desktop printer add.</source>
        <translation>Дүкеннің принтерлер тізімін оқу мүмкін болмады ({reason}); принтерлерді epay-desktop printer add командасымен қайта қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="309"/>
        <source>There is no printer {name}; the shop&apos;s printers: {known}.</source>
        <translation>{name} деген принтер жоқ; дүкеннің принтерлері: {known}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="322"/>
        <source>Register {register} has no default printer: name one with --printer, or let a manager set it with epay-desktop printer default NAME.</source>
        <translation>{register} кассасының әдепкі принтері жоқ: оны --printer арқылы көрсетіңіз немесе менеджерден epay-desktop printer default NAME командасымен орнатуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="382"/>
        <source>The printer is out of paper: load a new roll.</source>
        <translation>Принтерде қағаз бітті: жаңа таспа салыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="387"/>
        <source>The printer&apos;s cover is open: close it.</source>
        <translation>Принтердің қақпағы ашық: оны жабыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="393"/>
        <source>The printer reports an error: switch it off and on, and check the cutter.</source>
        <translation>Принтер қате туралы хабарлайды: оны өшіріп, қайта қосыңыз және кескішті тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="403"/>
        <source>The printer is offline: check that it is switched on and its cable.</source>
        <translation>Принтер байланыста емес: оның қосулы екенін және кабелін тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="412"/>
        <source>The paper is running out: have a new roll ready.</source>
        <translation>Қағаз таусылып келеді: жаңа таспа дайындап қойыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="588"/>
        <source>The printer at {address} cannot be reached ({reason}): check that it is switched on, its cable or network, and the printer&apos;s address in the settings.</source>
        <translation>{address} мекенжайындағы принтерге қосылу мүмкін емес ({reason}): оның қосулы екенін, кабелін не желісін және баптаулардағы принтер мекенжайын тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="714"/>
        <source>Nothing was printed; the receipt is kept: print it again when ready.</source>
        <translation>Ештеңе басылмады; чек сақталды: принтер дайын болғанда оны қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="718"/>
        <source>The receipt may be incomplete; it is kept: print it again (a duplicate) when the printer is ready.</source>
        <translation>Чек толық басылмаған болуы мүмкін; ол сақталды: принтер дайын болғанда оны қайта басып шығарыңыз (телнұсқа).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="725"/>
        <source>Sent to the printer; it cannot say whether it printed: check the slip, and print a duplicate if not.</source>
        <translation>Принтерге жіберілді; ол чектің басылғанын не басылмағанын хабарлай алмайды: таспаны тексеріңіз, чек басылмаса, телнұсқасын басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/receipts/printers.py" line="733"/>
        <source>The connection to the printer broke after {sent} of {total} bytes ({reason}); the receipt is kept: print it again (a duplicate) when the printer is ready.</source>
        <translation>Принтермен байланыс {total} байттың {sent} байтынан кейін үзілді ({reason}); чек сақталды: принтер дайын болғанда оны қайта басып шығарыңыз (телнұсқа).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="147"/>
        <source>Only a manager or an administrator can change the printers.</source>
        <extracomment>The one-page test print: the Kazakh letters, a ruler of the printer&apos;s columns, and the cut. The widest head of a 58 mm roll: 384 dots at 203 dpi, up to 432 on some; a wider head prints an 80 mm roll (576 dots at 203 dpi, 512 at 180 dpi: Epson TM-T88IV/V).</extracomment>
        <translation>Принтерлерді тек менеджер немесе әкімші өзгерте алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="292"/>
        <source>Nothing was printed; the report is kept: print it again when the printer is ready.</source>
        <extracomment>What a shift report&apos;s failed print says: nothing is lost, the report is printed again (no duplicate).</extracomment>
        <translation>Ештеңе басылмады; есеп сақталды: принтер дайын болғанда оны қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="298"/>
        <source>The report may be incomplete; it is kept: print it again when the printer is ready.</source>
        <translation>Есеп толық басылмаған болуы мүмкін; ол сақталды: принтер дайын болғанда оны қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="304"/>
        <source>Sent to the printer; it cannot say whether it printed: check the paper, and print the report again if not.</source>
        <translation>Принтерге жіберілді; ол есептің басылғанын не басылмағанын хабарлай алмайды: таспаны тексеріңіз, есеп басылмаса, оны қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/printing.py" line="310"/>
        <source>The connection to the printer broke after {sent} of {total} bytes ({reason}); the report is kept: print it again when the printer is ready.</source>
        <translation>Принтермен байланыс {total} байттың {sent} байтынан кейін үзілді ({reason}); есеп сақталды: принтер дайын болғанда оны қайта басып шығарыңыз.</translation>
    </message>
</context>
<context>
    <name>receipts</name>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="205"/>
        <source>No sale receipt was printed for this payment yet, so there is nothing to copy.</source>
        <extracomment>A sale receipt needs money taken or held for the shop (a refunded sale was paid too).</extracomment>
        <translation>Бұл төлем бойынша сату чегі әлі басылмаған, сондықтан көшіретін ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="215"/>
        <source>A sale receipt can be printed only for a paid payment; this one is {payment_status}.</source>
        <translation>Сату чегін тек төленген төлем үшін басып шығаруға болады; бұл төлемнің күйі: {payment_status}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="232"/>
        <source>No receipt was printed for this refund yet, so there is nothing to copy.</source>
        <translation>Бұл қайтару бойынша чек әлі басылмаған, сондықтан көшіретін ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="256"/>
        <source>This payment has no completed refund, so there is no refund receipt to print.</source>
        <translation>Бұл төлемде аяқталған қайтару жоқ, сондықтан басып шығаратын қайтару чегі жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="266"/>
        <source>That refund does not belong to this payment.</source>
        <translation>Бұл қайтару осы төлемге тиесілі емес.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/receipts.py" line="272"/>
        <source>A refund receipt can be printed only after the refund succeeded; this one is {op_state}.</source>
        <translation>Қайтару чегін тек қайтару сәтті өткеннен кейін басып шығаруға болады; бұл қайтарудың күйі: {op_state}.</translation>
    </message>
    <message>
        <source>There is no payment with invoice number {invoice_id}.</source>
        <extracomment>the gateway environment (``gateway.config.Environment`` value); every one but ``prod`` prints &quot;not a real payment&quot; in large letters on each receipt (decision 0023)</extracomment>
        <translation type="vanished">{invoice_id} тапсырыс нөмірімен төлем жоқ.</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="77"/>
        <location filename="../../epay_desktop/domain/rules.py" line="78"/>
        <source>waiting for the customer to pay</source>
        <extracomment>The gateway refuses refunds below 10 KZT (epay-api.md §6). Where a money operation may go next. SUCCEEDED and FAILED are final. UNKNOWN never becomes FAILED (only check-status resolves it, and &quot;not applied yet&quot; may still change); NEEDS_REVIEW becomes FAILED only by a manager&apos;s &quot;abandon&quot; and SENDING again only by a manager&apos;s &quot;retry&quot;. Every status in words that follow &quot;this one is …&quot; in a refusal (never the raw code: a cashier does not know what CASHIER_CANCEL or 3D means). Marked for translators in context &quot;rules&quot;.</extracomment>
        <translation>сатып алушының төлеуін күтуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="79"/>
        <source>being paid by the customer right now</source>
        <translation>сатып алушы дәл қазір төлеп жатыр</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="80"/>
        <location filename="../../epay_desktop/domain/rules.py" line="97"/>
        <source>still being checked with the bank</source>
        <translation>әлі банкпен тексерілуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="81"/>
        <source>expired without being paid</source>
        <translation>төленбей мерзімі өтті</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="82"/>
        <source>declined at the card&apos;s 3-D Secure check</source>
        <translation>картаның 3-D Secure тексеруінде қабылданбады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="83"/>
        <source>only held (authorised), not charged yet</source>
        <translation>тек бұғатталған (авторизацияланған), әлі есептен шығарылмаған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="84"/>
        <source>paid (charged)</source>
        <translation>төленді (есептен шығарылды)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="85"/>
        <source>cancelled (the hold was released)</source>
        <translation>күші жойылды (бұғаттау алынды)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="86"/>
        <source>a hold that expired unused</source>
        <translation>пайдаланылмай мерзімі өткен бұғаттау</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="87"/>
        <source>fully refunded</source>
        <translation>толық қайтарылды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="88"/>
        <source>declined</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="89"/>
        <location filename="../../epay_desktop/domain/rules.py" line="100"/>
        <source>failed</source>
        <translation>сәтсіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="90"/>
        <source>a card check only (no money was taken)</source>
        <translation>тек картаны тексеру (ақша алынған жоқ)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="91"/>
        <source>cancelled by the cashier at the counter</source>
        <translation>кассада кассир тоқтатты</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="92"/>
        <source>a sale whose payment page failed to open</source>
        <translation>төлем беті ашылмаған сату</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="96"/>
        <source>being sent to the bank</source>
        <translation>банкке жіберілуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="98"/>
        <source>waiting for a manager&apos;s review</source>
        <translation>менеджердің қарауын күтуде</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="99"/>
        <source>done</source>
        <translation>орындалды</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="176"/>
        <source>A previous {other_kind} of this payment needs a manager&apos;s review first: open it and choose retry or abandon before a new {kind}.</source>
        <translation>Алдымен бұл төлем бойынша алдыңғы операцияны ({other_kind}) менеджер қарауы керек: жаңа операция ({kind}) алдында оны ашып, «Қайталау» немесе «Доғару» таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="188"/>
        <source>Another {other_kind} of this payment is still being processed: wait for its result, then try again if still needed.</source>
        <translation>Бұл төлем бойынша басқа операция ({other_kind}) әлі өңделуде: оның нәтижесін күтіңіз, қажет болса, содан кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="230"/>
        <source>This payment was cancelled (the hold was released): there is nothing to refund.</source>
        <translation>Бұл төлемнің күші жойылды (бұғаттау алынды): қайтаратын ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="240"/>
        <source>This payment is already fully refunded: nothing remains to refund.</source>
        <translation>Бұл төлем толық қайтарылған: қайтаратын қалдық жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="250"/>
        <source>Only a paid payment can be refunded; this one is {payment_status}{hint}.</source>
        <translation>Тек төленген төлемді қайтаруға болады; бұл төлемнің күйі: {payment_status}{hint}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="262"/>
        <source>The refund window of {window_days} days ended on {end_date}: this payment can no longer be refunded from the console; contact the bank.</source>
        <translation>Қайтаруға берілген {window_days} күндік мерзім {end_date} күні аяқталды: бұл төлемді енді консольден қайтаруға болмайды; банкке хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="275"/>
        <source>The remaining amount changed (now {remaining}): check and try again.</source>
        <translation>Қалдық өзгерді (қазір {remaining}): тексеріп, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="284"/>
        <source>Nothing remains to refund on this payment.</source>
        <translation>Бұл төлем бойынша қайтаратын қалдық жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="291"/>
        <source>The refund must be in {remaining_currency}, like the payment.</source>
        <translation>Қайтару төлем сияқты {remaining_currency} валютасында болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="296"/>
        <source>Refunds need at least {minimum}.</source>
        <translation>Қайтару сомасы кемінде {minimum} болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="299"/>
        <source>Refund of {amount} is more than what remains ({remaining}).</source>
        <translation>Қайтару сомасы ({amount}) қалдықтан ({remaining}) көп.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="337"/>
        <source>Only a held (authorised) payment can be charged; this one is {payment_status}.</source>
        <translation>Тек бұғатталған (авторизацияланған) төлемді есептен шығаруға болады; бұл төлемнің күйі: {payment_status}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="348"/>
        <source>The charge must be in {held_currency}, like the payment.</source>
        <translation>Есептен шығару төлем сияқты {held_currency} валютасында болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="349"/>
        <source>A charge must be more than zero.</source>
        <translation>Есептен шығару сомасы нөлден үлкен болуы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="350"/>
        <source>Charge of {amount} is more than the held amount ({held}).</source>
        <translation>Есептен шығару сомасы ({amount}) бұғатталған сомадан ({held}) көп.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/rules.py" line="366"/>
        <source>Only a held (authorised) payment can be cancelled; this one is {payment_status}{hint}.</source>
        <translation>Тек бұғатталған (авторизацияланған) төлемнің күшін жоюға болады; бұл төлемнің күйі: {payment_status}{hint}.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="33"/>
        <source>No secure keychain on this computer: the client secret cannot be saved. Set EPAYMENT_CLIENT_SECRET for this session or install a keychain (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain)</source>
        <translation>Бұл компьютерде қауіпсіз кілттер қоймасы жоқ: клиент құпия кілтін сақтау мүмкін емес. Осы сеанс үшін EPAYMENT_CLIENT_SECRET орнатыңыз немесе кілттер қоймасын орнатыңыз (GNOME Keyring / KWallet / Windows Credential Manager / macOS Keychain)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="105"/>
        <source>Enter the client id before saving its secret.</source>
        <extracomment>Modules whose backends keep secrets in ordinary files or nowhere at all.</extracomment>
        <translation>Құпия кілтті сақтамас бұрын клиент ID-ін енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="109"/>
        <source>The client secret is empty.</source>
        <translation>Клиент құпия кілті бос.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="124"/>
        <source>The keychain refused to save the client secret; unlock it and try again.</source>
        <translation>Кілттер қоймасы клиент құпия кілтін сақтаудан бас тартты; қойманың құлпын ашып, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/secret_store.py" line="160"/>
        <source>The keychain refused to delete the client secret.</source>
        <translation>Кілттер қоймасы клиент құпия кілтін жоюдан бас тартты.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/fiscal/setup.py" line="172"/>
        <location filename="../../epay_desktop/services/shop_settings.py" line="148"/>
        <source>Only a manager or an administrator can change the shop settings.</source>
        <extracomment>FiscalSettings field -&gt; the declared shop setting it holds.</extracomment>
        <translation>Дүкен баптауларын тек менеджер немесе әкімші өзгерте алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="190"/>
        <source>Gateway: {exc}.</source>
        <translation>Шлюз: {exc}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="198"/>
        <source>The terminal is a UUID like 67e34d63-102f-4bd1-898e-370781d0074d (from the ePay cabinet).</source>
        <translation>Терминал — 67e34d63-102f-4bd1-898e-370781d0074d сияқты UUID (ePay кабинетінен).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="218"/>
        <source>The idle lock is a whole number of minutes from 1 to 240.</source>
        <translation>Әрекетсіздік құлпы — 1-ден 240-қа дейінгі бүтін минут саны.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="255"/>
        <source>The settings file {path} cannot be read ({exc}).</source>
        <translation>{path} баптаулар файлын оқу мүмкін емес ({exc}).</translation>
    </message>
</context>
<context>
    <name>shifts</name>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="92"/>
        <source>Register {register_id} has no open shift: open one first (shift open).</source>
        <extracomment>A shift open this long is flagged unless the shop&apos;s rules say otherwise (:attr:`ShiftRules.warn_after`).</extracomment>
        <translation>{register_id} кассасында ашық ауысым жоқ: алдымен ауысымды ашыңыз (shift open).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="109"/>
        <source>Shift {number} is already open at register {register_id}: close it before opening another.</source>
        <translation>№{number} ауысым {register_id} кассасында ашық тұр: жаңасын ашпас бұрын оны жабыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="135"/>
        <source>No shift is open at register {register_id}, and this shop takes payments only during a shift: open a shift first (Shift → Open shift).</source>
        <extracomment>Why a payment was refused: no open shift where the rules want one (:class:`ShiftRequired`).</extracomment>
        <translation>{register_id} кассасында ашық ауысым жоқ, ал бұл дүкенде төлемдер тек ауысым кезінде қабылданады: алдымен ауысымды ашыңыз (Ауысым → Ауысымды ашу).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="141"/>
        <source>No shift is open at register {register_id}, and this shop moves money only during a shift: open a shift first (Shift → Open shift), then make this {kind}. Nothing was sent to the bank.</source>
        <extracomment>Why a charge, cancel or refund was refused before anything was sent (:class:`ShiftRequired`).</extracomment>
        <translation>{register_id} кассасында ашық ауысым жоқ, ал бұл дүкенде ақша операциялары тек ауысым кезінде жүргізіледі: алдымен ауысымды ашыңыз (Ауысым → Ауысымды ашу), содан кейін осы операцияны ({kind}) жүргізіңіз. Банкке ештеңе жіберілмеді.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/shifts.py" line="255"/>
        <source>Shift {shift} has been open for {hours} hours: close it with a Z report.</source>
        <translation>{shift} ауысымы {hours} сағаттан бері ашық: оны Z-есеппен жабыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="90"/>
        <source>Only a manager can close a shift: ask a manager to sign in to close it.</source>
        <extracomment>How many shifts :meth:`ShiftService.recent` lists unless told.</extracomment>
        <translation>Ауысымды тек менеджер жаба алады: менеджерден кіріп, оны жабуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="99"/>
        <source>This shop&apos;s rules let only a manager close a shift: a manager signs in at this counter and closes it.</source>
        <translation>Бұл дүкеннің ережесі бойынша ауысымды тек менеджер жаба алады: менеджер осы кассада кіріп, оны жабады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="111"/>
        <source>This shop&apos;s rules require the bank check at every close: close the shift with the check (a manager may change the rule in Settings, Shifts).</source>
        <translation>Бұл дүкеннің ережесі бойынша ауысым әр жабылғанда банкпен тексеру қажет: ауысымды тексерумен жабыңыз (менеджер ережені Баптаулардағы «Ауысымдар» бетінде өзгерте алады).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shifts/service.py" line="278"/>
        <source>Shift {shift_id} is still open: it has no Z report yet (shift x).</source>
        <translation>{shift_id} ауысымы әлі ашық: оның Z-есебі әзірге жоқ (shift x).</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="159"/>
        <source>The database {database} is missing, and this data folder had one: it is not made again empty. Restore the last backup: a manager runs {command}.</source>
        <extracomment>The first 16 bytes of every SQLite 3 database file. In the data folder: the absolute paths of the databases this folder expects, one a line.</extracomment>
        <translation>{database} дерекқоры жоқ, ал бұл деректер қалтасында ол болған: бос дерекқор қайта жасалмайды. Соңғы сақтық көшірмені қалпына келтіріңіз: менеджер {command} орындайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="164"/>
        <source>The database {database} is missing, and this data folder had one: it is not made again empty. No backup was found in {folder}: ask support.</source>
        <translation>{database} дерекқоры жоқ, ал бұл деректер қалтасында ол болған: бос дерекқор қайта жасалмайды. {folder} ішінде сақтық көшірме табылмады: қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="171"/>
        <source>The database {database} is empty (0 bytes), and this data folder had one with data: it is not made again empty. Restore the last backup: a manager runs {command}.</source>
        <translation>{database} дерекқоры бос (0 байт), ал бұл деректер қалтасында деректері бар дерекқор болған: бос дерекқор қайта жасалмайды. Соңғы сақтық көшірмені қалпына келтіріңіз: менеджер {command} орындайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="176"/>
        <source>The database {database} is empty (0 bytes), and this data folder had one with data: it is not made again empty. No backup was found in {folder}: ask support, and keep the file as it is.</source>
        <translation>{database} дерекқоры бос (0 байт), ал бұл деректер қалтасында деректері бар дерекқор болған: бос дерекқор қайта жасалмайды. {folder} ішінде сақтық көшірме табылмады: қолдау қызметіне хабарласыңыз, файлды өзгертпеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="183"/>
        <source>The file {database} is not a SQLite database (its first bytes are wrong): damaged or replaced. Restore the last backup: a manager runs {command}.</source>
        <translation>{database} файлы SQLite дерекқоры емес (алғашқы байттары дұрыс емес): ол зақымдалған немесе ауыстырылған. Соңғы сақтық көшірмені қалпына келтіріңіз: менеджер {command} орындайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="188"/>
        <source>The file {database} is not a SQLite database (its first bytes are wrong): damaged or replaced. No backup was found in {folder}: ask support, and keep the file as it is.</source>
        <translation>{database} файлы SQLite дерекқоры емес (алғашқы байттары дұрыс емес): ол зақымдалған немесе ауыстырылған. {folder} ішінде сақтық көшірме табылмады: қолдау қызметіне хабарласыңыз, файлды өзгертпеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="195"/>
        <source>The database {database} is damaged ({problem}); the console will not work on it. Restore the last backup: a manager runs {command}.</source>
        <translation>{database} дерекқоры зақымдалған ({problem}); консоль онымен жұмыс істемейді. Соңғы сақтық көшірмені қалпына келтіріңіз: менеджер {command} орындайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/integrity.py" line="200"/>
        <source>The database {database} is damaged ({problem}); the console will not work on it. No backup was found in {folder}: ask support, and keep the file as it is.</source>
        <translation>{database} дерекқоры зақымдалған ({problem}); консоль онымен жұмыс істемейді. {folder} ішінде сақтық көшірме табылмады: қолдау қызметіне хабарласыңыз, файлды өзгертпеңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="103"/>
        <source>{path} is not a usable backup: {problem}. Nothing was changed.</source>
        <extracomment>How many days of daily copies are kept when EPAYMENT_BACKUP_DAYS is not set. daily-&lt;date&gt;, manual-&lt;date&gt;T&lt;time&gt;, pre-migration-&lt;rev&gt;-&lt;date&gt;T&lt;time&gt;: (kind, date)</extracomment>
        <translation>{path} сақтық көшірме ретінде жарамсыз: {problem}. Ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="113"/>
        <source>{path} is not a usable backup: {problem} ({detail}). Nothing was changed.</source>
        <translation>{path} сақтық көшірме ретінде жарамсыз: {problem} ({detail}). Ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="146"/>
        <source>it cannot be read</source>
        <translation>оны оқу мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="147"/>
        <source>not a SQLite database</source>
        <translation>бұл SQLite дерекқоры емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="148"/>
        <source>damaged</source>
        <translation>зақымдалған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="149"/>
        <source>not a database of epay-desktop</source>
        <translation>бұл epay-desktop дерекқоры емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="151"/>
        <source>its schema revision is not one this program knows</source>
        <translation>оның схема нұсқасы бұл бағдарламаға белгісіз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="304"/>
        <source>The copy {target} holds schema {stored}, not {revision}; it was not kept.</source>
        <translation>{target} көшірмесінде {revision} емес, {stored} схемасы бар; ол сақталмады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="194"/>
        <source>{target} already exists; choose a new file name for the backup.</source>
        <translation>{target} бұрыннан бар; сақтық көшірмеге жаңа файл атауын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="210"/>
        <source>The backup to {target} failed: {problem}.</source>
        <translation>{target} ішіне сақтық көшірме жасау сәтсіз аяқталды: {problem}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/backup.py" line="322"/>
        <source>The database {database} is open in {count} other console(s) or command(s) (process {pids}); close them first. Nothing was changed.</source>
        <translation>{database} дерекқоры тағы {count} консольде немесе командада ашық (процесс {pids}); алдымен оларды жабыңыз. Ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/db.py" line="140"/>
        <source>The database {database} runs with unsafe settings ({wrong}); the console needs {required_sqlite_pragmas}. Is the file on a network drive or in memory? Move it to a local disk.</source>
        <extracomment>At most this many grouped writes share one transaction (:meth:`Store.run_write_grouped`). What every SQLite connection must report before the console trusts it with money (docs/reliability.md T15): WAL, fsync on every commit, foreign keys, a busy timeout.</extracomment>
        <translation>{database} дерекқоры қауіпті баптаулармен жұмыс істеп тұр ({wrong}); консольге {required_sqlite_pragmas} қажет. Файл желілік дискіде немесе жадта емес пе? Оны жергілікті дискіге көшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/keyfile.py" line="62"/>
        <source>The {name} {path} is not a regular file; remove it only if you know why it is.</source>
        <translation>{path} ({name}) кәдімгі файл емес; себебін білсеңіз ғана оны жойыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/keyfile.py" line="73"/>
        <source>The {name} {path} can be read by other users (mode {mode}). Run: chmod 600 {path} - and tell your manager, the key may have leaked.</source>
        <translation>{path} ({name}) файлын басқа пайдаланушылар оқи алады (рұқсат {mode}). Орындаңыз: chmod 600 {path} - және менеджеріңізге хабарлаңыз, кілт жария болған болуы мүмкін.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/keyfile.py" line="89"/>
        <source>The {name} {path} is damaged ({key_count} bytes, expected {key_bytes}). Restore it from your backup; {if_lost}.</source>
        <translation>{path} ({name}) зақымдалған ({key_count} байт, {key_bytes} болуы керек). Оны сақтық көшірмеден қалпына келтіріңіз; {if_lost}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="74"/>
        <source>This program&apos;s migrations have {heads_count} heads ({heads}); it is built wrongly.</source>
        <translation>Бұл бағдарламаның миграцияларында {heads_count} соңғы нұсқа бар ({heads}); бағдарлама қате жиналған.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="130"/>
        <source>Upgrading the database from schema {current} to {head} failed ({exc}). Nothing was changed.{kept} Ask support; the console will not start on it.</source>
        <translation>Дерекқорды {current} схемасынан {head} схемасына жаңарту сәтсіз аяқталды ({exc}). Ештеңе өзгерген жоқ.{kept} Қолдау қызметіне хабарласыңыз; консоль бұл дерекқормен іске қосылмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="146"/>
        <source>Database migration stopped at {after}, not at {head}; nothing was changed.</source>
        <translation>Дерекқор миграциясы {head} емес, {after} нұсқасында тоқтады; ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="162"/>
        <source>The database has several schema revisions ({revisions}); restore a backup or ask support. The console will not start on it.</source>
        <translation>Дерекқорда бірнеше схема нұсқасы бар ({revisions}); сақтық көшірмені қалпына келтіріңіз немесе қолдау қызметіне хабарласыңыз. Консоль бұл дерекқормен іске қосылмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="176"/>
        <source>The database has tables but no schema revision, so it was not created by epay-desktop (found {tables}). Point EPAYMENT_DATABASE_URL at a new or epay-desktop database.</source>
        <translation>Дерекқорда кестелер бар, бірақ схема нұсқасы жоқ, яғни оны epay-desktop жасамаған (табылғаны: {tables}). EPAYMENT_DATABASE_URL жаңа немесе epay-desktop дерекқорын көрсетсін.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="191"/>
        <source>The database has schema revision {current}, which this program does not know (it knows up to {head}): a newer epay-desktop has used it. Install that version, or restore a backup made before the upgrade. Nothing was changed.</source>
        <translation>Дерекқордың схема нұсқасы {current}, бұл бағдарлама оны білмейді (ол {head} нұсқасына дейін біледі): оны epay-desktop-тың жаңарақ нұсқасы қолданған. Сол нұсқаны орнатыңыз немесе жаңартуға дейін жасалған сақтық көшірмені қалпына келтіріңіз. Ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="218"/>
        <source>Cannot back up this SQLite database before migrating it (no file).</source>
        <translation>Миграция алдында бұл SQLite дерекқорының сақтық көшірмесін жасау мүмкін емес (файл жоқ).</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/migrations/runner.py" line="229"/>
        <source>Backup before migration failed ({exc}); the database was not changed.</source>
        <translation>Миграция алдындағы сақтық көшірме сәтсіз аяқталды ({exc}); дерекқор өзгертілген жоқ.</translation>
    </message>
    <message>
        <source>Backup {target} failed its check ({ok}, {stored}); the database was not changed.</source>
        <translation type="vanished">{target} сақтық көшірмесі тексеруден өтпеді ({ok}, {stored}); дерекқор өзгертілген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/open.py" line="211"/>
        <source>Cannot create the data folder {home}: {exc_strerror}.</source>
        <extracomment>File systems on which SQLite&apos;s WAL (shared memory + POSIX locks) is unsafe.</extracomment>
        <translation>{home} деректер қалтасын жасау мүмкін емес: {exc_strerror}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/open.py" line="225"/>
        <source>The database {parsed_database} is on a network drive. SQLite cannot keep it safe there (WAL needs local shared memory). Use a local folder, or PostgreSQL for several counters.</source>
        <translation>{parsed_database} дерекқоры желілік дискіде тұр. SQLite оны онда қауіпсіз сақтай алмайды (WAL үшін жергілікті ортақ жад керек). Жергілікті қалтаны, ал бірнеше касса үшін PostgreSQL қолданыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/counters.py" line="109"/>
        <source>This shop has used all {invoice_id_limit} invoice numbers the gateway allows (their last 6 digits must be unique). New payments cannot be created; ask support to start a new shop database or terminal.</source>
        <translation>Бұл дүкен шлюз рұқсат ететін {invoice_id_limit} тапсырыс нөмірінің бәрін пайдаланып қойды (олардың соңғы 6 цифры қайталанбауы керек). Жаңа төлемдер жасау мүмкін емес; қолдау қызметінен жаңа дүкен дерекқорын немесе терминал ашуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/discrepancies.py" line="61"/>
        <source>There is no open discrepancy number {number}.</source>
        <translation>{number} нөмірлі ашық сәйкессіздік жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/discrepancies.py" line="74"/>
        <source>There is no discrepancy number {number}.</source>
        <translation>{number} нөмірлі сәйкессіздік жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/operations.py" line="97"/>
        <source>Another operation on this payment is still being processed: wait for its result.</source>
        <translation>Бұл төлем бойынша басқа операция әлі өңделуде: оның нәтижесін күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/operations.py" line="217"/>
        <source>There is no money operation {op_id}.</source>
        <translation>{op_id} ақша операциясы жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/payments.py" line="133"/>
        <source>There is no payment with invoice number {invoice_id}.</source>
        <extracomment>Scheduled polls also cover the local marks while their token lives (their next_poll_at, decision 0018). ... and a decline whose invoice still takes another card attempt (its next_poll_at, decision 0035). :meth:`PaymentRepo.lock_by_invoice`&apos;s statement, built once (building it was a tenth of the work of storing a status answer, issue 10 P3); read from the database even when the row is in the session rows locked in this transaction, kept so the update that follows finds them in the session (its identity map holds rows weakly: a dropped row was read again, issue 10 P3)</extracomment>
        <translation>{invoice_id} тапсырыс нөмірімен төлем жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/payments.py" line="287"/>
        <source>There is no payment number {payment_id}.</source>
        <translation>{payment_id} нөмірлі төлем жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/receipts.py" line="81"/>
        <source>There is no receipt with id {receipt_id}.</source>
        <translation>ID-і {receipt_id} чек жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/settings.py" line="61"/>
        <source>setting name {key} must be 1 to 64 characters</source>
        <translation>{key} баптау атауы 1-ден 64 таңбаға дейін болуы керек</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/shop_settings.py" line="108"/>
        <source>{known_meaning}: {value} is not valid; use {exc}</source>
        <extracomment>how late check-status may show an applied operation, in seconds (decision 0039) the shift rules (decision 0117; read typed as ``domain.shifts.ShiftRules``): hours, then yes/no ShopProfile field -&gt; the declared shop setting it shows.</extracomment>
        <translation>{known_meaning}: {value} жарамсыз; {exc} қолданыңыз</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="84"/>
        <source>There is no user with id {user_id}.</source>
        <translation>ID-і {user_id} пайдаланушы жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="368"/>
        <source>A user named {name_strip} already exists; choose another name.</source>
        <translation>{name_strip} атты пайдаланушы бар; басқа атау таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="197"/>
        <source>There is no payment with id {payment_id}.</source>
        <translation>ID-і {payment_id} төлем жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="246"/>
        <source>This manager approval is not known. Ask the manager to approve again.</source>
        <translation>Менеджердің бұл мақұлдауы белгісіз. Менеджерден қайта мақұлдауды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="378"/>
        <source>This manager approval was already used. Each approval is good for one operation.</source>
        <translation>Менеджердің бұл мақұлдауы пайдаланылып қойған. Әр мақұлдау бір операцияға ғана жарайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="257"/>
        <source>The manager approval has expired (it lasts 2 minutes). Ask again.</source>
        <translation>Менеджер мақұлдауының мерзімі өтті (ол 2 минут жарамды). Қайта сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="266"/>
        <source>The manager approved a different payment, operation or amount. Ask for a new approval.</source>
        <translation>Менеджер басқа төлемді, операцияны немесе соманы мақұлдаған. Жаңа мақұлдау сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="277"/>
        <source>The manager approved this for another cashier. Ask for a new approval.</source>
        <translation>Менеджер мұны басқа кассир үшін мақұлдаған. Жаңа мақұлдау сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/users.py" line="287"/>
        <source>The approving manager can no longer approve. Ask another manager.</source>
        <translation>Мақұлдаған менеджер енді мақұлдай алмайды. Басқа менеджерден сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="49"/>
        <source>the database is read-only</source>
        <extracomment>the fault in a few words, for a longer sentence (an outcome not recorded)</extracomment>
        <translation>дерекқор тек оқуға арналған</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="55"/>
        <source>the disk is full</source>
        <translation>диск толы</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="61"/>
        <source>the database is damaged</source>
        <translation>дерекқор бүлінген</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="67"/>
        <source>the database is busy</source>
        <translation>дерекқор бос емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="73"/>
        <source>the database cannot be reached</source>
        <translation>дерекқорға қосылу мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="156"/>
        <source>The database {database} is read-only: nothing was changed. Let this user write the file and its folder (or use a disk that is not write-protected), then try again.</source>
        <translation>{database} дерекқоры тек оқуға арналған: ештеңе өзгерген жоқ. Осы пайдаланушыға файлға және оның қалтасына жазуға рұқсат беріңіз (немесе жазудан қорғалмаған дискіні пайдаланыңыз), содан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="170"/>
        <source>The disk holding the database {database} is full: nothing was changed. Free some space on it, then try again.</source>
        <translation>{database} дерекқоры тұрған диск толы: ештеңе өзгерген жоқ. Дискіде орын босатыңыз, содан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="184"/>
        <source>The database server {database} cannot be reached ({said}): nothing was changed. Check that it runs and that this computer can reach it ({setting}), then try again.</source>
        <translation>{database} дерекқор серверіне қосылу мүмкін емес ({said}): ештеңе өзгерген жоқ. Сервердің жұмыс істеп тұрғанын және осы компьютер оған қосыла алатынын тексеріңіз ({setting}), содан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="235"/>
        <source>The database {database} is busy: another program or counter kept it locked longer than {seconds} s ({setting}): nothing was changed. Wait a moment, then try again.</source>
        <translation>{database} дерекқоры бос емес: басқа бағдарлама немесе касса оны {seconds} с-тан ({setting}) ұзақ құлыптап ұстады: ештеңе өзгерген жоқ. Біраз күтіп, қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="107"/>
        <source>The database {database} is damaged or cannot be read ({said}): nothing was changed. Restore the last backup ({command}), or call support.</source>
        <translation>{database} дерекқоры бүлінген немесе оқылмайды ({said}): ештеңе өзгерген жоқ. Соңғы сақтық көшірмені қалпына келтіріңіз ({command}) немесе қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="123"/>
        <source>The database {database} cannot be opened ({said}): nothing was changed. Check that the file and its folder exist and this user may read and write them.</source>
        <translation>{database} дерекқорын ашу мүмкін емес ({said}): ештеңе өзгерген жоқ. Файл мен оның қалтасы бар екенін және осы пайдаланушы оларды оқи және оларға жаза алатынын тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="203"/>
        <source>The database {database} is busy: another epay-desktop process (pid {pids}) has it open and kept it locked longer than {seconds} s ({setting}): nothing was changed. Wait for that process to finish or close it, then try again.</source>
        <translation>{database} дерекқоры бос емес: оны epay-desktop бағдарламасының басқа процесі (№ {pids}) ашып, {seconds} с-тан ({setting}) ұзақ құлыптап ұстады: ештеңе өзгерген жоқ. Сол процестің аяқталуын күтіңіз немесе оны жабыңыз, содан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/faults.py" line="219"/>
        <source>The database {database} is busy: the program {program} (pid {pids}) has it open and kept it locked longer than {seconds} s ({setting}): nothing was changed. Close that program, then try again.</source>
        <translation>{database} дерекқоры бос емес: оны {program} бағдарламасы (№ {pids}) ашып, {seconds} с-тан ({setting}) ұзақ құлыптап ұстады: ештеңе өзгерген жоқ. Сол бағдарламаны жабыңыз, содан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/store/repos/shifts.py" line="292"/>
        <source>There is no shift with id {shift_id}.</source>
        <translation>ID-і {shift_id} болатын ауысым жоқ.</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="107"/>
        <source>The name {name} looks like the existing user {existing} (letters of another alphabet that look the same); choose a name that is clearly different.</source>
        <translation>Бұл ат ({name}) бар пайдаланушының атына ұқсайды: {existing} (басқа әліпбидің сырттай бірдей әріптері); анық басқа ат таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="143"/>
        <source>{manager_name} is not a manager; ask a manager or an administrator.</source>
        <translation>{manager_name} менеджер емес; менеджерден немесе әкімшіден сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="153"/>
        <source>Approve someone else&apos;s request; a manager needs no approval.</source>
        <translation>Басқа біреудің сұрауын мақұлдаңыз; менеджерге мақұлдау керек емес.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="252"/>
        <source>Too many wrong manager PINs at this counter: approvals here are paused for {minutes} more min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Бұл кассада менеджердің PIN-коды тым көп рет қате енгізілді: мұндағы мақұлдаулар тағы {minutes} минутқа тоқтатылды ({time} болғанша, Қазақстан уақыты). Осы уақытта менеджер өзі кіріп, мұны мақұлдаусыз жасай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="259"/>
        <source>Too many wrong manager PINs for {cashier}&apos;s requests: approvals for them are paused for {minutes} more min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Кассир {cashier} сұраулары үшін менеджердің PIN-коды тым көп рет қате енгізілді: оның мақұлдаулары тағы {minutes} минутқа тоқтатылды ({time} болғанша, Қазақстан уақыты). Осы уақытта менеджер өзі кіріп, мұны мақұлдаусыз жасай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="238"/>
        <source>Wrong manager name or PIN, too many times: approvals at this counter are paused for {minutes} min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Менеджердің аты немесе PIN-коды тым көп рет қате енгізілді: бұл кассадағы мақұлдаулар {minutes} минутқа тоқтатылды ({time} болғанша, Қазақстан уақыты). Осы уақытта менеджер өзі кіріп, мұны мақұлдаусыз жасай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="245"/>
        <source>Wrong manager name or PIN, too many times: approvals for {cashier}&apos;s requests are paused for {minutes} min (until {time}, Kazakhstan time). Meanwhile a manager can log in and do it without an approval.</source>
        <translation>Менеджердің аты немесе PIN-коды тым көп рет қате енгізілді: кассир {cashier} сұрауларының мақұлдаулары {minutes} минутқа тоқтатылды ({time} болғанша, Қазақстан уақыты). Осы уақытта менеджер өзі кіріп, мұны мақұлдаусыз жасай алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="346"/>
        <source>Wrong manager name or PIN. 1 try left before approvals pause for {minutes} minutes.</source>
        <translation>Менеджердің аты немесе PIN-коды қате. Мақұлдаулар {minutes} минутқа тоқтатылғанға дейін 1 әрекет қалды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/approvals.py" line="350"/>
        <source>Wrong manager name or PIN. {tries} tries left before approvals pause for {minutes} minutes.</source>
        <translation>Менеджердің аты немесе PIN-коды қате. Мақұлдаулар {minutes} минутқа тоқтатылғанға дейін {tries} әрекет қалды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="60"/>
        <source>Wrong user name or password/PIN.</source>
        <translation>Пайдаланушы аты немесе құпиясөз/PIN-код қате.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="90"/>
        <source>Too many wrong passwords/PINs: this account is locked until {time} (Kazakhstan time, {zone}) or until a manager unlocks it.</source>
        <translation>Құпиясөз/PIN-код тым көп рет қате енгізілді: бұл тіркелгі {time} болғанша (Қазақстан уақыты, {zone}) немесе менеджер құлпын ашқанша құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="228"/>
        <location filename="../../epay_desktop/services/people/users.py" line="507"/>
        <source>This account is deactivated. Ask a manager to reactivate it.</source>
        <translation>Бұл тіркелгі өшірілген. Менеджерден оны қайта іске қосуды сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/login.py" line="125"/>
        <source>This account&apos;s role or status in the database is not the one a manager gave it: the database was changed outside the console. Log-in refused; an administrator must check the audit log.</source>
        <translation>Бұл тіркелгінің дерекқордағы рөлі немесе күйі менеджер берген рөл емес: дерекқор консольді айналып өзгертілген. Кіруге рұқсат берілмеді; әкімші аудит журналын тексеруі керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="55"/>
        <source>Enter a PIN (at least 4 digits) or a password (at least 8 characters).</source>
        <translation>PIN-код (кемінде 4 цифр) немесе құпиясөз (кемінде 8 таңба) енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="64"/>
        <source>The password is too long: at most {max_secret_chars} characters.</source>
        <translation>Құпиясөз тым ұзын: ең көбі {max_secret_chars} таңба.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="75"/>
        <source>A PIN needs at least {min_pin_digits} digits; this one has {secret_count}.</source>
        <translation>PIN-кодта кемінде {min_pin_digits} цифр болуы керек; бұл кодта {secret_count}.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/passwords.py" line="87"/>
        <source>A password needs at least {min_password_chars} characters; this one has {secret_count}. (A PIN of digits only may be shorter: at least {min_pin_digits}.)</source>
        <translation>Құпиясөзде кемінде {min_password_chars} таңба болуы керек; бұл құпиясөзде {secret_count}. (Тек цифрлардан тұратын PIN-код қысқарақ болуы мүмкін: кемінде {min_pin_digits}.)</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="79"/>
        <source>Enter a user name.</source>
        <translation>Пайдаланушы атын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="84"/>
        <source>A user name has at most {max_name_chars} characters.</source>
        <translation>Пайдаланушы атында ең көбі {max_name_chars} таңба болады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="92"/>
        <source>A user name cannot contain control or invisible characters.</source>
        <translation>Пайдаланушы атында басқару немесе көрінбейтін таңбалар болмауы керек.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="122"/>
        <source>Your account is deactivated.</source>
        <translation>Тіркелгіңіз өшірілген.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="174"/>
        <source>The role “{actor_role}” may not add “{role}” accounts.</source>
        <extracomment>wrong manager PINs typed at this counter (``register_id``) -- never the manager&apos;s login lockout</extracomment>
        <translation>«{actor_role}» рөлі «{role}» тіркелгілерін қоса алмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="188"/>
        <source>The first user must be a manager or an administrator, who then adds the cashiers.</source>
        <translation>Бірінші пайдаланушы менеджер немесе әкімші болуы керек, содан кейін ол кассирлерді қосады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="201"/>
        <source>Log in as a manager or an administrator to add users.</source>
        <translation>Пайдаланушыларды қосу үшін менеджер немесе әкімші ретінде кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="207"/>
        <source>The role “{current_role}” may not add “{role}” accounts.</source>
        <translation>«{current_role}» рөлі «{role}» тіркелгілерін қоса алмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="233"/>
        <source>Only a manager or an administrator can see the list of users.</source>
        <translation>Пайдаланушылар тізімін тек менеджер немесе әкімші көре алады.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="274"/>
        <source>There is no user named {name_strip}.</source>
        <translation>{name_strip} атты пайдаланушы жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="283"/>
        <source>The role “{current_role}” may not change “{target_role}” accounts.</source>
        <translation>«{current_role}» рөлі «{target_role}» тіркелгілерін өзгерте алмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="323"/>
        <source>You cannot deactivate your own account.</source>
        <translation>Өз тіркелгіңізді өшіре алмайсыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="346"/>
        <source>You cannot change your own role; ask another manager or an administrator.</source>
        <translation>Өз рөліңізді өзгерте алмайсыз; басқа менеджерден немесе әкімшіден сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="352"/>
        <source>The role “{current_role}” may not give the role “{role}”.</source>
        <translation>«{current_role}» рөлі «{role}» рөлін бере алмайды.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="358"/>
        <source>{name} already has the role “{role}”; nothing was changed.</source>
        <translation>{name} пайдаланушысында «{role}» рөлі бар; ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/services/people/users.py" line="457"/>
        <source>The amount to approve must be a whole number of tiyn, not negative.</source>
        <translation>Мақұлданатын сома тиынмен бүтін сан болуы керек, теріс емес.</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="21"/>
        <source>charge</source>
        <extracomment>An operation&apos;s kind as a word in a sentence (&quot;a refund is being sent&quot;).</extracomment>
        <translation>есептен шығару</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="22"/>
        <source>cancellation</source>
        <translation>күшін жою</translation>
    </message>
    <message>
        <location filename="../../epay_desktop/domain/words.py" line="23"/>
        <source>refund</source>
        <translation>қайтару</translation>
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
        <translation>әкімші</translation>
    </message>
</context>
</TS>
