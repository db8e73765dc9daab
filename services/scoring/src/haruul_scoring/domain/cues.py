"""Cue words of sentence context: news, hypothetical questions, news events, legal schemes, the
writer defrauded online, an offer the writer met; of a whole report, a public warning; and the
words that explain a sign away in its sentence (`benign_causes`, `lawful_employers`,
`lenders`).

A hit inside a *reported* sentence (news, rumour, or a hypothetical question such as "Is it
true that KK Park is closed?" / "What if they take my passport?") is not evidence about the
person; a raid or closure is a news event; a known legal route (the EPS scheme to Korea, a
scholarship, remote work) cancels the weak recruitment signs in its sentence.

Each cue is one regex (what `context` searches a sentence with), given here as its top-level
alternatives in two groups, spaced scripts and Chinese: `detect` indexes the groups with the
rules, so a report in which no group of a cue can occur never searches its sentences for it.
"""

from __future__ import annotations

from haruul_scoring.domain import benign_causes, defrauded, lawful_employers, lenders
from haruul_scoring.domain.mongolian import expand

NEWS: tuple[str, ...] = (
    r"\b(?:in|on|from) the (?:evening |morning |late |local |tv )?news\b|\bnews (?:reports?"
    r"|articles?|stor(?:y|ies)|pieces?|items?"
    r"|segments?|roundups?|digests?|said|says)\b"
    r"|\b(?:saw|seen|read|watched|heard) (?:the |some |all the )?news (?:about|of|on|that)\b"
    # (not "the police said": an officer's word about one person is the case itself)
    r"|\b(?:authorities|the un|interpol|the media) (?:say|said|reported)\b"
    r"|\b(?:an?|the) article\b|\bdocumentary\b|\bnewspapers?\b|\bi (?:read|heard) (?:that|about)\b"
    r"|\bread (?:online|on the internet|on facebook|somewhere) that\b"
    r"|\b(?:tv|television|radio) (?:reports?|stor(?:y|ies)|programm?es?|shows?)\b"
    r"|\baccording to (?:the )?(?:news|media|reports?)\b|\breportedly\b"
    r"|\b(?:i am|i'm|as) a journalist\b|\bwriting (?:an? |my )?(?:article|story|piece|report|paper"
    r"|thesis|essay|dissertation) (?:on"
    r"|about)\b|\b(?:saw|watched|seen) (?:a |an |the |some )?(?:tiktoks?|videos?|reels?|clips?"
    r"|documentar(?:y|ies)) (?:about|on|of)\b"
    r"|мэдээгээр|мэдээнд|мэдээнээс|сониноор|сонинд|сониноос|нийтлэл|телевизээр|сэтгүүлч"
    r"|в новостях|по новостям|по телевизору|в газете|\bслышал\w*,? что"
    r"|\bдля (?:газет\w*|стать\w*|репортаж\w*|сюжет\w*)\b|\bпишу (?:статью|материал|репортаж)\b"
    r"|\bжурналист\w*|\bновости[,:]|\bпересылаю из (?:канала|группы|чата)\b"
    r"|\b(?:про|по)?читал\w*,? (?:(?:статью|новость|пост|заметку),? )?(?:что|о|об|про)\b|\bсми\b"
    r"|\bпо (?:данным|сообщениям)\b"
    r"|\b(?:в интернете|в сети|в газетах|в новостях) пишут\b|\bпишут в (?:интернете|сети"
    r"|газетах|новостях)\b|\bкак сообща(?:ют|ли|ется)\b"
    r"|"
    + expand(r"\b(?:мэдээгээр|мэдээнд|мэдээнээс|сониноор) ")
    # rumours, and a rumour denied in its sentence ("they say he was sold, no such thing")
    + r"|\brumou?rs?\b|\bgossip\w*|\bnothing like that (?:happened|is true)\b"
    r"|\b(?:jokingly|as a joke|joking)\b|\bв шутку\b|\bшутя\b"
    r"|\b(?:someone|somebody|a (?:friend|neighbou?r|woman|man|guy|user|stranger)) (?:posted|shared"
    r"|forwarded|wrote) (?:that|about|a post)\b"
    # a story, video or post passed on ("sent me a video about KK Park")
    r"|\b(?:a|an|the|that|this|some) (?:tv |news |facebook |fb |tiktok |youtube |instagram )?"
    # ("about" only: "a video of my son with bruises" is the family's evidence, not news)
    r"(?:video|story|post|clip|reel|programme|program|show|documentary|piece|segment|feature)"
    r" about\b"
    r"|\b(?:tiktoks|videos|reels|clips|posts|stories) about\b"
    # a training session or lecture asked for
    r"|\b(?:session|training|lecture|workshop|seminar|presentation)s? (?:on|about)\b"
    r"|\b(?:семинар|лекци|тренинг|занят)\w* (?:о|об|по|про)\b"
    r"|\bслух\w*|\bсплетн\w*|\bничего (?:такого|подобного) не\b"
    # what a chat or a group "writes": "в чате нашего дома пишут, что её продали" (not "сыну в
    # телеграме пишут про работу", a recruiter writing to him)
    r"|\b(?:в чате|в группе|в соцсетях|в телеграме|в ватсапе)\b[^.!?\n]{0,25}?\bпишут,? что\b"
    r"|\b(?:people|they|everyone) (?:in|on) (?:the|our|a) (?:group ?chat|chat|group)s? (?:are )?"
    r"(?:saying|say|writing|write)\b"
    r"|"
    + expand(
        r"\b(?:(?:бичлэг|пост|нийтлэл)~ (?:уншсан|үзсэн|харсан|хуваалцсан|эргэлд~)|ам дамжуулан"
        r"|гэж ярьсныг (?:сонс|дуул)~"
        r"|(?:ийм|энэ|нэг) (?:юм|зүйл|пост|бичлэг|мэдээ|зураг|видео)~ (?:шэйрлэ|шейрлэ|хуваалц"
        r"|дамжуул)~|мэдээ~ (?:үзээд|үзсэн|уншаад|уншсан|сонсоод|сонссон)"
        r"|гэж ярьж (?:байгаа|байна)~ (?:сонс|дуул)~|тухай мэдээ~|мэдээ их гар~|зурагтаар"
        r"|сургалт (?:хийх|орох|явуулах|зохион)~"
        # "TV-ees … gej uzlee", "Medee-nd … gej garsan": seen on TV, said on the news
        r"|(?:мэдээ|зурагт|телевиз|tv|тв)~ …гэж (?:гарсан|гарлаа|гараад|ярьсан|ярьж|ярилаа|үзлээ"
        r"|үзсэн|харлаа|харсан|сонслоо|сонссон)~)"
    )
    + r"|\b(?:видео|сюжет\w*|пост\w*|ролик\w*|передач\w*|репортаж\w*|стать\w*|фильм\w*)"
    r" (?:про|о|об)\b|\bновост\w* (?:про|о|об)\b"
    r"|"
    + expand(
        r"\b(?:цуурхал|хов жив|худлаа (?:бичсэн|ярьсан|тараа)|тийм (?:юм|зүйл) (?:огт )?"
        r"(?:байхгүй|болоогүй))~"
    ),
    r"新闻|新聞|报道|報道|报导|報導|媒体|媒體|听说|聽說|听人说|聽人說|据说|據說|网上说|網上說|传闻|傳聞|文章"
    r"|记者|記者|谣言|謠言|传言|傳言|流言|没有这回事|沒有這回事"
    r"|(?:看|刷)到(?:一个|一個)?(?:视频|視頻|帖子)|论文|論文|刷到"
    r"|关于[^。！？!?\n]{0,20}?的(?:视频|視頻|新闻|新聞|报道|報道|帖子)|讲座|講座",
)
HYPOTHETICAL: tuple[str, ...] = (
    r"\b(?:is (?:it|that) true|what if|what happens if|if|is it (?:legal|normal|allowed|ok|okay"
    r"|possible)|can (?:they|an employer|employers|the employer|my employer|a company)"
    r"|are (?:they|these|those) (?:real|legit\w*|true|safe))\b"
    r"|үнэн үү|хэрэв|хэрвээ|бол яах|яах вэ|болох уу|зөв үү|хууль ёсны уу|хэрэгтэй юу"
    r"|\bherv?ee?\b|\bherwee\b|\byaa?h ve\b|\bunen uu\b|орох уу|\borohuu\b|\boroh uu\b"
    r"|\bwho (?:pays|will pay|is paying|covers|will cover|buys|will buy)\b"
    r"|\bкто (?:платит|будет платить|оплачивает|оплатит|заплатит|покупает|купит)\b"
    r"|правда ли|\bесли\b|можно ли|могут ли|может ли|законно ли|это законно|неужели"
    r"|действительно ли|верно ли"
    r"|это правда",
    r"是真的吗|是真的嗎|如果|可以吗|合法吗|是不是|是否|会不会|會不會|请问|請問|谁付|誰付|谁出钱|誰出錢",
)
# Raids, closures and rescues are news events: a hub or "scam centre" named in such a sentence
# is where the event happened, not where the person is.
EVENT: tuple[str, ...] = (
    r"\braid(?:s|ed|ing)?\b|\bcrack(?:ed)? ?down|\bshut down\b|\brescued\b"
    r"|\b(?:was|were|been|be|got|are|is) closed\b|\bclosed (?:down|all|several|many|dozens)\b"
    r"|\bdemolish\w*|\bliberat\w*"
    r"|\bрейд\w*|\bоблав\w*|\bзакры(?:ли|л|ла|ты|т|та|то|вают)\b|\bосвобод\w*|\bспасл\w*"
    r"|\bснес(?:ли|ен\w*)\b|\bзачистк\w*|\bликвидир\w*"
    r"|" + expand(r"\b(?:хаасан|хаагдсан|хааж|хаагд~|дайралт~|чөлөөлсөн|аварсан|нураа~)"),
    r"突袭|突襲|突击|突擊|解救|清理|打掉|关闭|關閉|都关了|都關了|已经关了|已經關了|取缔|取締|端掉"
    r"|捣毁|搗毀|查封|清剿",
)
LEGIT: tuple[str, ...] = (
    r"\beps\b|\bemployment permit system\b|\bexchange (?:programm?e|student|semester)\b"
    r"|\bsemester exchange\b|\bscholarships?\b|\bwork and travel\b|\bwork(?:s|ing)? remotely\b"
    r"|тэтгэлэг|солилцооны хөтөлбөр|по обмену|стипенди"
    # Japan's Specified Skilled Worker scheme; a licensed job agency
    r"|\btokutei ginou\b|\bspecified skilled worker\b|токутей|\btusgai zuvshuurultei\b"
    r"|тусгай зөвшөөрөлтэй",
    r"交换生|交換生|奖学金|獎學金|特定技能|(?:交|缴|繳)社保|五险一金|五險一金",
)

