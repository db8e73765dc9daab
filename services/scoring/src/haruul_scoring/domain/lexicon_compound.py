"""Patterns for transit and compound signs: S-XB S-SCAM S-SOLD S-RAN S-SEX.

Named hubs (S-HUB) come from the gazetteer, not from here. See `lexicon.py` for the notation.
"""

from __future__ import annotations

from haruul_scoring.domain.lexicon import Lang, Rule, rules

EN, MN, RU, ZH = Lang.EN, Lang.MN, Lang.RU, Lang.ZH

_OBJ = r"(?:him|her|them|me|us|people)"

XB = (
    rules(
        "S-XB",
        EN,
        r"\b(?:across|over|crossed|crossing|cross) (?:the |a )?(?:river|border)\b",
        r"\b(?:by|on a|in a) (?:small )?boat\b(?! (?:trip|tour|ride|cruise))",
        r"\bmoei\b",
        r"\b(?:night crossing|at night (?:across|over|through))",
        r"\b(?:drive|drives|drove|driven|driving|taking|take|took|taken|transport\w*|van|car|bus)"
        r"\b…\b(?:to|near|toward\w*|across|at) the border\b",
        r"\bnear the border\b",
        r"\billegal(?:ly)? (?:cross\w*|border|entry)",
        r"\bwithout (?:going through )?(?:immigration|border control|passport control|a stamp)",
        r"\bsmuggl\w*",
    )
    + rules(
        "S-XB",
        MN,
        r"\bхил~ (?:давуул~|даван~|давж|нууцаар|хууль бус|гатлуул~|гатал~|гэтлүүл~)",
        r"\bхууль бус(?:аар)? хил~",
        # a boat, not "заавар" (instructions) or "завод" (a factory), typed alike
        r"\b(?!заавр|заавар|завод)завь~ …(?:гол|хил|гатл|гатал|гарга|гаргуул|нөгөө тал)~",
        r"\bгол~ (?:гатл|гатал|давж)~",
        r"\bхил~ (?:рүү|ойролцоо|дээр|орчим)",
    )
    + rules(
        "S-XB",
        RU,
        r"\bчерез (?:реку|границу)\b",
        r"\bна лодке\b",
        r"\bнелегальн\w* (?:переход|пересеч|пересек)\w*",
        r"\b(?:к границе|у границы|на границу)\b",
    )
    # not 边境贸易, border trade
    + rules(
        "S-XB",
        ZH,
        r"偷渡|坐船过河|坐船過河|过河|過河|越境|(?:边境|邊境)(?!贸易|貿易|口岸)|过了(?:一条)?河|坐小船"
        # a back road around the border post: "带他走小路过去老挝", "不走口岸"
        r"|走小路|抄小路|(?:不走|不过|不過|绕开|繞開|避开|避開)口岸",
    )
    # no stamp in the passport: the crossing bypassed the border post
    + rules(
        "S-XB",
        EN,
        r"\bno (?:entry |exit |border )?stamps?\b",
        r"\b(?:passports?|they) (?:was |were |are |is )?(?:never |not |n't )stamped\b",
        r"\b(?:nobody|no one|never|didn'?t|did not) (?:\w+ ){0,2}?stamp(?:s|ed)?\b",
        negatable=False,
    )
    + rules(
        "S-XB",
        MN,
        r"\bпаспорт~ …(?:тамга|штамп)~ (?:дараагүй|дарахгүй|даруулаагүй|дардаггүй|дарсангүй)",
        negatable=False,
    )
    + rules(
        "S-XB",
        RU,
        r"\bбез (?:штамп|отметк)\w*",
        r"\bштамп\w*\b…\bне (?:став|ставил|поставил|ставят)\w*",
        r"\bне (?:став|поставил)\w*\b…\bштамп\w*",
        negatable=False,
    )
    + rules("S-XB", ZH, r"(?:没|沒|不)(?:有)?(?:盖|蓋)(?:入境|出境)?章", negatable=False)
)

