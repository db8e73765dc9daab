"""Patterns for recruitment-stage scam signs: S-AD S-SKILL S-TRV S-FEE S-OFF S-CONF S-AID.

These are the signs that let a person be stopped before departure. See `lexicon.py` for the
notation.
"""

from __future__ import annotations

from haruul_scoring.domain.lexicon import Lang, Rule, rules

EN, MN, RU, ZH = Lang.EN, Lang.MN, Lang.RU, Lang.ZH

# Lure jobs ("custmer": as typed in a hurry).
_ROLE = (
    r"(?:custo?mer (?:service|support)|(?:an |the )?it (?:job|work|specialist|position|field"
    r"|company)"
    r"|programm(?:ers?|ing)|developers?|coders?|data entry|data-entry|typing|typists?|translators?"
    r"|interpreters?|translation (?:job|work)"
    r"|hr|human resources|operators?|(?:online|digital|internet) marketing|marketing|models?"
    r"|modell?ing|casinos?|call cent(?:er|re)|receptionists?|waitress(?:es)?|waiters?|sales"
    r"|office (?:job|work)|factory (?:job|work)|chat (?:support|agents?)|game testers?|hostess"
    r"|(?:it|tech|technical|online) support|support staff|(?:casino )?dealers?)"
)
_OFFER = (
    r"(?:offer\w*|promis\w*|recruit\w*|hiring|hires?|hired|looking for|seeking|jobs?|work as"
    r"|working as"
    r"|vacanc\w*|ads?|advert\w*|positions?|invit\w*)"
)
# "(course) paid by candidate", "paid by the applicant": the person pays it, as an offer's terms
# put it; not a recruiter's money given first
_BY_THE_PERSON = (
    r"(?! by (?:the )?(?:candidates?|applicants?|workers?|employees?|crew members?|trainees?"
    r"|students?|participants?|yourself|myself|himself|herself|themselves)\b)"
)
_LANGUAGE = r"(?:english|chinese|mandarin|korean|japanese|russian|mongolian|thai)"
_LANGUAGE_PAIR = rf"{_LANGUAGE}[-–]{_LANGUAGE}"
# an amount, or a range ("$1,800-2,500")
_MONEY = (
    r"(?:\$|usd ?|us\$ ?)\d[\d,.]*k?(?: ?[-–] ?\$?\d[\d,.]*k?)?"
    r"|\d[\d,.]*k? ?(?:\$|usd|dollars?|usdt)"
)