# The writer defrauded online, at home: money sent to an investment, a crypto exchange or a
# broker ("перевёл 2 миллиона … теперь она не отвечает"). Whoever stopped answering is the
# fraudster, and the fraud is done to the writer, not by a person held in a compound.
DEFRAUDED: tuple[str, ...] = (
    r"\b(?:invest\w*|crypto\w*|trading (?:platform|site|app)|brokers?)\b[^.!?\n]{0,80}?\b(?:i|we)"
    r" (?:sent|transferred|invested|deposited|lost|put in)\b"
    r"|\b(?:i|we) (?:sent|transferred|invested|deposited|lost)\b[^.!?\n]{0,80}?\b(?:invest\w*"
    r"|crypto\w*|trading (?:platform|site|app)|brokers?)\b"
    # scammed out of money, or kept from withdrawing it: "got scammed on a fake crypto site",
    # "has to pay an unlock fee before he can withdraw"; not "he was scammed into a job in
    # Cambodia", where the scam is the deception that moved him
    r"|\b(?:got|was|were|been|i'?ve been|we'?ve been) (?:scammed|defrauded)\b[^.!?\n]{0,60}?"
    r"\b(?:sites?|apps?|platforms?|crypto\w*|invest\w*|lost|usd\w*|money)\b"
    r"|\b(?:can'?t|cannot|unable to|before (?:\w+ )?can) (?:withdraw\b|take (?:anything|it"
    r"|the money|my money|money) out\b)|\b(?:unlock|withdrawal) (?:fees?|tax(?:es)?)\b"
    r"|\btried to withdraw\b"
    r"|\blost\b[^.!?\n]{0,40}?\bto (?:an? |the )?[\"'“]?(?:invest\w*|crypto\w*|trading)"
    r"|\bне (?:могу|может|можем|могут) вывести\b|\bкомисси\w* за вывод\b"
    r"|\b(?:инвестиц\w*|инвестиционн\w*|вложи\w*|криптобирж\w*|брокер\w*|трейдинг\w*)\b"
    r"[^.!?\n]{0,80}?\bперев[её]л\w*"
    r"|\bперев[её]л\w*\b[^.!?\n]{0,80}?\b(?:инвестиц|инвестиционн|криптобирж|брокер)\w*"
    r"|"
    + expand(
        r"\b(?:хөрөнгө оруулалт|крипто|crypto|брокер|арилжаа)~ …(?:шилжүүлсэн|шилжүүлчихсэн|хийсэн"
        r"|хийчихсэн|оруулсан|оруулчихсан|хийгээд|оруулаад|шилжүүлээд)~"
    ),
    r"(?:投资|投資|虚拟币|虛擬幣|炒币|炒幣|币圈|幣圈|理财|理財)[^。！？!?\n]{0,20}?(?:转了|轉了|投了|充了"
    r"|汇了|匯了)|(?:无法|不能|没法)提现|提不出(?:来|钱)|被杀猪盘骗|才能(?:解冻|提现)"
    r"|(?:账户|帐户|賬戶)(?:还是|被|就)?冻结"
    # cheated of a sum ("被杀猪盘骗了二十万"), not "他被骗了" alone, nor the deception that moved a
    # person ("被骗到缅甸，说月薪2万"), nor a person forced to cheat ("被逼用假身份聊天骗钱")
    r"|被[^。！？!?\n，,逼迫让讓叫]{0,12}?骗(?!到|去|往|至|进|進|入)(?:走)?了?[^。！？!?\n，,]{0,6}?(?:\d|钱|錢|元"
    r"|块|塊|万|萬|美元|美金|usdt)",
)