SCAM = (
    rules(
        "S-SCAM",
        EN,
        r"\b(?:forc\w*|made|make|makes|compel\w*|order\w*)\b…\b(?:scam|cheat|defraud|deceive|trick"
        r"|chat with|con)\w*",
        r"\b(?:cheat|scam|defraud|deceiv|trick|con)\w* (?:\w+ ){0,2}?(?:people|victims|foreigners"
        r"|americans|europeans|customers|strangers|men|women)",
        r"\b(?:fake|false) (?:profiles?|accounts?|identit\w*|personas?|names?|investments?)",
        r"\bpig[- ]?butcher\w*",
        r"\bpretend\w* to be (?:a |an )?(?:\w+ ){0,2}?\w*(?:girl|wom[ae]n|m[ae]n|investor|trader"
        r"|model|person|lady)\b",
        r"\b(?:push|persuad|convinc|get|talk)\w* (?:\w+ ){0,4}?(?:to|into) '?invest\w*",
        r"\bcrypto (?:platforms?|exchanges?|sites?|apps?)\b",
        r"\b(?:romance|crypto|investment|love|online) (?:scams?|fraud)",
        # the work itself: "they do the crypto chats 16 hours a day"
        r"\b(?:do|does|doing|did|make|making) (?:the |these |those )?(?:crypto|investment|romance"
        r"|love|dating) (?:chats?|scripts?|messages?)\b",
        r"\bscripts?\b",
        r"\bscam (?:compound|centre|center|company|work|job|operation|park)s?\b",
        r"\b(?:bring in|make|earn|get) money from (?:victims|people)",
        r"\bwork\w* (?:as|on|in) (?:a )?scam",
    )
    + rules(
        "S-SCAM",
        MN,
        r"\bлуйвард(?:ах|аж|уул|дог)~",
        # fraud as the work done, not a fraud the writer fell for ("ийм луйврыг хаана мэдэгдэх")
        r"\bлуйвр(?:ын|ыг)~ (?:ажил|компани|company|төв|газар|бизнес|схем|чат|chat|мессеж"
        r"|message|зар|пост|сайт|дуудлага|бичүүл|бич|хий|ярь)~",
        r"\b(?:инвестмент|investment|крипто|crypto)~\W+(?:\S+ )?(?:чат|chat)~",
        r"\bлуйвар (?:ажил|хийлгэ|хий|чат|chat)~",
        r"\bскрипт~",
        r"\b(?:хуурамч|хуурмаг) (?:хүүхний |эмэгтэйн |хүний )?(?:профайл|profile|аккаунт|хаяг"
        r"|хуудас|зураг)~",
        r"\b(?:крипто|crypto)~ …мөнгө~ (?:оруул|хийлгэ|хий)~",
        r"\b(?:хүмүүс|гадаад хүм)~ …(?:хуур|мэхл|залил)~",
        r"\bхүн~ (?:хуурдаг|хуурах|хуурч|мэхэлдэг)~",
        r"\bхудлаа (?:профайл|profile|аккаунт|хаяг)~",
        # chatting in someone else's name, getting people to put money in
        r"\bөөр (?:хүний|хүүхний|эмэгтэйн|эрэгтэйн) нэр(?:ээр|ийн)~",
        r"\bмөнгө~ оруулуул~",
    )
    + rules(
        "S-SCAM",
        RU,
        r"\b(?:заставля\w*|вынужда\w*|принужда\w*|застав\w*)\b…\b(?:обманыва\w*|мошенни\w*|скам\w*"
        r"|развод\w*)",
        r"\bобманывать (?:людей|клиентов|иностранцев)",
        r"\bмошенническ\w*",
        r"\b(?:фейков|фальшив|поддельн)\w* (?:профил|аккаунт|страниц|инвестиц)\w*",
        r"\bвыманива\w*",
        r"\bот чужого имени\b",
        r"\bуговарива\w* (?:\w+ ){0,3}?вклад\w*",
        r"\bкриптобирж\w*",
        r"\bскрипт\w*",
    )
    + rules(
        "S-SCAM",
        ZH,
        r"(?<!反)(?:诈骗|詐騙)|(?<!反)(?:电诈|電詐)|杀猪盘|殺豬盤|话术|話術|假(?:账号|帳號|身份)|骗(?:人|钱|錢)|網賭"
        r"|网赌|(?:赌博|博彩)平台",
    )
)