AD = (
    rules(
        "S-AD",
        EN,
        rf"\b{_OFFER}\b…\b{_ROLE}\b",
        rf"\b{_ROLE} (?:jobs?|work|positions?|vacanc\w*|agents?|staff)\b",
        rf"\bto work (?:in|at|for) (?:a |an )?{_ROLE}\b",
        rf"(?:{_MONEY})(?: (?:a|per|/|each|every) ?month|/month)",
        rf"(?:{_MONEY}) (?:monthly )?(?:salary|wage|pay)",
        r"\b(?:very |extremely |really )?(?:high|good|big|huge|great) (?:salary|salaries|pay"
        r"|wages?|income)",
        r"\b(?:well|highly)[- ]paid\b",
        r"\b(?:it|tech|call cent(?:er|re)|online marketing) (?:job|work|position)s?\b",
        r"\b(?:interview|job|position|work) (?:\w+ ){0,3}?(?:with|at|for) an? (?:it|tech|software"
        r"|online marketing|crypto|call cent(?:er|re)) (?:firm|company|business)\b",
    )
    + rules(
        "S-AD",
        MN,
        r"\b(?:орчуулагч|оператор|хүний нөөц|программист|програмист|казино|casino|загвар өмсөгч"
        r"|маркетинг"
        r"|customer service|typing|харилцагчийн үйлчилгээ|зөөгч|ресепшн|it|айти"
        # a job, not a member of staff doing something ("хүний нөөцийн ажилтан нь … аваачсан")
        r"|мэдээллийн технологи)~ …(?:ажил(?!тан нь\b)~|зар~"
        # a Mongolian case of компани (not the Russian "IT-конференция от компании")
        r"|санал~|хайж|авна|чиглэл~|компани(?:д|йн|т)\b|ярилцлага~)",
        # a lure job "done" ("casino-d operator hiih"); not a waiter's or receptionist's
        r"\b(?:оператор|operator|орчуулагч|дилер|dealer|хүний нөөц)~ (?:хийх|хийнэ|хийлгэ~)",
        # "HR" alone is too short ("hr bn" is "хэр байна"): only as a job
        r"\bhr\W*(?:менежер|manager|ажилтан|мэргэжилтэн|ажил)~",
        r"\b(?:ажил~|санал~|зар~) …(?:орчуулагч|оператор|программист|казино|загвар өмсөгч"
        r"|маркетинг|data entry|дата оруулах|дилер|dealer|call cent(?:er|re)|колл төв"
        r"|customer service)~",
        r"\bcall cent(?:er|re)~ (?:ажил~|ор(?:но|ох|сон|ж)\b|ажилла~)",
        r"\bсарын \d[\d,.]* (?:ам\.?)?(?:доллар|\$|usd)",
        r"\b(?:it|айти) (?:ажил|чиглэл|мэргэж|support|саппорт)~",
        r"\bцалин~ (?:нь )?(?:\S+ )?\d[\d,.]*\W*(?:ам\.?\W*)?(?:доллар|\$|usd)",
        r"\b(?:өндөр|сайн|их) цалин~",
        r"\b(?:сард |сарын )?\d[\d,.]* (?:ам\.?)?(?:доллар|\$|usd)~ …цалин~",
        r"\bсард \d[\d,.]*\W*(?:ам\.?)?(?:доллар|\$|usd)",
        # millions of tugrik a month ("сардаа 5 сая"), not of Korean won (EPS wages)
        r"\bсар(?:д|даа) \d[\d,.]*\W*(?:сая|say)\b(?!\W*(?:вон|won))",
        r"\b(?:казино|казинод)~ ажилл~",
        r"\b(?:казино|casino)~ (?:дилер|dealer|крупье|оператор|operator)~",
        r"\b\d[\d,.]*\W*(?:ам\.?\W*)?(?:доллар~|\$|usd) сард\b",
        r"\b(?:дата|өгөгдөл) оруулах ажил~",
    )
    + rules(
        "S-AD",
        RU,
        r"\b(?:оператор\w*|переводчик\w*|менеджер\w*|программист\w*|казино|модел\w*|колл-?центр\w*"
        r"|служб\w* поддержки|айти|it-?специалист\w*)\b…\b(?:ваканси\w*|работ\w*|предлож\w*|ищ\w*)",
        r"\bработать\b…\b(?:в )?\"?(?:it-?поддержк|айти-?поддержк|техподдержк|колл-?центр|казино"
        r"|оператор|переводчик)\w*",
        r"\b(?:ваканси\w*|работ\w*|предлож\w*)\b…\b(?:оператор\w*|переводчик\w*|программист\w*"
        r"|казино|модел\w*|служб\w* поддержки|(?:it|айти)[- ]?компани\w*"
        r"|(?:it|айти)-?специалист\w*)",
        r"\b(?:мест[оа]|должност\w*|позици\w*)\W+(?:\w+\W+)?(?:(?:it|айти)-?специалист|оператор"
        r"|переводчик|программист|крупье)\w*",
        r"\bоператор\w* (?:чата|чатов|колл-?центра)\b",
        r"\b(?:игров\w*|гейминг\w*|беттинг\w*) компани\w*",
        r"\bонлайн-?маркетинг\w*",
        r"\b(?:it|айти)[- ]?работ\w*",
        # "as" a programmer: the instrumental case
        r"\b(?:программист|оператор|переводчик)ом\b|\bкрупье\b",
        r"\b(?:объявлени\w*|ваканси\w*)\b…\b(?:переводчик|оператор|программист|казино)\w*",
        r"\b(?:высок\w*|хорош\w*|больш\w*) (?:зарплат\w*|заработ\w*|доход\w*)",
        rf"(?:{_MONEY}|\d[\d ]* ?(?:долларов|\$)) в месяц",
    )
    + rules(
        "S-AD",
        ZH,
        r"(?<!平台)客服|打字员|打字員|程序员|程序員|人事专员|(?:做|当|當)人事|运营|運營|网络营销|網絡營銷|模特|博彩|赌场"
        r"|賭場|高薪|月薪|月入|底薪|包吃住|翻译|翻譯|网络推广|網絡推廣|技术支持|技術支持|荷官"
        r"|主播|(?:做|当|當)直播|(?:游戏|遊戲)推(?:广|廣)|数据录入|网路(?:行销|营销)|网络行销"
        r"|(?:薪水|工资|收入)(?:很|非常|特别)?高",
    )
)