# An offer the writer met: a job advert, a vacancy, an offer made to them. "Saw an ad: $3,000 in
# Thailand. Is it true?" asks whether the offer is genuine, which is the warning itself; the
# question does not make the ad hearsay (`context.Sentences.doubt`).
OFFER: tuple[str, ...] = (
    r"\b(?:saw|seen|found|got|received|came across|sent (?:me|us|him|her))\b[^.!?\n]{0,30}?"
    r"\b(?:ads?|adverts?|advertisements?|vacanc(?:y|ies)|(?:job )?offers?|job posts?|postings?"
    r"|listings?)\b|\boffered (?:me|him|her|them|us|my)\b"
    r"|\b(?:увидел\w*|видел\w*|наш[её]л|нашла|получил\w*|пришл\w*|прислал\w*|скинул\w*)\b"
    r"[^.!?\n]{0,30}?\b(?:объявлени|ваканси|предложени)\w*"
    r"|\bпредложил\w* (?:мне|ему|ей|им|нам|сыну|дочери|брату|сестре|работу)\b"
    r"|"
    + expand(
        r"\b(?:зар~ (?:харлаа|харсан|харав|үзсэн|үзлээ|олсон|ирсэн|ирлээ|гарсан|гарлаа|гарчээ)"
        r"|(?:ажлын )?санал~ (?:ирсэн|ирлээ|тавьсан|болгосон|авсан))"
    ),
    r"(?:看到|刷到|收到|发来|發來|转来|轉來)[^。！？!?\n]{0,12}?(?:招聘|广告|廣告|招工|职位|職位|工作)",
)