SOLD = (
    rules(
        "S-SOLD",
        EN,
        rf"\b(?<!be )(?<!get )(?:re-?)?sold (?:{_OBJ} )?(?:\S+ ){{0,3}}?to (?:another|a different"
        rf"|other"
        r"|a new|a second) (?:company|compound|boss|group|gang|park|employer|place)",
        r"\b(?:was|were|been|got|has been|have been) (?:re-?)?sold\b",
        r"\b(?:contracts?|debts?) (?:was|were|has been|had been|got) (?:bought|sold|transferred)"
        r" (?:by|to) (?:a |an |another )?(?:new |different |other )?(?:company|compound|boss"
        r"|group|employer)",
        r"\bresold\b",
        # "the old company sold me", not "the agent sold me a ticket" or "sold us out"
        r"\b(?:compan(?:y|ies)|boss(?:es)?|they|compounds?|recruiters?|agents?|agency|gangs?"
        r"|employers?|managers?|brokers?|traffickers?) (?:\S+ ){0,2}?(?:re-?)?sold (?:me|him|her"
        r"|them|us)\b(?! (?:a|an|the|some|this|that|these|those|out|up|on|short|my|his|her|our"
        r"|their|fake|tickets?|insurance)\b)",
        r"\b(?:got|received|was paid|took) (?:\S+ ){1,2}?(?:dollars|usd|usdt) for (?:him|her"
        r"|them)\b",
    )
    + rules(
        "S-SOLD",
        MN,
        # not "зарлаа": "зарла-" is to announce
        r"\b(?:зарсан|зарагдсан|зарчихсан|худалдсан|худалдчихсан|зарагдчихсан|зарчихлаа|зарагдлаа"
        r"|худалдчихлаа)~",
        r"\b(?:өөр|шинэ) компани~ …мөнгөөр (?:шилжүүл|өг|зар)~",
        r"\bмөнгөөр (?:шилжүүл|өгс|өгчих)~ …(?:өөр|шинэ) компани~",
        r"\bкомпани~ …(?:нөгөө|өөр|шинэ) (?:компани~ )?(?:руу|рүү|луу|лүү) …шилжүүл~",
        # bought for money ("5000 доллараар авсан"); "2 сая төгрөг авсан" is money taken
        r"\b(?:доллар|төгрөг|юань|usdt)(?:аар|оор|өөр|ээр) (?:худалдаж )?авсан",
        r"\b(?:доллар|төгрөг|юань|usdt)~ худалдаж авсан",
        # money got for each person: "хүн бүрээр 15 мянган доллар авсан"
        r"\b(?:хүн бүрээр|хүн бүрийн|хүн тутмаас|хүн тутамд|толгой тутамд|нэг хүнээр) …(?:доллар"
        r"|төгрөг|юань|usdt)~ (?:авсан|авдаг|авчээ|авчихсан)",
    )
    + rules(
        "S-SOLD",
        RU,
        r"\b(?:продали|перепродали|продан\w*|перепродан\w*)",
        # handed over to another company, for money
        r"\b(?:передал\w*|передан\w*|отдал\w*)\W+(?:\w+ ){0,3}?(?:друг\w*|нов\w*) (?:компани"
        r"|хозя|начальник|фирм|групп)\w*",
        r"\bзаплатил\w* за (?:каждую|каждого|не[её]|него|них)\b",
    )
    + rules(
        "S-SOLD",
        ZH,
        r"(?:被)?(?:卖|賣)(?:到|给|給)(?:了)?(?:另一|别的|別的|其他)|转卖|轉賣|被卖|被賣",
    )
)

RAN = (
    rules(
        "S-RAN",
        EN,
        r"\bransom\w*",
        r"\busdt\b",
        r"\b(?:we|i|family|parents|relatives) (?:must|have to|need to|should|has to) (?:pay|send"
        r"|transfer)\b(?! (?:the |my |our )?(?:income |property |any )?(?:tax(?:es)?|rent|bills?"
        r"|mortgage|tuition|fines?|insurance)\b)",
        r"\b(?:asked|told|demand\w*|want\w*) (?:us|me|the family|his family|her family|our family"
        r"|my family|his parents|her parents) to (?:pay|send|transfer)\b",
        r"\bdemand\w* (?:money|\$|usd|payment|\d)",
        r"\b(?:money|payment) (?:was |is |being )?demanded",
        r"\bpay (?:for )?(?:his|her|their) (?:release|freedom)",
        r"\b(?:called|messaged|wrote to|texted|contacted) (?:me|us|my family|our family|his family"
        r"|her family)\b…\b(?:pay|send|transfer)\b",
        r"\bmust (?:pay|send)\b…\bbefore (?:he|she|they) (?:can|could) (?:go|leave|come|return)",
    )
    + rules(
        "S-RAN",
        MN,
        r"\bзолиос~",
        r"\bмөнгө~ (?:нэх|шаард)~",
        r"\bсуллах~ …(?:мөнгө|доллар|төгрөг|usdt)~",
        r"\bсуллуул~ …(?:төл|шилжүүл|явуул)~",
        r"\b(?:гэр бүл|ар гэр|эцэг эх)~ …мөнгө~ (?:нэх|шаард|явуул|шилжүүл)~",
        # released only once the family had paid
        r"\bтөлсн~ дараа (?:л )?сулл~",
    )
    + rules(
        "S-RAN",
        RU,
        r"\bвыкуп\w*",
        r"\bпока (?:мы |вы |они )?не (?:заплат|перевед|отправ)\w*",
        # not a fee for papers ("требует 1 000 000 тугриков за оформление визы": S-FEE)
        r"\bтребу\w* (?:деньги|денег|\d|заплатить|перевести)(?![^.!?\n]{0,40}\bза [\"«]?"
        r"(?:оформлени|виз|документ|трудоустройств|услуг|регистраци|обучени|медкомисси|медосмотр"
        r"|курс))",
        r"\b(?:заплатить|перевести|платить|плати|заплати|переведи|платите|заплатите|переведите)\b…"
        r"\b(?:чтобы (?:отпустили|освободили|вернуть"
        r"|вернулся)|иначе)",
    )
    + rules(
        "S-RAN",
        ZH,
        r"usdt|\d(?:万|千)?u(?![a-z])|(?:支付|付|交|打|转)[^。，！？!?\n]{0,12}?才放(?:人|他|她)"
        r"|赎金|贖金|赎人|贖人|赎(?:我|他|她)|贖(?:我|他|她)|(?:要|让|讓)(?:我们|我們|家人)?(?:付|交|打)钱|交钱(?:才|就)(?:放人"
        r"|能回)",
    )
)