SKILL = (
    rules(
        "S-SKILL",
        EN,
        r"\b(?:speaks?|speaking|fluent in|knows?|with good|good|who speak\w*|knowledge of)"
        r" (?:\w+ )?(?:english|chinese|mandarin|cantonese|korean|japanese|russian|thai|vietnamese)",
        r"\b(?:english|chinese|mandarin|korean|japanese|russian)[- ]speak\w*",
        r"\b(?:it|computer|programming|coding|typing|language) skills\b",
        r"\bgood (?:at|with) computers?\b",
        r"\b(?:translators?|interpreters?|programmers?)\b",
        # a pair of languages to translate between: "a translation job - Chinese-English"; not
        # "a Thai-Chinese firm"
        rf"\b(?:translat|interpret)\w*\b…\b{_LANGUAGE_PAIR}\b",
        rf"\b{_LANGUAGE_PAIR} (?:translat|interpret)\w*",
        r"\bbilingual\b",
        r"\b(?:english|chinese|korean) typing\b",
        r"\bbasic computer\b",
        r"\b(?:english|chinese|mandarin|korean|japanese|russian) (?:is )?(?:required|a must"
        r"|essential|preferred|needed)\b",
    )
    + rules(
        "S-SKILL",
        MN,
        r"\b(?:англи|хятад|солонгос|япон|орос|тай) хэл(?:тэй|ээр ярьдаг|ээр ярих| сайн| мэд)~",
        r"\b(?:англи|хятад|солонгос|япон|орос) хэл (?:заавал|сайн) (?:мэд|ярь)~",
        r"\benglish (?:хэл )?мэд~",
        r"\bгадаад хэл(?:тэй| сайн| мэд)~",
        r"\bкомпьютер~ (?:сайн|мэддэг|ашигла~)",
        r"\bорчуулагч~",
    )
    + rules(
        "S-SKILL",
        RU,
        r"\b(?:знани\w*|владени\w*|со знанием|знающ\w*|говорящ\w*)\s+(?:английск|китайск|корейск"
        r"|японск|русск)\w*",
        r"\bпереводчик\w*",
        r"\bобязател\w* (?:знание |свободн\w* )?(?:английск|китайск|корейск|японск)\w*",
        r"\bс (?:английским|китайским|корейским|японским)\b",
        r"\b(?:английск|китайск|корейск|японск)\w*(?: язык\w*)? (?:обязател\w*|нуж\w*|требу\w*"
        r"|приветству\w*|желател\w*)",
    )
    + rules(
        "S-SKILL",
        ZH,
        r"会(?:英语|中文|韩语|日语|俄语|电脑|打字)|會(?:英語|中文|韓語|日語|電腦)|懂(?:英语|电脑)"
        r"|英语(?:好|流利)|翻译|(?:英|日|韩|中|俄)(?:语|文)(?:很|非常|特别)?(?:好|流利)",
    )
)