# A warning to the public: an awareness post, a memo, a leaflet ("PSA", "Памятка, перешлите
# родным", "АНХААРУУЛГА … түгээж туслаарай", "转发提醒"). Read with `public_warning`: a warning
# that names no one in particular describes how the scam works, not a person at risk.
WARNING: tuple[str, ...] = (
    r"\bpsa\b|\bpublic (?:service )?(?:announcement|warning)|\bbeware\b|\bwarning\s*[:!]"
    r"|\bplease (?:share|forward|repost|spread)|\bshare (?:this|it|with (?:your|everyone|friends)"
    r"|widely)\b|\bdo(?: not|n'?t) (?:trust|believe|fall for)\b|\bawareness\b"
    r"|\bstay (?:safe|alert|vigilant)\b|\bif (?:anyone|someone|somebody) offers you\b"
    r"|\bforwarding (?:this |it )?to (?:the |our |my )?(?:family|group|chat)"
    r"|\bworth (?:reading|sharing)\b"
    # a record of an outreach or training session, or a memo about the scheme: "Outreach log",
    # "no personal data", "no student raised a personal or family case"
    r"|\boutreach (?:log|session|record|event|visit|talk)s?\b"
    r"|\bawareness (?:session|talk|training|campaign)s?\b"
    r"|\b(?:training|information|briefing) (?:notes?|memo|session|sheet)\b"
    r"|\bno (?:personal|individual) (?:data|details|cases?)\b"
    r"|\bno (?:student|participant|attendee|one)s? (?:raised|reported|mentioned) (?:a|any)"
    r" (?:personal|family|own|individual) case"
    r"|\bинформационн\w* (?:записк|письм|бюллетен|листовк)\w*|\bбез персональных данных\b"
    r"|\bпамятк\w*|\bвнимание(?:,? (?:всем|все|друзья|родители))?\s*[:!]|\bне (?:верьте"
    r"|ведитесь)\b|\bперешлите\b|\bподелитесь\b|\bесли вам (?:пишут|предлагают|напишут"
    r"|предложат)\b"
    r"|\bрепост\w*|\bбудьте (?:осторожны|бдительны)|\bпредупрежда\w*"
    # "Выпускникам на заметку: … — это может быть вербовка": a scheme described, not a case
    r"|\bна заметку\b|\bэто (?:может быть|скорее всего|часто|почти всегда) (?:вербовк|ловушк"
    r"|мошенничеств|торговл)\w*"
    r"|\b(?:this|it) (?:could|may|might|is likely to|is often) (?:be )?(?:a )?(?:trafficking"
    r"|recruitment (?:into|for|by)|trap)\b"
    # each Mongolian wording its own alternative, so that the index searches only those whose
    # words occur (as one group, it was searched in two reports of five at ~100 µs each)
    + "".join(
        "|" + expand(rf"\b{wording}")
        for wording in (
            "анхааруулг~",
            "анхааруулж байна",
            "сэрэмжлүүл~",
            "бүү итгэ~",
            "битгий итгэ~",
            "(?:групп|group)~ (?:шилжүүл|дамжуул)~",
            "түгээж тусла~",
            "хуваалцаарай",
            "хуваалцъя",
            "хуваалцая",
            "дамжуулаарай",
            "шэйрлээрэй",
            "заавал уншаарай",
            "сургалтын тэмдэглэл",
            "хувийн хүн биш",
            "хувийн мэдээлэлгүй",
        )
    )
    + r"|\bshare hii\w*",
    r"提醒|警惕|不要相信|别相信|別相信|请转发|請轉發|转发扩散|轉發擴散|防骗|防騙"
    r"|宣导|宣導|宣讲|宣講|不涉及(?:具体|具體)?(?:个案|個案)|无人反映|無人反映"
    r"|(?:很)?可能是(?:诈骗|騙局|骗局|陷阱|人口贩卖)",
)

CUES: dict[str, tuple[str, ...]] = {
    "news": NEWS,
    "hypothetical": HYPOTHETICAL,
    "event": EVENT,
    "legit": LEGIT,
    "defrauded": DEFRAUDED,
    "offer": OFFER,
    "warning": WARNING,
    # the words that explain a sign away in its sentence (`detect._EXPLAINED_AWAY`)
    **benign_causes.CUES,
    **defrauded.CUES,
    **lawful_employers.CUES,
    **lenders.CUES,
}