SEX = (
    rules(
        "S-SEX",
        EN,
        r"\b(?:forc\w*|made|make|makes|coerc\w*|pressur\w*)\b…\b(?:sex|sexual|prostitut\w*|escort"
        r"|sleep with)\w*",
        r"\bsexual (?:services|exploitation|work|slavery)",
        r"\bsex (?:work|trade|slave\w*)\b",
        r"\b(?:prostitut\w*|brothel\w*)",
        r"\bentertain\w*'? (?:the )?(?:clients|customers|guests|men)\b",
        r"\bgo (?:out )?with (?:the )?(?:customers|clients|men|guests) to (?:the |a )?(?:hotel )?"
        r"rooms?",
        r"\b(?:drink|sit|sleep|go to (?:the |their )?rooms?) with (?:the )?(?:customers|clients|men"
        r"|guests)\b",
    )
    + rules(
        "S-SEX",
        MN,
        r"\bбиеэ (?:үнэл~|худалд~)",
        r"\bэрчүүдтэй (?:суух|хонох|унтах)~ …(?:ёстой|шаард|албад|хүч)~",
        r"\bбэлгийн (?:мөлжлөг|үйлчилгээ|хүчирхийлэл|мөлжих)~",
        r"\bсадар самуун~",
        r"\bянхан~",
        r"\b(?:эрчүүд|эрэгтэйчүүд|эрэгүүд|эрэгчүүд)~ хамт (?:байлга|хонуул|унтуул|суулга)~",
        r"\b(?:эрчүүд|эрэгтэйчүүд|үйлчлүүлэгч)~ үйлчл~",
        # "үйлчлүүлэгчидтэй хүчээр харьцуулж байна": forced to go with clients
        r"\b(?:эрчүүд|эрэгтэйчүүд|үйлчлүүлэгч|зочид|зочин)~ (?:хүчээр|албадан|албадаж) харьц~",
        r"\b(?:эр~|эрэгт~|үйлчлүүлэгч~) …(?:зочид буудал|hotel|буудал)~ (?:руу|рүү|луу)"
        r" …(?:явуул|хүргэ|аваач)~",
    )
    + rules(
        "S-SEX",
        RU,
        r"\bпроститу\w*",
        r"\bсексуальн\w* (?:услуг|эксплуатац|рабств)\w*",
        r"\b(?:секс-?рабств\w*|бордел\w*|интим-?услуг\w*)",
        r"\b(?:спать|переспать) с (?:клиентами|ними|мужчинами|гостями)",
        r"\b(?:заставля|принужда|вынужда)\w*\b…\b(?:работать|быть|сидеть|выходить|встречаться) с"
        r" (?:клиент|гост"
        r"|мужчин)\w*",
    )
    + rules(
        "S-SEX",
        ZH,
        r"卖淫|賣淫|性服务|性服務|陪睡|强迫(?:她)?(?:卖淫|接客)|接客|色情服务"
        r"|陪(?:客人|客户|客戶|男人)(?:过夜|過夜|睡觉|睡覺)",
    )
)