TRV = (
    rules(
        "S-TRV",
        EN,
        r"\b(?:pay|paid|pays|paying|cover\w*|provid\w*|buy|buys|buying|bought|arrang\w*"
        r"|book\w*)\b(?! back)" + _BY_THE_PERSON + r"(?!(?:\W+[\w'-]+){0,3}?\W+own\b)"
        r"(?:\W+[\w'-]+){0,4}?\W+"
        r"(?:plane |air |flight |e-)?(?:tickets?|flights?|airfare|travel(?! agenc)|visas?)\b"
        r"(?! (?:ourselves|myself|himself|herself|themselves))",
        r"\bsend\w* (?:\w+ ){0,2}?e-?tickets?\b",
        r"\b(?:visas?|flights?|tickets?|travel)\b(?: (?:&|and) \w+)? (?:are |is |all )?(?:covered"
        r"|paid for|provided|arranged) by\b",
        r"\b(?:do|does|handle\w*|process\w*|sort\w*(?: out)?) (?:the |her |his |their |your )?"
        r"visas?\b",
        r"\bfree (?:flights?|tickets?|travel|air ?fare|visas?)\b",
        r"\b(?:flights?|tickets?|travel|trip|airfare)\b[^.!?\n]{0,40}?\b(?:all )?(?:paid|covered"
        r"|booked) (?:for )?by (?:them|the (?:company|agency|agent|employer|recruiter|firm))\b",
        r"\b(?:tourist|visit|visitor) visas?\b",
        r"\b(?:arrange|cover|pay|organi[sz]e)\w* (?:everything|all (?:the )?(?:costs|expenses"
        r"|travel))",
        r"\bpick (?:him|her|you|them|me|us) up at (?:the )?(?:\w+ )?airport",
    )
    + rules(
        "S-TRV",
        MN,
        # not bought by the travellers themselves ("тийзээ өөрсдөө авсан"), unless for them
        # ("tiiziig ooroo avch ugnu": he buys it for her himself)
        r"\b(?:онгоцны )?(?:тийз|тасалбар|нислэг|билет|ticket)~ (?!(?:өөрсдөө|өөрөө) (?:авсан"
        r"|авчихсан|төлсөн|төлчихсөн|авна|төлнө|даана|хариуцна)\b)…(?:төлнө"
        r"|даана|хариуцна|авч өгнө"
        r"|авч өгсөн|хийж өгсөн|гаргаж өгсөн|гаргана|компани|өгнө|төлж өгнө|төлж өгсөн"
        r"|төлөөд өгнө)~",
        r"\bвиз~ …(?:хариуцна|гаргаж өгнө|даана|төлнө)~",
        r"\b(?:тийз|тасалбар|билет)~ (?:нь |чинь )?(?:төлөөд|төлчихөөд|төлсөн|төлчихсөн)~",
        r"\bзам(?:ын)? зардал~ …(?:төлнө|даана|хариуцна|гаргана)~",
        r"\b(?:бүх|бүх л) зардл~ …(?:даа|хариуц|төл)~",
        r"\b(?:жуулчны|аялал жуулчлалын|туристын) виз~",
        r"\bүнэгүй (?:тийз|нислэг|онгоц)~",
        # paid by them: "тийзийг нь тэднээс гаргасан", "компани даасан"
        r"\b(?:онгоцны )?(?:тийз|тасалбар|нислэг|билет|виз)~ …(?:тэд|компани|агент|зуучлагч"
        r"|ажил олгогч|дарга)~ (?:гаргасан|гаргаж|гаргана|төлсөн|төлчихсөн|төлнө|даасан|даана"
        r"|авч өгсөн|авч өгнө|авсан|авна)~",
    )
    + rules(
        "S-TRV",
        MN,
        # the wording carries its own negation (-гүй): the suffix check must not cancel it
        r"\b(?:онгоцны )?(?:тийз|тасалбар|нислэг)~ …үнэгүй~",
        negatable=False,
    )
    + rules(
        "S-TRV",
        RU,
        r"\b(?:оплат\w*|оплачива\w*|купят|купит|купим|куплю|покупа\w*|бесплатн\w*|берут на себя)…"
        r"(?:билет\w*"
        r"|перел[её]т\w*|дорог\w*|виз\w*)",
        r"\bтуристическ\w* виз\w*",
        # the ticket first: "билет и визу оплачивает компания", "дорогу оплатил знакомый"
        r"\bбилет\w* (?:тоже |и то )?(?:он|она|они|знакомый|фирма|компания|агент) (?:купил\w*"
        r"|оплатил\w*|взял\w*)",
        r"\b(?:билет\w*|перел[её]т\w*|дорог[уа]|виз[уа])\b(?: и \w+)?(?: (?:ей|ему|им|нам|мне))?"
        r" (?:оплачива\w*|оплат\w*|покупа\w*|купит|куп\w*|оформля\w*|бер[её]т на себя)",
    )
    + rules(
        "S-TRV",
        ZH,
        r"(?:包|报销|報銷|免费|免費|提供|负责|負責)(?:机票|機票|签证|簽證|路费|路費|食宿|吃住)"
        r"|旅游签证|旅遊簽證|落地签"
        r"|(?:机票|機票|签证|簽證|路费|路費)(?:都|全)?(?:全包|包了|报销|報銷|免费|免費"
        r"|由?公司(?:出|负责|負責|报销|報銷|承担|承擔|买|買))"
        r"|(?:帮|幫)(?:他|她|我|你)?(?:出|买|買|订|訂)(?:了)?(?:机票|機票)"
        r"|(?:机票|機票)是公司(?:出|付|买|買)的"
        r"|(?:机票|签证)[^。！？!?\n]{0,8}?(?:全包|包了|报销|免费)"
        r"|(?:对方|公司|中介|老板)[^。，！？!?\n]{0,4}?(?:出|买|订|包)(?:了)?机票|旅游签(?!证)",
    )
)