# Sexual exploitation said as "going with" the clients or guests (at night, to their rooms),
# "satisfying" them, or being sent or given to them: the words a family or a victim uses
# instead of naming it.
_EN_CLIENTS = r"(?:the )?(?:clients|customers|guests|men|visitors)"
SEX_MORE = (
    rules(
        "S-SEX",
        EN,
        rf"\b(?:made|forced|has|had|have|must|told|ordered|expected)(?: \w+)? to (?:go|leave|sleep"
        rf"|stay|spend (?:the )?nights?|go out|go home)(?: \w+)? with {_EN_CLIENTS}\b",
        rf"\b(?:sent|send|sends|taken|takes|given|gives|offered) (?:\w+ )?to {_EN_CLIENTS}(?:'s)?"
        r" (?:rooms?|hotels?|beds?)\b",
        r"\b(?:sell|sells|selling) (?:her|his|their) bod(?:y|ies)\b",
        rf"\b(?:makes?|made|forces?|forced) (?:\w+ ){{1,3}}?(?:go|leave|sleep|stay|go out) with"
        rf" {_EN_CLIENTS}\b",
    )
    + rules(
        "S-SEX",
        RU,
        r"\b(?:уходить|уезжать|ездить|ходить|оставаться|ночевать|уводят|увозят|уходит)"
        r" (?:\w+ )?с (?:гостями|клиентами|мужчинами)\b",
        r"\b(?:отправ|отвоз|вози|посыла|отда|пошл)\w* (?:\w+ )?к (?:клиентам|гостям|мужчинам)\b",
        r"\b(?:развлекать|ублажать|обслуживать|удовлетворять) (?:гостей|клиентов|мужчин)\b",
        r"\b(?:сопровожда|провожа)\w*\W+(?:\w+ )?(?:клиент|гост|мужчин)\w*",
        r"\b(?:клиент|гост|мужчин)\w* в (?:номер\w*|комнат\w*|саун\w*)",
    )
    + rules(
        "S-SEX",
        MN,
        r"\b(?:зочид|зочин|үйлчлүүлэгч|эрчүүд|эрэгтэйчүүд)~ (?:хамт|дагуул)~ (?:явуул|гарга|хонуул"
        r"|яв|хоно)~",
        r"\b(?:хүн|эр|эрэгтэй|үйлчлүүлэгч|зочин|зочид)~ (?:хамт )?унтуул~",
        # money made "with the body", sexual relations forced
        r"\bбие(?:эр|ээр)~ (?:\w+ )?мөнгө~ ол~",
        r"\bбэлгийн харьцаа~ …(?:албад|хүчл|шахд|тулга)~",
        r"\b(?:албад|хүчл)~ …бэлгийн харьцаа~",
        # into the room with the clients or guests
        r"\b(?:үйлчлүүлэгч|зочид|зочин|эрчүүд|эрэгтэйчүүд)~ (?:хамт )?өрөө~ (?:ор|оро|орж|орох|орно"
        r"|оруул)~",
        # "satisfying" guests, forced: a hotel job's "зочдын сэтгэл ханган" is not
        r"\b(?:зочид|зочин|эрчүүд|эрэгтэйчүүд)~ …сэтгэл (?:хануул|ханга)~ …(?:албада|хүчлэ|шаард)~",
    )
    + rules(
        "S-SEX",
        ZH,
        r"(?:陪|跟|和)(?:客人|客户|男人|嫖客)(?:出去|出台|走|过夜|睡|开房)|出台|陪酒陪睡|被迫陪酒"
        r"|做那种(?:工作|事)|(?:送|派)(?:去|到)(?:客人|客户)(?:的)?(?:房间|那里|那边)"
        r"|(?:送|派)(?:去|到)[^。！？!?\n]{0,10}?陪(?:客|酒|睡|男人)"
        r"|(?:逼|迫|强迫|強迫|要求)[^。！？!?\n]{0,4}?陪(?:客|酒|睡|男人)"
        # "要她陪客人把钱还上": keeping clients company to pay a debt off
        r"|陪(?:客人|客户|男人)[^。！？!?\n]{0,6}?(?:还|赚|挣)(?:钱|债|上|清)",
    )
)

# Wider Chinese wordings of a sale (written from new sentences, not from any evaluation set).
SOLD_MORE = rules(
    "S-SOLD",
    ZH,
    r"(?:卖|賣)(?:到|给|給)…(?:另一|另外|别的|別的|其他)(?:一)?(?:家|个|個)?(?:公司|园区|園區|老板"
    r"|老闆|地方)",
    r"以[^。！？!?\n，,]{1,8}?(?:元|块|塊|美金|美元|万|萬)(?:的价格|的價格)?(?:卖|賣|转卖|轉賣)",
    r"转手(?:卖|賣)|轉手賣",
    r"花钱买(?:的|了|来)|(?:被|是)[^。，！？!?\n]{0,6}?买(?:过去|过来)的",
)

RULES: tuple[Rule, ...] = XB + SCAM + SOLD + SOLD_MORE + RAN + SEX + SEX_MORE