FEE = (
    rules(
        "S-FEE",
        EN,
        r"\b(?:agent|agency|processing|visa|training|placement|registration|recruitment|service)"
        r" fees?\b(?!\W{1,3}(?:none|nil|no|zero|free|waived|n/a)\b)",
        r"\b(?:asked|ask\w*|demand\w*|charg\w*|want\w*|requir\w*|paid|pay|took|take|taken)\b…"
        r"\b(?:fees?|deposit|commission|tugriks?|togrog|mnt)\b",
        r"\b(?:agent|agency|recruiter|broker|company)\b…\b(?:took|asked|demanded|charged)\b…"
        r"(?:\$|tugrik|₮|mnt|usd|dollars?|money)",
        r"\bloan (?:before|to (?:pay|cover)|for the (?:visa|ticket|trip))",
        # money the person must send first, for a named formality
        r"\b(?:send|sends|sent|transfer\w*|wire\w*)\b…\bfor '?(?:the )?(?:registration|visa"
        r"|processing|training|documents|paperwork|insurance|medical)",
    )
    + rules(
        "S-FEE",
        MN,
        r"\bхураамж~",
        r"\b(?:урьдчилгаа|барьцаа)~ (?:мөнгө|төлбөр)~",
        r"\b\d[\d,.]* (?:сая |say |мянга~ )?(?:төгрөг~ |доллар~ |\$ )?урьдчилгаа~",
        # not one the employer pays: "зуучлалын хөлсийг ажил олгогч төлнө"
        r"\bзуучлал~ (?:төлбөр|хөлс|мөнгө)~\b(?! (?:нь )?(?:ажил олгогч|компани|employer)~"
        r" (?:төлнө|даана|хариуцна))",
        r"\b(?:визийн|бичиг баримтын|бүртгэлийн) (?:мөнгө|төлбөр)~",
        r"\bурьдчилж төл~",
        r"\b(?:агент|зуучлагч|компани)~ …\d[\d,.]* (?:сая |say )?(?:төгрөг|доллар)~ …(?:авсан|нэх~"
        r"|төлүүл~"
        r"|шаард~)",
        # "agent 500$ avaad …": an amount in figures and signs, then taken or asked
        r"\b(?:агент|зуучлагч)~ …\d[\d,.]*(?:\$|₮|(?: (?:сая|say|мянга|мянган))?"
        r"(?: (?:төгрөг|доллар)~)) (?:ав|нэх|төлүүл|шаард)~",
    )
    + rules(
        "S-FEE",
        RU,
        r"\b(?:комисси\w*|предоплат\w*|залог\w*)",
        r"\bзаплатить за (?:визу|оформление|документы|трудоустройство)",
        r"\bза \"?(?:оформлени|виз[уы]|документ|трудоустройств)\w*\b…\b(?:просят|требуют|берут"
        r"|взяли|нужно заплатить|надо заплатить)",
        r"\b(?:требу\w*|проси\w*|бер[её]т|берут|взял\w*|перевести|заплатить|оплатить|отправить|внести)"
        r"\b…\bза \"?(?:оформлени|виз[уы]|документ|трудоустройств|регистраци|обучени|медосмотр"
        r"|страховк)\w*",
        # paid before leaving: "оплата заранее при подписании договора"
        r"\b(?:оплат\w*|плат\w*|заплат\w*) (?:\w+ )?(?:заранее|вперёд|вперед|до (?:отъезда|вылета"
        r"|выезда|поездки))\b",
    )
    + rules(
        "S-FEE",
        ZH,
        r"中介费|中介費|押金|手续费|手續費|签证费|簽證費|保证金|保證金|介绍费|報名費|报名费",
    )
)

OFF = (
    rules(
        "S-OFF",
        EN,
        r"\bofficial (?:\w+ )?(?:contracts?|agreements?|documents?|invitations?|partners?"
        r"|programm?e?s?|recruit\w*|employment)",
        r"\bcooperation (?:agreement|contract|memorandum)",
        r"\b(?:government|embassy|ministry|state)[- ](?:approved|backed|programm?e?|licen[cs]ed"
        r"|linked|partner\w*|contract)(?!or)",
        r"\b(?:approved|licen[cs]ed|endorsed|certified|backed) by (?:the )?(?:government|embassy"
        r"|ministry|state)",
        r"\b(?:government|state|ministry|embassy) (?:seal|stamp)s?\b",
        r"\bofficially (?:partner\w*|cooperat\w*|work\w* with|linked)",
        # the trappings of a state: a ministry's seal, emblem or letterhead on the papers
        r"\b(?:seal|stamp|emblem|logo|letterhead|coat of arms|crest)s? (?:of|from) (?:the |a )?"
        r"(?:\w+ ){0,2}?(?:ministry|government|embassy|labou?r (?:office|department))",
    )
    + rules(
        "S-OFF",
        MN,
        r"\bалбан ёсны (?:гэрээ|ажил|урилга|хөдөлмөрийн гэрээ|компани|хамтын)~",
        r"\bалбаны гэрээ~",
        r"\bхамтын ажиллагааны гэрээ~",
        r"\bхамтран ажиллах (?:гэрээ|санамж бичиг)~",
        r"\bзасгийн газр~ …(?:зөвшөөр|хамтар|хөтөлбөр|хамтын ажиллагаа)~",
        r"\bэлчин сайд~ …(?:баталгаажуул|батал|гэрээ)~",
        r"\bалбан ёсоор хамтра?н ажилла~",
        r"\bтөрийн (?:тамга|тэмдэг)~",
        r"\bяам~ (?:тамга|тэмдэг|гэрээ|зөвшөөр)~",
    )
    + rules(
        "S-OFF",
        RU,
        r"\bофициальн\w* (?:\w+ )?(?:договор|контракт|соглашени|трудоустройств|приглашени)\w*",
        r"\b(?:договор|соглашени|меморандум)\w* о сотрудничеств\w*",
        # papers "certified by the embassy"
        r"\bзаверен\w* (?:в )?(?:посольств|консульств|министерств)\w*",
        # "официальный, через посольство": a contract said to come through the embassy
        r"\bофициальн\w*\W{1,4}(?:через|от) посольств\w*",
        # a call "supposedly from the embassy" (a real one goes through the ministry)
        r"\b(?:якобы|как бы|будто бы?) (?:из|от имени) посольств\w*",
        # a ministry's seal or coat of arms on the papers
        r"\b(?:печат\w*|герб\w*|штамп\w*|бланк\w*)\b…\bминистерств\w*",
        r"\bсоглашени\w* о сотрудничестве",
        r"\bгосударственн\w* программ\w*",
        r"\bгосударственн\w* печат\w*",
        r"\bофициально (?:сотруднича\w*|работа\w* с)",
    )
    + rules(
        "S-OFF",
        ZH,
        r"正规(?:合同|公司|劳务)|正規(?:合同|公司)|官方(?:合同|合作)|合作协议|合作協議"
        # a "formal contract" to sign as the lure, not one a worker has ("有正式劳动合同")
        r"|(?:签|簽)(?:个|個|一份|份)?[“\"「]?正式(?:的)?(?:劳动|勞動)?(?:合同|合約)"
        r"|政府(?:批准|合作)"
        # a ministry's or a government's stamp on the papers, or a "red-header" document
        r"|(?:政府|劳动部|部委|大使馆|使馆)(?:的)?(?:公章|印章|章)|红头文件",
    )
)

CONF = (
    rules(
        "S-CONF",
        EN,
        r"\b(?:not to|don'?t|do not|never|mustn'?t|must not|shouldn'?t|should not) (?:tell|inform"
        r"|share|discuss|mention|talk about|talk to)\b…\b(?:anyone|anybody|family|parents"
        r"|relatives|friends|others|us|them|the (?:offer|job|trip)|about|police|embassy|mom|mum"
        r"|dad|mother|father|wife|husband|sister|brother)\b",
        r"\b(?:nobody|no one|no-one) (?:must|should|can) know\b",
        r"\bkeep (?:it|this|that|the (?:offer|job|trip|details)) (?:a )?(?:secret|confidential"
        r"|private|quiet)",
        r"\b(?:confidential|secret) (?:offer|job|contract|deal)",
        # "keep it between us", "keep the job to himself"
        r"\bkeep (?:it|this|that|the (?:offer|job|trip|details|news)) (?:just )?(?:between (?:us"
        r"|them|you|the two of)|to (?:himself|herself|themselves|yourself|yourselves))\b",
        negatable=False,
    )
    + rules(
        "S-CONF",
        MN,
        r"\b(?:битгий|бүү) (?:хэл|яри|ярь|мэдэгд|yri|yrj)~",
        r"\bхэнд ч (?:хэлэхгүй|хэлж болохгүй|мэдэгдэхгүй)",
        r"\bнууц~ (?:байлга|хадгал)~",
        r"\b(?:бусдад|хэнд ч) (?:хэлж болохгүй|бүү|битгий)",
        r"\b(?:гэр|гэрийнх|ээж|аав|эцэг эх|хэн)~ (?:хэлэхгүй|ярихгүй) бай~",
        # "no need to tell your mother": the parents kept out of it
        r"\b(?:ээж|аав|эцэг эх|гэр бүл|гэрийн|ах|эгч|хэн ч|бусад|хүн)~ (?:хэлэх|мэдэгдэх|ярих)"
        r" (?:хэрэггүй|шаардлагагүй)",
        negatable=False,
    )
    + rules(
        "S-CONF",
        RU,
        r"\bникому не (?:говор|рассказ|сообща)\w*",
        r"\bне (?:говорить|рассказывать|сообщать)\b…\b(?:родн\w*|семь\w*|никому)",
        r"\b(?:держать|хранить) в (?:секрете|тайне)",
        # a vacancy not to be discussed with relatives
        r"\bне (?:обсуждать|обсуждайте)\b…\b(?:родн|родствен|семь|близк)\w*",
        r"\b(?:пусть|чтобы) (?:это )?(?:останется|остал\w*) между (?:нами|вами|ними)",
        # "(рекрутер) сказал семье не говорить": told to keep it from the family (not the person's
        # own "просил маме не говорить")
        r"\b(?:сказал|велел|предупредил|потребовал)\w* (?:\w+ )?(?:родным|родителям|маме|папе|семье"
        r"|близким) не (?:говорить|рассказывать|сообщать)\b",
        r"\b(?:родным|родителям|маме|папе|семье) (?:\w+ )?(?:не надо|не нужно|незачем)"
        r" (?:говорить|рассказывать|знать)",
        # an instruction, in the imperative: "родителям пока ничего не рассказывайте"
        r"\b(?:родным|родителям|маме|папе|семье|близким|никому)\b (?:\w+ ){0,2}?не (?:говори"
        r"|рассказывай|сообщай)(?:те)?\b",
        r"\b(?:родным|родителям|маме|папе|семье|близким|никому)\b(?: \w+)?,? ни слова\b",
        negatable=False,
    )
    + rules(
        "S-CONF",
        ZH,
        r"不要告诉|不要告訴|别告诉|別告訴|不准告诉|保密"
        r"|(?:不要|别|別)(?:跟|和|对|對)(?:家人|家里人?|家裡人?|任何人|别人|別人|父母)"
        r"(?:说|說|讲|講|提)"
        r"|(?:请勿|請勿|勿|不得|不要|别|別)(?:告知|外传|外傳)",
        negatable=False,
    )
)

AID = (
    rules(
        "S-AID",
        EN,
        r"\b(?:paid|pays|covered|cleared|settled|paid off)\b" + _BY_THE_PERSON + r"…(?:'s)?\b"
        r"(?:rent|debts?|loans?|bills?"
        r"|tuition|hospital|medical|school fees)\b",
        r"\b(?:gave|gives|lent|loaned|sent) (?:him|her|them|me|us) (?:money|cash|gifts?|a phone"
        r"|\$)",
        r"\bfinancial (?:help|support|assistance|aid)\b",
        # money sent for a purpose: "sent 500 dollars to clear her loan"
        r"\b(?:sent|gave|transferred|lent|wired)\b…\bto (?:clear|pay off|pay|cover|settle)\b…"
        r"(?:'s)?\b(?:rent|debts?|loans?|bills?|tuition)\b",
    )
    + rules(
        "S-AID",
        MN,
        # "өрийг", not a bare "өр": typed in Latin letters it is every English "or" and "our"
        r"\b(?:зээл|өрий|өрөө|түрээс|сургалтын төлбөр|эмнэлгийн (?:мөнг|төлбөр|зардал))~ …(?:төлж"
        r"|төлөхөд"
        r"|дарж|дарахад|төлөөд)~ …(?:өгсөн"
        r"|өглөө|өгчээ)",
        r"\b(?:санхүүгийн|мөнгөн) (?:тусламж|дэмжлэг)~",
        # a loan the recruiter offers to clear: "чиний зээлийг би төлчихье"
        r"\b(?:зээл|өр)ий~ (?:\S+ ){0,2}?төлчих~",
        r"\bбэлэг (?:өгсөн|өгдөг|өгч)",
    )
    + rules(
        "S-AID",
        RU,
        r"\b(?:оплатил\w*|погасил\w*|закрыл\w*)\b…\b(?:долг\w*|кредит\w*|аренд\w*|квартир\w*"
        r"|уч[её]б\w*)",
        r"\bдал\w* (?:ему|ей|им) денег",
        r"\bдал\w* (?:\w+ )?денег,? (?:на |чтобы )?(?:закрыть|погасить|оплатить)",
        r"\bфинансов\w* (?:помощ|поддержк)\w*",
        r"\bподъ[её]мн\w*",
    )
    + rules(
        "S-AID",
        ZH,
        r"帮(?:他|她|我)?(?:还债|还贷|付房租|交学费)|幫(?:他|她)?(?:還債|付房租)|资助|資助"
        r"|经济(?:援助|帮助)"
        r"|(?:帮|幫)(?:(?:我们|我們|他们|他們|你们|你們)家?|家里|家裡|他|她|我|你)?(?:先)?(?:还|還)"
        r"(?:清|掉)?[^。！？!?\n]{0,12}?(?:债|債|贷|貸)",
    )
)

# Wider wordings (written from new sentences, not from any evaluation set).
CONF_MORE = (
    rules(
        "S-CONF",
        EN,
        r"\bkeep (?:quiet|silent|mum) about\b",
        r"\b(?:told|asked|instructed) (?:(?:him|her|them|me|us) )?to (?:say|tell (?:everyone"
        r"|people|family|them|us)) (?:that )?(?:he|she|they|i|we|it) (?:was|is|were|are)"
        r" (?:going )?(?:on )?(?:a )?(?:holiday|vacation|trip|tour)",
        negatable=False,
    )
    + rules(
        "S-CONF",
        MN,
        r"\b(?:гэр бүл|гэрийнх|аав ээж|ээж аав|эцэг эх|найз)~ …(?:хэлж|ярьж) болохгүй",
        r"\b(?:гэр бүл|гэрийнх|аав ээж|ээж аав|эцэг эх)~ (?:\S+ ){0,4}?(?:мэдэгдүүлэхгүй"
        r"|мэдэгдэхгүй|хэлэхгүй|ярихгүй)",
        r"\bнууцал(?:ж|сан|аарай|на)~",
        # "нууцал гэж хатуу хэлсэн": said, not "нууцал гэж хэлээгүй" (nobody said so)
        r"\bнууцал\W{0,3} гэ(?:ж|ээд) (?:хатуу |сайн |дахин )?(?:хэлсэн|анхааруулсан|захисан)~",
        negatable=False,
    )
    + rules(
        "S-CONF",
        RU,
        r"\bникому\b…\bне (?:говор|рассказ|сообща)\w*",
        r"\bдержать язык за зубами",
        negatable=False,
    )
    + rules(
        "S-CONF",
        ZH,
        r"守口如瓶|(?:别|別|不要|不能)(?:让|讓)(?:家里人|家裡人|家人|父母|别人|別人|任何人)知道"
        r"|(?:不能|不可以)(?:告诉|告訴)(?:家人|别人|別人|任何人)",
        negatable=False,
    )
)

AID_MORE = (
    rules(
        "S-AID",
        EN,
        r"\b(?:gave|lent|loaned|sent|advanced) (?:him|her|them|me|us) (?:\$ ?)?\d[\d,]*"
        r" ?(?:dollars|usd|tugriks?|mnt|\$)?",
        r"\bbought (?:him|her|them|me|us) (?:a |an )?(?:new )?(?:phone|smartphone|laptop|clothes"
        r"|gifts?|presents?)",
    )
    + rules(
        "S-AID",
        MN,
        r"\b(?:зээл|өрийг|түрээс|эмнэлгийн төлбөр)~ …төлж өг~",
        r"\bмөнгө~ зээлж өг~",
        # someone's loan ("зээлийг", not one's own "зээлээ") paid off
        r"\b(?:зээлийг|өрийг)~ (?:нь |чинь )?(?:төлчихөөд|төлчихсөн|төлчихжээ|дарчихаад|дарчихсан)",
    )
    + rules(
        "S-AID",
        RU,
        r"\bкупил\w* (?:ему|ей|им|мне|нам) (?:новый )?(?:телефон|одежд|подар|ноутбук)\w*",
        r"\b(?:дал\w*|одолжил\w*) (?:ему|ей|им|мне|нам) (?:в долг|денег|деньги|\d)",
    )
    + rules(
        "S-AID",
        ZH,
        # the person, or a relative of theirs ("借给我表哥五千块")
        r"(?:借给|借給|送给|送給|先给|先給)(?:他|她|我|他们|他們|我们|我們)(?:的)?"
        r"(?:表哥|表姐|表弟|表妹|哥哥|姐姐|弟弟|妹妹|儿子|兒子|女儿|女兒|丈夫|老公|妻子|老婆)?"
        r"(?:了)?(?:\d|[一二三四五六七八九十两兩几幾]"
        r"|钱|錢|手机|手機|礼物|禮物)",
        r"(?:先|提前)?(?:给|給)(?:他|她|我|他们|他們|我们|我們)(?:转|轉|汇|匯|打)了?"
        r"(?:\d|[一二三四五六七八九十两兩几幾])",
    )
)

RULES: tuple[Rule, ...] = AD + SKILL + TRV + FEE + OFF + CONF + CONF_MORE + AID + AID_MORE
