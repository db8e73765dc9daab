"""Generalisation cases: new wordings, written apart from the engine's patterns and from any
evaluation set, in English, Mongolian (Cyrillic and Latin-typed), Russian and Chinese.

Each case says which codes a text must contain, which it must not, and optionally the highest
or lowest level it may get.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level


@dataclass(frozen=True)
class Case:
    text: str
    must: frozenset[str] = frozenset()
    must_not: frozenset[str] = frozenset()
    at_most: Level | None = None
    at_least: Level | None = None


def c(
    text: str,
    must: str = "",
    must_not: str = "",
    at_most: Level | None = None,
    at_least: Level | None = None,
) -> Case:
    return Case(text, frozenset(must.split()), frozenset(must_not.split()), at_most, at_least)


LOW = Level.LOW
ALL = "S-HUB ISO MOV DOC S-SCAM S-XB VIO"

# 1. News, rumours and questions about events are not facts about a person.
NEWS_AND_QUESTIONS = [
    c("Правда ли, что после рейдов закрыли все скам-центры в Мьявадди?", "", ALL, LOW),
    c("Я прочитала, что в Пойпете закрыли колл-центры мошенников. Это правда?", "", ALL, LOW),
    c("Говорят, полиция освободила сотни людей из лагерей в Бавете.", "", ALL, LOW),
    c("В интернете пишут, что КК Парк снесли. Неужели это так?", "", ALL, LOW),
    c("Рейды закрыли мошеннические центры в Сиануквиле в прошлом месяце.", "", ALL, LOW),
    c("新闻说妙瓦底的园区被突袭了，请问是不是都已经关了？", "", ALL, LOW),
    c("请问西港的诈骗园区是不是已经被清理了？", "", ALL, LOW),
    c("听人说金边的园区都被打掉了，很多人被解救出来。", "", ALL, LOW),
    c("看到报道说警方突袭了KK园区，解救了两百人。", "", ALL, LOW),
    c("Police raids closed several scam centres in Sihanoukville last month.", "", ALL, LOW),
    c("Мэдээгээр КК паркийг хаасан гэж гарсан, үнэн үү?", "", ALL, LOW),
    c("Medeegeer Bavet-iin luivardah tuvuudiig haasan gej sonsson.", "", ALL, LOW),
]

# Facts next to news words still count.
FACTS_BESIDE_NEWS = [
    c(
        "Police raided a compound in Myawaddy, but my son is still there and they took his"
        " passport.",
        "DOC",
    ),
    c("我儿子在妙瓦底，护照被扣了。", "DOC S-HUB"),
    c("Мой брат в Мьявадди, у него забрали паспорт.", "DOC S-HUB"),
]

FACTS_BESIDE_NEWS += [
    c("Сына заставляют обманывать людей в интернете, паспорт забрали.", "DOC S-SCAM"),
    c("I saw the job on Facebook, and now they took his passport in Bavet.", "DOC S-HUB"),
]

# 2. Mongolian "биш" negation, "not in" elsewhere, and withdrawn earlier reports.
NEGATED_AND_RETRACTED = [
    c(
        "About my earlier call: my son answered at last, he is studying in Bavet. You can close"
        " the case.",
        "",
        "S-HUB",
        LOW,
    ),
    c("Миний дүүгийн тухай дуудлагыг хааж болно, бүх юм хэвийн байна.", "", "ISO", LOW),
    c("Она нашлась, была у подруги. Извините за беспокойство.", "", "ISO", LOW),
    c("hervee tednii passportiig huraaval yah ve?", "", "DOC", LOW),
    c("Дүү маань Бавет явахаа больсон, асуудал шийдэгдсэн.", "", "S-HUB", LOW),
    c(
        "We spoke today: he works in a hotel in Poipet and can fly home whenever he wants.",
        "",
        "S-HUB",
        LOW,
    ),
    c(
        "Update: my cousin in Bavet is fine and was just busy. Sorry for the alarm.",
        "",
        "S-HUB",
        LOW,
    ),
    c("Тэр Пойпетэд биш, Улаанбаатарт ажиллаж байгаа.", "", "S-HUB", LOW),
    c("Ter Poipetad bish, Seoul-d ajillaj baigaa.", "", "S-HUB", LOW),
    c("Охин маань Баветэд биш, Бангкокт амарч байна.", "", "S-HUB", LOW),
    c("He is not in Poipet, he is studying in Bangkok.", "", "S-HUB", LOW),
    c("Она не в Бавете, она учится в Бангкоке.", "", "S-HUB", LOW),
    c("他不在西港，他在曼谷读书。", "", "S-HUB", LOW),
    c(
        "Өмнө нь хүүгээ Пойпетэд сураггүй болсон гэж мэдээлсэн, уучлаарай. Тэр зүгээр, цалингаа"
        " авдаг, хүссэн үедээ гэртээ ирж болно.",
        "",
        "ISO S-HUB",
        LOW,
    ),
    c(
        "Earlier I reported my sister missing in Bavet, sorry, it was a false alarm: she is fine"
        " and can come home whenever she wants.",
        "",
        "ISO S-HUB",
        LOW,
    ),
    c(
        "Я раньше писала, что сын пропал и не выходит на связь. Извините, ложная тревога, он в"
        " порядке.",
        "",
        "ISO",
        LOW,
    ),
    c("之前说我女儿失联了，对不起，是误会，她现在很好，随时可以回家。", "", "ISO", LOW),
    # A place that is negated does not hide the place that is not, nor coercion.
    c("He is not in Poipet, he is in KK Park now and cannot leave.", "S-HUB MOV"),
    c("Тэр Пойпетэд биш, КК паркт байгаа, гарч чадахгүй байна.", "S-HUB MOV"),
    # An apology is not a retraction.
    c("Sorry for my English. My son is in Bavet and they took his passport.", "DOC S-HUB"),
    c("Уучлаарай, хүү маань Баветэд байгаа, паспортыг нь хураасан.", "DOC S-HUB"),
]

# 3. Chinese selling, confiscated phones, long hours and unpaid wages.
CHINESE_COMPOUND = [
    c("他被公司以八万元卖到了缅甸的另一家公司。", "S-SOLD", "", None, Level.CRITICAL),
    c("我弟弟被转手卖给另外一个园区。", "S-SOLD"),
    c("到了那边手机被没收了。", "ISO"),
    c("他们的手机全部被收走，只能用公司的电脑。", "ISO"),
    c("每天工作十六个小时，没有休息。", "OT"),
    c("一天要干十五个小时。", "OT"),
    c("干了三个月，一分钱工资都没有。", "WAG"),
    c("工资一直没发，说要扣押金。", "WAG"),
]

# Per-indicator wordings.
INDICATORS = [
    # COND
    c("They only gave us one meal a day and we slept twenty to a room.", "COND"),
    c("Whoever missed the target had to do squats all night.", "COND"),
    c("Өдөрт ганцхан удаа хооллодог, нэг өрөөнд арван хүн унтдаг.", "COND"),
    c("Neg uruund 15 hun untdag, tuluvluguu biyeluulehgui bol hool ugdugui.", "COND"),
    c("Кормили раз в день, в одной комнате спали двенадцать человек.", "COND"),
    c("За невыполнение плана заставляли приседать всю ночь.", "COND"),
    c("每天只给一顿饭，十几个人挤在一个房间。", "COND"),
    c("完不成业绩就要罚站。", "COND"),
    # DEC
    c("He was told he would work in a hotel, but they took him somewhere else.", "DEC"),
    c("The salary turned out to be half of what the agent said.", "DEC"),
    c("Зочид буудалд ажиллана гэсэн боловч өөр газар аваачсан.", "DEC"),
    c("Ajil ni zar deer bichsenees ogt uur baisan.", "DEC"),
    c("Оказалось, что никакой работы в отеле нет.", "DEC"),
    c("Вакансия была совсем не та, что в объявлении.", "DEC"),
    c("招聘时说是做酒店前台，到了才发现是另一回事。", "DEC"),
    c("工作跟当初说的不一样。", "DEC"),
    # the job or the workplace changed on the way; the promise, then the switch
    c("She was told the work was at a hotel in Pattaya, but the van kept driving north.", "DEC"),
    c("He was hired as a graphic designer and now chats with strangers about crypto.", "DEC"),
    c("My cousin flew out to work in a casino, but now she is in another country.", "DEC"),
    c("At the airport the agent said the office is 'temporarily' in Tachileik.", "DEC"),
    c("Компанийн оффис нүүсэн гээд тэднийг хилээр гаргасан.", "DEC"),
    c("ajlin bair nuusen gej helsen, odoo hil ruu yvj bna", "DEC"),
    c("Тайландад ажиллана гэж л хэлсэн, Мьянмарын тухай юу ч яриагүй.", "DEC"),
    c("Никто не предупредил, что работа будет в Камбодже.", "DEC"),
    c("Сестра поехала работать няней, а теперь пишет, что её держат взаперти.", "DEC"),
    c("Нам сказали, что компания якобы переехала, и повезли к границе.", "DEC"),
    c("到了机场，对方说公司已经搬到缅甸了。", "DEC"),
    # VUL
    c("She is a single mum and was desperate for money after losing her job.", "VUL"),
    c("He could not pay back his bank loan.", "VUL"),
    c("Тэр их сургууль төгсөөд ажил олдохгүй байсан.", "VUL"),
    c("Ter mungu heregtei baisan, zeeliin ur ihtei.", "VUL"),
    c("Он остался без работы и влез в кредиты.", "VUL"),
    c("他大学毕业后一直找不到工作，家里很穷。", "VUL"),
    # MOV
    c("Nobody is allowed to step outside the gate.", "MOV"),
    c("There is barbed wire on the walls and the doors are locked from outside.", "MOV"),
    c("Гадуур гарахыг хориглосон.", "MOV"),
    c("Gadaa garahiig horigloson.", "MOV"),
    c("Территорию стерегут автоматчики, выйти невозможно.", "MOV"),
    c("园区四周都是铁丝网，有人拿枪守着。", "MOV"),
    c("不准出园区大门。", "MOV"),
    # S-AID
    c("The agent lent her 500 dollars for her son's school and then asked her to sign.", "S-AID"),
    c("The man bought her a new phone and clothes before asking her to sign.", "S-AID"),
    c("Зуучлагч ээжийнх нь эмнэлгийн төлбөрийг төлж өгөөд гэрээнд гарын үсэг зуруулсан.", "S-AID"),
    c("Agent ni bidend mungu zeelj ugsun, daraa ni geree zuruulsan.", "S-AID"),
    c("Вербовщик купил ей телефон и одежду, а потом предложил подписать контракт.", "S-AID"),
    c("中介先借给他五千块，然后让他签合同。", "S-AID"),
    # S-CONF
    c("The agent said to keep quiet about the offer until she left.", "S-CONF"),
    c("She was told to say she was going on holiday.", "S-CONF"),
    c("Энэ талаар гэрийнхэндээ хэлж болохгүй гэсэн.", "S-CONF"),
    c("Ene tuhai geriinhendee helj bolohgui gesen.", "S-CONF"),
    c("Сказали, чтобы она никому об этом не рассказывала.", "S-CONF"),
    c("中介交代她这件事要守口如瓶，别让家里人知道。", "S-CONF"),
]

# Mongolian wordings whose own suffix is the negation (-гүй: "without", "will not"): the
# indicator itself, which the negation check must not cancel. A real negation still does.
OWN_NEGATION = [
    c("Ажилгүй болоод хагас жил болж байгаа.", "VUL"),
    c("Манай охин насанд хүрээгүй шүү дээ.", "VUL"),
    c("Паспортыг нь буцааж өгөхгүй гэнэ.", "DOC"),
    c("Долоо хоногт нэг ч өдөр амралтгүй.", "OT"),
    c("Тэнд өдөржин хоол өгдөггүй гэсэн.", "COND"),
    c("Онгоцны тийз нь үнэгүй гэж хэлсэн.", "S-TRV"),
    c("Өрөө төлөхгүй бол гаргахгүй гэж байна.", "DEBT"),
    c("Тэд паспортыг нь аваагүй, өөрт нь байгаа.", "", "DOC"),
]

# Wider wordings of the ILO indicators and recruitment signs.
MORE_INDICATORS = [
    # COND: a quota not reached, food withheld
    c("Anyone who does not hit the weekly quota is made to stand all night.", "COND"),
    c("Ей три дня не давали есть, потому что она отказалась.", "COND"),
    c("Өдрийн төлөвлөгөөгөө биелүүлээгүй хүмүүсийг шийтгэдэг.", "COND"),
    # VUL: no work, no money, a loan, a family debt
    c("He has been out of work since the factory closed.", "VUL"),
    c("Манайд мөнгө байхгүй, банкнаас зээл авсан.", "VUL"),
    c("他家里欠了不少债，所以很着急。", "VUL"),
    # MOV: not let out, out only with a minder, leaving forbidden, confined
    c("She has not been allowed outside since March.", "MOV"),
    c("The workers only go out with a guard beside them.", "MOV"),
    c("Выходить из здания им нельзя.", "MOV"),
    c("Сказали, что не отпустят, пока не заплатим.", "MOV"),
    c("Ах маань тэнд хоригдож байгаа.", "MOV"),
    # S-CONF: told not to tell
    c("招聘启事写着：请勿告知亲友。", "S-CONF"),
    c("they said dont tell your parents about this job", "S-CONF"),
    c("Энэ ажлын талаар гэр бүлдээ ярьж болохгүй гэсэн.", "S-CONF"),
    # S-AID: the recruiter's money first
    c("The recruiter wired 300 dollars to pay off her phone loan.", "S-AID"),
    c("那个人说先帮他们家还掉银行的贷款。", "S-AID"),
    # ISO: silence, a phone off or taken, calls rationed or overheard
    c("My calls don't go through anymore, and he was last online three weeks ago.", "ISO"),
    c("她已经五天没回消息了。", "ISO"),
    c("Ах маань сүүлийн долоо хоног хариу бичээгүй.", "ISO"),
    c("Утас нь унтраатай байна.", "ISO"),
    c("Ээжтэйгээ ярьж чадаагүй гэсэн.", "ISO"),
    c("Утсыг нь орой бүр хураадаг.", "ISO"),
    c("Гэр рүүгээ залгахад хажууд нь хүн сууж сонсдог.", "ISO"),
    c("Телефон у него сразу забрали.", "ISO"),
    c("Родным ей можно звонить только раз в месяц.", "ISO"),
    c("С нами она разговаривает только под присмотром.", "ISO"),
    # S-TRV: the recruiter buys, sends or handles the travel
    c("The company is buying his plane ticket.", "S-TRV"),
    c("They will send her the e-ticket tomorrow.", "S-TRV"),
    c("The agency handles the visa for everyone.", "S-TRV"),
    c("Перелёт оплачивает работодатель.", "S-TRV"),
    c("签证由公司负责，机票全包。", "S-TRV"),
    # S-SKILL: a language or skill the offer insists on
    c("Looking for bilingual staff, 3000 USD a month.", "S-SKILL"),
    c("Korean is a must for this position.", "S-SKILL"),
    c("Китайский язык обязателен, опыт не нужен.", "S-SKILL"),
    c("Англи хэл сайн мэддэг хүн хэрэгтэй гэсэн.", "S-SKILL"),
    # S-FEE: money to send first; S-AD: a lure job, typed in a hurry
    c("He must transfer 200 dollars for the paperwork first.", "S-FEE"),
    # a fee for papers is not a ransom; a demand to release someone is
    c("Агентство требует 500 долларов за оформление документов.", "S-FEE", "S-RAN", Level.MEDIUM),
    c("Требуют 10 000 долларов, иначе его не отпустят.", "S-RAN"),
    c("custmer service job in thailand, 2000 usd a month", "S-AD"),
    # DOC, OT: the passport "kept safe"; the hours after the day
    c("Their passports will be 'kept safe' by the manager.", "DOC"),
    c("Every day they work 15 hours, sometimes more.", "OT"),
    # THR: organ traffickers, "or else" in Chinese, "if not ... sent away" in Russian
    c("They said they would hand him to the organ traffickers.", "THR"),
    c("三天内不给钱，否则把人卖到缅甸。", "THR"),
    c("Если не заплатите, его отправят в другую страну.", "THR"),
    # DEBT: an amount to repay for the travel; the "damage" to be paid for
    c("He must repay 3,000 dollars for the visa and housing.", "DEBT"),
    c("Компанид учруулсан хохирлыг төл гэж шаардсан.", "DEBT"),
    # S-SCAM: fake names and investments, luring money out of people
    c("She chats with strangers under a fake name all night.", "S-SCAM"),
    c("Их заставляют выманивать деньги у пенсионеров.", "S-SCAM"),
    # S-HUB: places as typed
    c("He crossed into Poipeit last night.", "S-HUB"),
    c("Охин маань Пойпэт рүү явсан.", "S-HUB"),
    c("They work for a gaming company in Clark, Pampanga.", "S-HUB"),
    # WAG: wages frozen, or not paid to him (not the family not paying)
    c("His salary is 'frozen' until the contract ends.", "WAG"),
    c("They have not paid him for two months.", "WAG"),
    # OT: a day from the morning past midnight, a night into the morning
    c("She works from 8 am to 2 am, every day.", "OT"),
    c("Night shift from 7 pm to 9 am, no breaks.", "OT"),
    # S-AD: lure jobs as named
    c("他去缅甸做网络推广，说工资很高。", "S-AD"),
    c("kazinod dealer hiine geed yavsan", "S-AD"),
    c("Гадаадад дата оруулах ажил санал болгосон.", "S-AD"),
    c("Он поехал работать в техподдержке.", "S-AD"),
    c("They offered him an IT support job abroad.", "S-AD"),
    # S-FEE, S-OFF (MN): visa money in advance; a contract "certified by the embassy"
    c("Визийн мөнгө 800 мянган төгрөгийг урьдчилж төл гэсэн.", "S-FEE"),
    c("Гэрээг элчин сайдын яамаар баталгаажуулсан гэж байна.", "S-OFF"),
    # S-RAN: pay to have him released; until you pay
    c("Хүүг суллуулахын тулд 50 сая төгрөг шилжүүл гэж байна.", "S-RAN"),
    c("Пока не переведёте деньги, её не отпустят.", "S-RAN"),
    # S-SOLD, S-SEX, VIO
    c("The boss received 5,000 dollars for her.", "S-SOLD"),
    c("Её заставляют спать с клиентами.", "S-SEX"),
    c("They used a stun gun on him.", "VIO"),
    # DEC: on arrival, the switch; a job that was never there
    c("When they arrived there the boss said they must work nights in a casino.", "DEC"),
    c("There was no such hotel, the address was a warehouse.", "DEC"),
    c("Очсон чинь тэр ажил нь байгаагүй гэсэн.", "DEC"),
    c("到达以后被人拉到了另一个园区。", "DEC"),
    # S-SEX, DEBT, VUL
    c("They make the girls entertain customers in the karaoke rooms.", "S-SEX"),
    c("She has to pay back 4,000 dollars for the room and the trip.", "DEBT"),
    c("He hasn't found a job for a year now.", "VUL"),
    # MOV, ISO, OT, THR
    c("Ажилчдыг гадагш гаргуулдаггүй.", "MOV"),
    c("Покидать общежитие им запрещено.", "MOV"),
    c("The managers read all messages we send home.", "ISO"),
    c("Өдөр бүр 14-15 цаг суулгаж ажиллуулдаг.", "OT"),
    c("老板说如果谁不干活就把他卖掉。", "THR"),
    # S-TRV, S-SKILL, S-AD, S-FEE
    c("Билет им оплачивает фирма.", "S-TRV"),
    c("机票由公司承担，签证也帮忙办。", "S-TRV"),
    c("Хятад хэл заавал мэддэг хүн авна гэж байна.", "S-SKILL"),
    c("Обязательно знание китайского, зарплата высокая.", "S-SKILL"),
    c("He was offered work as a casino dealer in Laos.", "S-AD"),
    c("Нужно перевести 200 долларов за страховку до вылета.", "S-FEE"),
    # S-HUB: Phnom Penh, a hub in INDICATORS.md
    c("Ах маань Пномпенд нэг компанид ажиллаж байгаа.", "S-HUB"),
    # THR: traded on, "or else", resold, frightened
    c("They told him they would trade him to another park if he complains.", "THR"),
    c("Mungu yvuul, ugvi bol zodno gesen.", "THR"),
    c("Сказали, что перепродадим, если не будет работать.", "THR"),
    c("Гэртээ харья гэвэл цагдаад өгнө гэж айлгадаг.", "THR"),
    # WAG, DEBT
    c("Хоёр сар ажилласан ч нэг ч төгрөг өгөөгүй.", "WAG"),
    c("她说半年来一直没领到工资。", "WAG"),
    c("老板说要先付两万块才能离开。", "DEBT"),
    # DEC: no such job on arrival; not what was said; less than promised
    c("When she arrived there was no teaching job at all.", "DEC"),
    c("公司不是当初说的那家。", "DEC"),
    c("Зочид буудал биш өөр газар аваачсан.", "DEC"),
    c("Цалин нь амласнаас хамаагүй бага.", "DEC"),
    c("Вместо работы в отеле её посадили за компьютер.", "DEC"),
    # ISO, MOV, DOC
    c("They check everyone's phones every evening.", "ISO"),
    c("My phone was taken at the gate.", "ISO"),
    c("Телефон дают только по воскресеньям.", "ISO"),
    c("No one gets out, there are men with guns at the door.", "MOV"),
    c("The agent has had her passport since January.", "DOC"),
    c("His passport stays with the company until the contract ends.", "DOC"),
    # S-SEX, S-SCAM
    c("The girls have to drink with customers until morning.", "S-SEX"),
    c("He pretends to be a rich businesswoman online.", "S-SCAM"),
    c("They talk lonely people into investing in a fake crypto platform.", "S-SCAM"),
    c("Хуурмаг профайлаар чатлуулдаг.", "S-SCAM"),
    c("Их заставляют писать от чужого имени.", "S-SCAM"),
    # S-TRV, S-AD, S-SKILL
    c("Flights and visa are covered by the employer.", "S-TRV"),
    c("Тийзийг нь компани авч өгсөн.", "S-TRV"),
    c("She went to Laos to work in a call centre.", "S-AD"),
    c("Requirements: Chinese typing, basic computer.", "S-SKILL"),
    c("Ищут операторов с китайским.", "S-SKILL"),
    # DEC: "the real office is elsewhere"; the promise, then the switch (ZH); not the job (MN)
    c("The agent said the 'real office' is in Tachileik.", "DEC"),
    c("原本说是去做前台，结果被送到了工厂。", "DEC"),
    c("他们说的工作其实是网上骗人。", "DEC"),
    c("ajil n orchuulagch bish baisan", "DEC"),
    # THR, S-RAN, VIO, COND: conditions that end in a threat or a beating
    c("Мөнгө шилжүүлэхгүй бол хүүг чинь өөр газар аваачна гэсэн.", "THR", "DEC"),
    c("他们说家里不交钱，就把她卖到别的地方。", "THR"),
    c("老板要我们家出钱赎他。", "S-RAN"),
    c("完不成任务就挨打。", "VIO"),
    c("Кто не выполняет план — того бьют.", "VIO COND"),
    # MOV, S-SEX, DEBT, VUL, ISO, S-TRV, S-SKILL, S-AD
    c("员工不能随便出去，门口有人看着。", "MOV"),
    c("The owner makes them go with customers to the hotel rooms upstairs.", "S-SEX"),
    c("她被逼陪客人过夜。", "S-SEX"),
    c("She must pay back 9,000 yuan for the bus and the food first.", "DEBT"),
    c("Банкны зээл их байгаа, төлж чадахгүй.", "VUL"),
    c("他毕业两年了还没找到工作。", "VUL"),
    c("He wrote from a friend's phone; his own was taken.", "ISO"),
    c("机票是公司买的，签证也是。", "S-TRV"),
    c("Обязательно свободный японский.", "S-SKILL"),
    c("The company hired her for customer service in Phnom Penh.", "S-AD S-HUB"),
    c("Откликнулся на объявление: оператор в казино.", "S-AD"),
    c("crypto-d mungu oruuldag ajil hiilgedeg", "S-SCAM"),
    c("Ах маань Пампанга мужид компанид ажилд орсон.", "S-HUB"),
]

# Benign texts that share words with the patterns above.
BENIGN = [
    c("The hotel restaurant serves one meal a day on Sundays.", "", "COND", LOW),
    c("My brother lent me 20 dollars for the bus.", "", "", Level.MEDIUM),
    c("Тэр ажилдаа сэтгэл хангалуун, цалингаа цагт нь авдаг.", "", "WAG DEC", LOW),
    # "fake" for the fraud itself, "another company" someone is sold to: not deception
    c("Тэднийг өөр компанид зарна гэж сүрдүүлсэн.", "", "DEC"),
    c("oor kompanid 5000$-oor zarsan gej bna", "", "DEC"),
    c("hudlaa profile neegeed humuustei chatladag", "", "DEC"),
    c("Өдөр бүр хуурамч хөрөнгө оруулалтын мессеж бичүүлдэг.", "", "DEC"),
    c("He went to work at the market this morning and then came home.", "", "DEC", LOW),
    c("他每天工作八个小时，周末休息。", "", "OT", LOW),
    c("公司按时发工资，一分钱都没少。", "", "WAG", LOW),
    c("You can only leave messages after six in the evening.", "", "MOV", LOW),
    c("不要透露个人信息给陌生人。", "", "S-CONF", LOW),
    c("She works two jobs to cover the rent.", "", "S-AID"),
    c("We paid for his flight ourselves.", "", "S-TRV"),
    c("He has to pay back the money for the ticket.", "", "S-TRV"),
    c("The caller has not paid anything to the kidnappers.", "", "WAG"),
    c("The shop is open from 9 am to 11 am on Sundays.", "", "OT", LOW),
    c("He paid for his own plane ticket and hotel.", "", "S-TRV"),
    c("We booked the trip to Phuket through a travel agency.", "", "S-TRV", LOW),
    c("Тэд түүнийг өөр компанид худалдсан.", "", "DEC"),
]

# Kinds missed in the fourth to sixth fresh sets, each written anew here (none copied from a
# set): job titles and pay typed loosely, ticket and visa "given", a claimed official partnership
# or state seal, secrecy with 讲, fees "внести", phones handed over, contractions without an
# apostrophe, escape attempts, threats of a worse company or of the police, debts "才放他走",
# sales between companies for money, "y" typed for я; then a journalist's questions, a passport
# of one's own, a fee not yet paid, and retractions, which must stay low.
FRESH_KINDS = [
    c("He flew to Phnom Penh in May for a programming job.", "S-AD"),
    c("They told him it is a data-entry job in an office.", "S-AD"),
    c("Hiring now: online chat support, $1,500-2,000/month, food included.", "S-AD"),
    c("naiz maan Tailandad casino-d dealer-r 3000$ sard gj bn", "S-AD"),
    c("duu maan Malaiz-d call center-t orno gj bna", "S-AD"),
    c("Сказали, что работа в IT-компании в Бангкоке.", "S-AD"),
    c("有人叫她去柬埔寨做直播，说月入三万。", "S-AD"),
    c("他说去泰国做游戏推广。", "S-AD"),
    c("ongotsnii tiiziig n ugnu gene", "S-TRV"),
    c("kompani n tiiz, viziig n bugdiig n tulj ugnu gesen", "S-TRV"),
    c("Компани нь Монголын Гадаад харилцааны яамтай албан ёсоор хамтран ажилладаг гэсэн.", "S-OFF"),
    c("Гэрээ нь төрийн тамгатай гэж хэлсэн.", "S-OFF"),
    c("The contract has a government seal on every page.", "S-OFF"),
    c("他们让我在签合同之前别跟家里人讲。", "S-CONF"),
    c("Перед отъездом нужно внести 2 миллиона тугриков за оформление визы.", "S-FEE"),
    c("She said she has to hand over her phone to the manager.", "ISO"),
    c("They give us our phones only one hour a day and the boss reads everything.", "ISO"),
    c("we cant leave the building", "MOV"),
    c("i cant contact anyone from here", "ISO"),
    c("我们连大门都不能出。", "MOV"),
    c("Его избили за попытку сбежать.", "MOV"),
    c("He was beaten for trying to run away.", "MOV"),
    c("gadagsh garuulahgui bn", "MOV"),
    c("老板说如果我敢走，就把我交给警察。", "THR"),
    c("ugui bol dahij harahgui shuu gej bichsen", "THR"),
    c("If you don't pay, we will move him to another company, a much worse place.", "THR"),
    c("公司說要賠兩萬美金才放他走。", "DEBT"),
    c("Нас не выпустят, пока не выплатим 5 тысяч долларов за дорогу.", "DEBT"),
    c("Ohiig ahimag ereguudtei hamt suulgaj, hotel ruu yvuuldag", "S-SEX"),
    c(
        "Её «передали» другой компании, начальник сказал, что заплатил за неё 8 тысяч долларов.",
        "S-SOLD",
    ),
    c("Намайг өөр компанид мөнгөөр шилжүүлчихлээ.", "S-SOLD", "DEC"),
    c("udurt 12 tsag luivar chat hiilgej bn", "S-SCAM"),
    # kinds missed in the fifth fresh set, written anew
    c("Хозяйка на ночь закрывает их на ключ.", "MOV"),
    c("Выходить одним не разрешают.", "MOV"),
    c("Он уехал переводчиком в Камбоджу, билет тоже знакомый купил.", "S-AD S-TRV"),
    c("С понедельника телефон выключен.", "ISO"),
    c("Обещают место IT-специалиста в Таиланде.", "S-AD"),
    c("За оформление визы просят миллион тугриков.", "S-FEE"),
    c("Тэднийг нэг компаниас нөгөө рүү шилжүүлсэн гэсэн.", "S-SOLD"),
    c("Бид чамайг 10 мянган доллараар авсан, ажиллаж төл гэж байна.", "S-SOLD DEBT"),
    c("He has his own passport and goes out when he likes.", "", "DOC", LOW),
    c("She hasn't paid them anything yet.", "", "WAG", LOW),
    c(
        "I'm a journalist writing about scam centres in Myawaddy; can you share numbers?",
        "",
        ALL,
        LOW,
    ),
    c("Я журналист, пишу статью о мошеннических колл-центрах.", "", ALL, LOW),
    c("记者问我关于诈骗园区的情况。", "", ALL, LOW),
    c("Duu maan 2 honog holbogdohgui bsn, utas n evdersen. Bvh yum hevendee.", "", "ISO", LOW),
    c(
        "He was out of contact for two days. His phone broke. The family asks to close the case.",
        "",
        "ISO",
        LOW,
    ),
    c("Друг улетел работать менеджером в отеле в Бангкоке.", "", "S-AD"),
    # a past negation inside a Chinese match, between the noun and the verb
    c("他每天都跟家里视频，护照也没被收走。", "", "DOC", LOW),
    c("她说手机一直没有被拿走。", "", "ISO", LOW),
    c("到的第一天护照就被主管收走了。", "DOC"),
    # kinds missed in the sixth fresh set, written anew
    c("Хозяин держит его паспорт у себя.", "DOC"),
    c("Паспорт уже месяц у бригадира.", "DOC"),
    c("她的护照一直在老板手里。", "DOC"),
    c("护照被主管收走了。", "DOC"),
    c("手机被公司收了，只能周末打几分钟电话。", "ISO"),
    c("手机平时由组长保管，很少能联系家里。", "ISO"),
    c("ah maan 3 honog zalgasangui bn", "ISO"),
    c("Её заставляют работать с клиентами по ночам.", "S-SEX"),
    c("对方出机票，办签证。", "S-TRV"),
    c("机票和签证全包，先拿旅游签过去。", "S-TRV"),
    c("我妹妹日文很好，有人找她去海外工作。", "S-SKILL"),
    c("Охин маань орчуулагч, сард 3000$ гэсэн.", "S-AD"),
    c("ohin maan Singapore-d orchuulagch, sardaa 5 say gesen", "S-AD"),
    c("Customer support in Malaysia 2500$/month, apply now", "S-AD"),
    c("Обещают работу в Малайзии за 5000$ в месяц.", "S-AD"),
    c("他在西港找到網路行銷的工作，薪水很高。", "S-AD"),
    c("可以去马来西亚做数据录入。", "S-AD"),
    c("Бригадир сказал: будешь жаловаться - сдам тебя миграционной полиции.", "THR"),
    c("He got laid off and is behind on two bank loans.", "VUL"),
    c("Брат вырос в детдоме, денег нет, жить негде.", "VUL"),
    c("我哥哥欠了一堆网贷，又没工作。", "VUL"),
    c("新老板说他是花钱买的。", "S-SOLD"),
    c("他们要家里支付8000 USDT才放人。", "S-RAN"),
    c("zar dr ajil n ch call center bolchson", "DEC"),
    c("He says he is in Myawaddy, not Bangkok.", "DEC"),
    c("到了金边以后被带上车，连夜送到一个园区。", "DEC"),
    c("Бичиг баримтын хураамж 3 сая төгрөг гэнэ.", "", "DOC"),
    c("做保安的工作，工资一般。", "", "MOV"),
    c("EPS-ээр Солонгост ажиллана. Сард 2.1 сая вон цалинтай.", "", "S-AD", LOW),
    # in Chinese a comma or the 就 of a condition ends the clause a negation belongs to
    c("他说完成不了就被电击。", "VIO"),
    c("手机被没收，每天工作十六个小时。", "OT ISO"),
    c("他没有被打，也没有被关起来。", "", "VIO MOV", LOW),
    # and what the wider wordings must leave alone
    c("Bi margaash ajildaa yvna, oroi gertee irne.", "", ALL, LOW),
    c("He handed over his phone to the shop for repair.", "", "MOV DOC VIO", LOW),
    c("My phone battery only lasts an hour now.", "", "ISO", LOW),
]

# Deception told indirectly: the reveal, the pay below the promise, the job unlike the ad, the
# switch of place; written from how families describe it, not from any evaluation set.
DECEPTION = [
    c("When he arrived it turned out the company was a casino, not a hotel.", "DEC"),
    c("The pay is much lower than they promised, only 500 dollars.", "DEC"),
    c("What she does there is nothing like what was in the ad.", "DEC"),
    c("They said it was a job in Bangkok, but they took him to Myanmar.", "DEC"),
    c("Зарплата оказалась в три раза меньше, чем обещали.", "DEC"),
    c("Работа совсем не та, что была в объявлении.", "DEC"),
    c("Зочид буудалд ажиллана гэж байсан чинь казинод ажиллуулж байна.", "DEC"),
    c("zochid buudald ajillana gej bsan chin kazino-d ajilluulj bn", "DEC"),
    c("工资比说的少一半。", "DEC"),
    c("It turned out the company was real and the job is good.", "", "DEC", LOW),
    c("The salary is lower than in Mongolia but the job is fine.", "", "DEC", LOW),
    c(
        "They said the flight was long, but they took us to the hotel first and we rested.",
        "",
        "DEC",
        LOW,
    ),
    c("Работа такая же, как в объявлении.", "", "DEC", LOW),
    c("工资比在蒙古高。", "", "DEC", LOW),
    c("It turned out he had just lost his phone.", "", "DEC", LOW),
    # kinds missed in the seventh fresh set (after its first-sight figures were taken), anew
    c("Her message said the office is not in Bangkok after all.", "DEC"),
    c("Нам говорили, что работа в кафе в Паттайе, а привезли в Камбоджу.", "DEC"),
    c("Сказали — менеджер в отеле, а на деле он сидит в колл-центре.", "DEC"),
    c("Орчуулагч гэсэн, гэтэл луйврын ажил хийлгэж байна.", "DEC"),
    c("yvahdaa zoogch gsn, gtl casino-d ajilluulj bn", "DEC"),
    c("Солонгост үйлдвэрт гээд явсан ч одоо Бавет-д байна.", "DEC"),
    c("Seoul bish Bangkok-t buulgasan gene.", "DEC"),
    c("Зочид буудал гэж юу ч байхгүй гэсэн.", "DEC"),
    c("说是去做酒店前台，结果是给网络赌博平台拉客。", "DEC"),
    c("说是去做酒店前台，结果是给网络赌博平台拉客。", "S-SCAM"),
    c("干了三个月，一分钱没拿到。", "WAG"),
    c("护照在公司财务那里。", "DOC"),
    c("他不敢用自己的手机给家里打电话。", "ISO"),
    c("出大门要有主管签字。", "MOV"),
    c("她昨天被主管打了。", "VIO"),
    c("Шөнө голоор завиар гатална гэсэн.", "S-XB"),
    c("他们半夜坐小船过了一条河。", "S-XB"),
    c("hudlaa profile-aar hun huurdag ajil hiilgej bn", "S-SCAM"),
    c("Эрчүүдэд үйлчлүүлэхээр явуулна гэж сүрдүүлсэн.", "S-SEX"),
    c("Манай гэр бүл өр ихтэй.", "VUL"),
    c("ohin maan 17tai, ajil haij bn", "VUL"),
    c("Оюутны зээлээ төлж чадаагүй байсан.", "VUL"),
    c("My mum saw a tiktok about KK Park and people trapped in scam buildings.", "", "MOV"),
    c("My mum saw a tiktok about KK Park and people trapped in scam buildings.", "", "S-HUB"),
    c("He said it was fine, but the food is bad.", "", "DEC"),
    c("Энэ зураг биш, нөгөөг нь явуулаарай.", "", "DEC"),
    c("Ажил сайн гэсэн, гэтэл бас жаахан ядарч байна гэсэн.", "", "DEC"),
]

# Threats said as a condition and its harm, sexual exploitation said as "going with" the
# guests, and the trappings of a state on a contract: kinds, each in several languages, with
# the everyday sentences of the same shape that must stay quiet.
CONDITIONS_AND_EUPHEMISMS = [
    c(
        "The boss told my cousin that if she keeps complaining they will never see her again.",
        "THR",
    ),
    c("He wrote that unless we send 8000 dollars they pass him on to another company.", "THR"),
    c("If we cannot pay the bank we will sell the flat.", "", "THR", LOW),
    c("Если семья не заплатит до пятницы, его отдадут в другую контору.", "THR"),
    c("Сказали: будешь жаловаться - отправим к клиентам.", "THR"),
    c("Охранник сказал, что иначе больше мы его не увидим.", "THR"),
    c("Если не найдём денег, продадим машину.", "", "THR", LOW),
    c("Хэрэв мөнгө явуулахгүй бол өөр компанид зарна гэж байна.", "THR"),
    c("duu maan hel: ajil hiihgui bol ondoo kompanid zarna gsn.", "THR"),
    c("Мөнгө олдохгүй бол байшингаа зарна.", "", "THR", LOW),
    c("老板说她要是再不听话就把她卖到别的园区。", "THR"),
    c("他们说不然就送去接客。", "THR S-SEX"),
    c("如果下个月还联系不上就去找警察。", "", "THR"),
    c("Now she has to go with the guests at night and cannot refuse.", "S-SEX"),
    c("Our sales team will please the customers with good prices.", "", "S-SEX", LOW),
    c("Её каждую ночь увозят с гостями, отказаться нельзя.", "S-SEX"),
    c("Охин маань зочидтой хамт явуулдаг, сэтгэл хангуул гэж шаарддаг.", "S-SEX"),
    c("Зочид буудалд ажиллана, зочдын сэтгэл ханган ажиллах ёстой.", "", "S-SEX"),
    c("她每天晚上被迫跟客人出去。", "S-SEX"),
    c("The contract had the seal of the Thai labour ministry on it and a job in Bangkok.", "S-OFF"),
    c("Прислали договор с гербом и печатью министерства труда.", "S-OFF"),
    c("Дочери прислали официальный трудовой договор на работу в Таиланде.", "S-OFF"),
    c("合同上还盖着劳动部的公章，说是去泰国工作。", "S-OFF"),
    c("Хөдөлмөрийн яамны тамгатай гэрээ ирүүлсэн, Тайландад ажиллана.", "S-OFF"),
    c("duu maan Dubai-d ajillana gj yvsan, tiiziig n tednees gargasan.", "S-TRV"),
    c("Тийзээ өөрөө авсан, ажлаа хийгээд ирнэ.", "", "S-TRV", LOW),
    c("bi passport-oo asuusan chin daraa ogno gd ogohgui bn.", "DOC"),
    c('Паспорт "хранится у администрации", выйти нельзя.', "DOC"),
    c("naiz maan Altan Gurvaljin-d ajillaj bgaa.", "S-HUB"),
]

# Debt to a bank or lender is the vulnerability a recruiter uses, not debt bondage; a debt to
# the company, boss or recruiter still is, even when a bank loan is named earlier.
DEBTS_AND_LENDERS = [
    c("They still owe the bank for the apartment.", "", "DEBT", Level.MEDIUM),
    c("Банкинд их өртэй, ажил хайж байна.", "", "DEBT"),
    c("У неё долг по кредиту, банк звонит каждый день.", "", "DEBT"),
    c("表哥欠了网贷五万。", "", "DEBT"),
    c(
        "The recruiter paid off her bank loan and now says she owes the company 5000 dollars.",
        "DEBT S-AID",
    ),
    c("Компанид 3000 доллар өртэй, төлөхгүй бол явуулахгүй.", "DEBT"),
    c("Теперь она должна компании 4000 долларов за билет, хотя раньше у неё был кредит.", "DEBT"),
    c("老板说他欠公司两万块，还不完不能走。", "DEBT"),
    c("一個網友先借給我表哥五千塊讓他還債。", "S-AID", "DEBT"),
    c("Эзэн нь үйлчлүүлэгчидтэй өрөөнд ор гэж шахдаг.", "S-SEX", "DEBT"),
    c("Зочид буудлын өрөөнд орж цэвэрлэнэ.", "", "S-SEX DEBT", LOW),
]

# Secrecy asked as "between us", the last message as lost contact, threats by blackmail,
# being sent on to accompany guests, and what a job "was described as".
SECRETS_SILENCE_AND_BLACKMAIL = [
    c("She's been told to keep it between them until she signs.", "S-CONF"),
    c("He said to keep the offer to himself for now.", "S-CONF"),
    c("I keep my savings to myself.", "", "S-CONF", LOW),
    c("Маме не надо рассказывать, пусть это останется между нами.", "S-CONF"),
    c("Ээждээ хэлэх хэрэггүй, ирээд мөнгөтэй болоод гайхуулна биз гэсэн.", "S-CONF"),
    c("They put him in a car to the border. That was his last message, two days ago.", "ISO"),
    c("Her last message was three days ago and her phone is off.", "ISO"),
    c("If she refuses he'll send her photos to her mother.", "THR"),
    c("He'll send the photos to my mother after the wedding.", "", "THR", LOW),
    c("The owner makes the girls go with customers at night.", "S-SEX"),
    c("园区说要把她送去KTV上班陪客人。", "S-SEX THR"),
    c("保安一直盯着我们，出不了大门。", "MOV"),
    c("She says the job was described as just serving drinks, now it is something else.", "DEC"),
    c("The work was supposed to be in a hotel kitchen.", "DEC"),
    c("bi passport-oo asuusan chin daraa ogno gd ogohgui bn.", "DOC"),
    # one's own passport not handed over: kept by the person
    c(
        "nuhur maani EPS-eer ajillaj bga. passport-oo ajil olgogchid ogoogui, uuruu hadgaldag.",
        "",
        "DOC",
        LOW,
    ),
]

# A ransom asked as a condition of money and harm; sex work named by "the body", by forced
# "sexual relations" or by being forced to "accompany"; calls only while watched; the boss
# "has" everyone's passports; the scam work named as "the crypto chats"; and the family's
# own bills, which are not withheld wages.
RANSOM_BODY_AND_WATCHERS = [
    c("Unless the family sends 5000 dollars they will sell him to another compound.", "S-RAN THR"),
    c("Если вы не переведёте деньги до пятницы, его передадут другой конторе.", "S-RAN THR"),
    c("10 сая төгрөг явуулахгүй бол өөр компанид зарна гэж байна.", "S-RAN THR"),
    c("不给两万美金就把他卖到别的园区。", "S-RAN THR"),
    c("If we don't pay the rent they will evict us.", "", "WAG S-RAN THR", LOW),
    c("Если не заплатим за квартиру, хозяин выгонит нас.", "", "S-RAN THR", LOW),
    c("They don't pay him anything for three months.", "WAG"),
    c("现在被逼陪客，不听话就不给饭吃。", "S-SEX"),
    c("Norm biyluulehgui bol biyeer chini mongo oluulna gesen.", "S-SEX"),
    c("Эзэн нь үйлчлүүлэгчидтэй бэлгийн харьцаанд орохыг албадсан.", "S-SEX"),
    c("He only gets the phone when the team leader is standing there.", "ISO"),
    c("Zuvhun menejer haraad zogsoj baihad l yaridag.", "ISO"),
    c("The boss has everyone's passports since March.", "DOC"),
    c("The boss has the passports of the new visitors scanned at the hotel desk.", "", "DOC", LOW),
    c("They do the crypto chats 16 hours a day.", "S-SCAM"),
]

# Look-alikes that must stay quiet: rumours that "scare" a class, a rumour denied, the family's
# own payments, "no money has changed hands", an anti-fraud check, no job offer, a right
# stated in training, a licensed scheme's papers; and the threats beside them that still count.
RUMOURS_AND_RIGHTS = [
    c("Ангийнхан нь 'Тайланд явсан хүүхдүүдийг хулгайлдаг' гээд айлгаад байсан.", "", "THR", LOW),
    c("Зарим сурагчид TikTok бичлэг хуваалцаж, бага ангийнхныг айлгаад байна.", "", "THR", LOW),
    c("Дарга нь 'ар гэрт чинь очно' гэж айлгадаг.", "THR"),
    c("Durgui bol 'gert chin zurag chin ilgeene' gj aylgadag.", "THR"),
    c("Хөршүүд дүүг маань 'худалдчихсан' гэж яриад байгаа, тийм юм огт байхгүй.", "", "S-SOLD"),
    c("Someone posted a rumour that he escaped from KK Park; he is fine at home.", "", "S-HUB"),
    c("Соседи распускают слухи, что её продали, но она дома.", "", "S-SOLD"),
    c("网上有谣言说他被卖到园区了。", "", "S-SOLD"),
    c("Hen negen 'Bat KK park-aas zugtaj irsen' gj hudlaa bichsen.", "", "DEC"),
    c("Eh ehchuud ni 'Yapon gedeg chin hudlaa baij magadgui' gj sanaa zovood bgaa.", "", "DEC"),
    c("Ажлын байр нь худлаа байсан, казинод ажиллуулж байна.", "DEC"),
    c("Nothing is booked, no money has changed hands yet.", "", "WAG", LOW),
    c("Пока ничего не заплатили, просто спрашиваю, нормально ли это.", "", "WAG", LOW),
    c("Он никому не платил и ничего не подписывал.", "", "WAG", LOW),
    c("Зарплату обещают в конце контракта, пока не заплатили ни разу.", "WAG"),
    c("我按反詐騙流程問了一下，他說是女兒的學費。", "", "S-SCAM", LOW),
    c("沒有中介，沒有工作邀約。", "", "VUL", LOW),
    c("Surgalt deer 'ajil olgogch passport-iig chini hadgalah erhgui' gj hlsn.", "", "DOC", LOW),
    c("Ажил олгогч паспортыг нь хадгалдаг, өгөхгүй байна.", "DOC"),
    c(
        "Manaihaas Yapon ruu 'Tokutei Ginou' hutulburuur yavj bgaa, bichig barimt ni Elchin"
        " Saidiin Yamaar batalgaajsan.",
        "",
        "S-OFF",
        LOW,
    ),
]

# Short messages: the signs in few words.
SHORT_MESSAGES = [
    c("they're paying her flight and told her dont tell mom", "S-CONF S-TRV"),
    c("Заставляют «сопровождать» клиентов, денег не дают вообще.", "S-SEX WAG"),
    c("Её водят с клиентами в номера.", "S-SEX"),
    c("Говорят, что она ещё должна за дорогу и жильё.", "DEBT"),
    c("boss sold me + 6 others to another park yesterday", "S-SOLD"),
    c("bi Shwe Kokko-d bn passport mini awsan, gadagsh garch bolohgui", "DOC"),
    c("Паспорт шинээр авсан, ирэх сард Солонгос явна.", "", "DOC", LOW),
    c("намайг өөр компанид зарчихлаа", "S-SOLD"),
    c("30 мянган доллар явуулахгүй бол бөөрийг минь авна гэнэ", "S-RAN THR"),
    c("паспорт у неё «на хранении» у начальника", "DOC"),
    c("老板说不交钱就别想走。", "MOV"),
    c("zam zardal ni tolno, gertee helehgui bai gsn", "S-TRV S-CONF"),
    c("ahiig tiziig n tolood avaachsan", "S-TRV"),
    c("egchiig huchindee hunteei untuulj bn", "S-SEX"),
    c("Olson mongo n bugdiig n avdag.", "WAG"),
]

# Stories passed on, a service's opening hours, a stay kept by weather or a quarantine, a
# tourist's Bangkok before a hub in the news: look-alikes of the signs that must stay quiet.
PASSED_ON_AND_KEPT_IN = [
    c(
        "My sister sent me a video about KK Park and passports being taken, I can't sleep.",
        "",
        "S-HUB DOC",
        LOW,
    ),
    c("They sent us a video of my son with bruises on his face.", "VIO"),
    c("После новостей про Мьявадди клиенты спрашивают, безопасно ли в Таиланде.", "", "S-HUB", LOW),
    c(
        "FB deer neg bichleg unshsan, KK park-d mongol zaluuchuud zaragdsan gej.",
        "",
        "S-SOLD S-HUB",
        LOW,
    ),
    c("1903 дугаар 24 цаг ажилладаг уу?", "", "OT", LOW),
    c("Өдөрт 16 цаг ажилладаг, амралтгүй.", "OT"),
    c(
        "They did not let him go out at night because of the storm, and he was fine.",
        "",
        "MOV",
        LOW,
    ),
    c(
        "Хар салхины улмаас нислэг цуцлагдаад, зочид буудлаасаа гарч чадахгүй байна.",
        "",
        "MOV",
        LOW,
    ),
    c("Общежитие закрыли на карантин, неделю никому нельзя выходить.", "", "MOV", LOW),
    c("He cannot leave the compound, the guards have guns.", "MOV"),
    c(
        "Собираем группу в Бангкок, отели бронируем сами; после новостей про Пойпет все боятся.",
        "",
        "DEC",
        LOW,
    ),
    c("Bangkok ochood tendees mashinaar Poipet-iin casino-d dealer hiine gsn.", "", "DEC"),
    c("Племянница уехала в Таиланд «официанткой», сейчас она в Золотом треугольнике.", "DEC"),
]

# More look-alikes: the family's own payments, one's own passport, a legality question after
# a quarantine, word of mouth and people's talk, a student's thesis.
OWN_AFFAIRS_AND_HEARSAY = [
    c("Мы никому ничего не платили, всё оформлял университет.", "", "WAG", LOW),
    c("Им ничего не платят уже три месяца.", "WAG"),
    c("I paid for my own ticket and I keep my passport.", "", "DOC", LOW),
    c("They keep my passport in the manager's safe.", "DOC"),
    c(
        "Общежитие закрыли на карантин. Подскажите, это законно — не выпускать студентов?",
        "",
        "MOV",
        LOW,
    ),
    c("Хөршүүд нь 'хүү чинь зарагдсан' гэж ам дамжуулан ярьсан.", "", "S-SOLD"),
    c(
        "Манай хорооны хүмүүс 'хүүг Мьянмар руу хууран аваачсан' гэж ярьж байгааг сонслоо.",
        "",
        "S-SCAM DEC",
    ),
    c("我在寫一篇關於網絡詐騙的大學論文，只是想確認一下地名。", "", "S-SCAM", LOW),
    c("請問，妙瓦底和KK園區在緬甸哪個地方？", "", "S-HUB", LOW),
    c("I'm writing my thesis about scam compounds in Myawaddy.", "", "S-HUB S-SCAM", LOW),
]

# Media and lectures about the hubs, a card debt, a passport in a locker the worker opens.
MEDIA_AND_CONSENT = [
    c(
        "My son keeps sending me TikToks about young people having their passports taken in KK"
        " Park.",
        "",
        "DOC S-HUB",
        LOW,
    ),
    c("我在抖音上刷到很多关于妙瓦底电诈园区的视频，说护照被收走。", "", "DOC S-HUB S-SCAM", LOW),
    c("Зурагтаар Камбожид хүмүүсийн паспортыг хураадаг тухай мэдээ их гарах болсон.", "", "DOC"),
    c(
        "Could someone give a training on fake job offers and scam centres to our students?",
        "",
        "S-SCAM DEC",
        LOW,
    ),
    c("中介说要先交三万元的培训费和签证费。", "S-FEE"),
    c("Ehner maani kartnii urtei, bi bankand zeeliin urtei.", "", "DEBT"),
    c(
        "The employer keeps the passports in a locker, but each worker has his own key and can take"
        " his out whenever he wants.",
        "",
        "DOC",
        LOW,
    ),
    c("The employer keeps all the workers' passports in his office.", "DOC"),
]

# 2026-12-05, from four fresh sets: a claim doubted in the next sentence is hearsay; a stamp
# not put in a passport is a crossing around the border post; an official cooperation
# agreement, a ticket "they will buy", an IT or HR job with an interview; a passport that cannot
# be had back; "sorry for the worry" and a post "going round".
DOUBTED_STAMPS_AND_INTERVIEWS = [
    c("A friend told me girls in Bavet are locked in buildings. Is that true?", "", ALL, LOW),
    c("Найз маань Мьявадид хүмүүсийн паспортыг хураадаг гэсэн. Үнэн үү?", "", ALL, LOW),
    c("Говорят, в Пойпете людей держат взаперти. Неужели это правда?", "", ALL, LOW),
    c("朋友说妙瓦底的人护照都被收走了。是真的吗？", "", ALL, LOW),
    # the question asks something of its own: the sentence before it stays a fact
    c(
        "Boss took my brother's passport in Poipet. Is it true that they are allowed to?",
        "DOC",
        at_least=Level.HIGH,
    ),
    c(
        "Their van crossed into Cambodia at night and nobody put a stamp in the passports; "
        "the border guards never saw them.",
        "S-XB",
    ),
    c("Из Аранияпратхета их провели в Пойпет пешком, без штампа в паспорте.", "S-XB"),
    c("Паспортанд нь тамга дараагүй, шууд хилээр гаргасан гэнэ.", "S-XB"),
    c("过边境的时候护照上没有盖章，直接被带上车。", "S-XB"),
    c("Компани нь албан ёсны хамтран ажиллах гэрээ илгээсэн.", "S-OFF"),
    c("Нам прислали договор о сотрудничестве с печатью агентства.", "S-OFF"),
    c("Тийзийг нь компани авна гэсэн, зөвхөн паспортоо бэлдээрэй гэнэ.", "S-TRV"),
    c("Охин маань айти компанид ярилцлагатай гээд Бангкок руу явсан.", "S-AD"),
    c("egch maani HR menejeriin ajild orohoor Dubai yavsan", "S-AD"),
    c("hr bn, ajil sain uu?", "", "S-AD", LOW),  # "хэр байна": how are you
    c(
        "Паспортаа ажил олгогчид өгсөн, одоо буцааж авч чадахгүй байна.",
        "DOC",
        at_least=Level.HIGH,
    ),
    c("pasportoo darga ni hadgalna gesen, butsaaj avah argagui bolson", "DOC"),
    c(
        "Дүү маань утсаа авахгүй байсан. Олдсон, ажил дээрээ байсан. Санаа зовоосонд уучлаарай.",
        "",
        "ISO",
        LOW,
    ),
    c("Сихануквилд монголчуудыг хорьдог гэсэн бичлэг эргэлдэж байна.", "", ALL, LOW),
]

# 2026-12-05, from four more fresh sets: a passport taken by the family; a fee paid by the person
# herself; a TV report "about"; "it's not, right?"; an interview moved to another city; a call
# "supposedly from the embassy"; a hospital bill paid; family not to be told; HR work, a casino
# operator; employees not let out of the compound.
FAMILY_SELF_AND_MOVED_INTERVIEWS = [
    c(
        "My ex-husband took our daughter's passport and won't return it; he wants to take her "
        "to his parents for the summer.",
        "",
        "DOC",
        LOW,
    ),
    c("Свекровь забрала паспорт невестки и прячет его после ссоры.", "", "DOC", LOW),
    c("前夫拿走了孩子的护照，不让我带孩子回娘家。", "", "DOC"),
    # the family's own member as the victim, or the captor named: still a taken passport
    c("My husband's boss took his passport when he arrived in Poipet.", "DOC", at_least=Level.HIGH),
    c("Ах маань паспортыг нь хураасан, гарах эрхгүй гэнэ.", "DOC", at_least=Level.HIGH),
    c(
        "She paid the visa fee and the medical check herself, through the labour office.",
        "",
        "S-AID",
    ),
    c("A man she met online paid her hospital bills and then offered her a job.", "S-AID"),
    c("Смотрели репортаж о мошеннических центрах в Камбодже, теперь боимся за сына.", "", ALL),
    c(
        "My uncle says they lock people in scam compounds in Bavet. It's not true, right?",
        "",
        ALL,
        LOW,
    ),
    c(
        "The interview was moved to Bangkok at the last minute and the company paid the new "
        "flight.",
        "DEC",
    ),
    c("Собеседование перенесли в Бангкок, билеты купила фирма.", "DEC"),
    c("Ей позвонили якобы из посольства и предложили работу в Таиланде.", "S-OFF"),
    c("Нэг эмэгтэй ээжийн эмнэлгийн мөнгийг төлж өгсөн, одоо ажилд явуулна гэнэ.", "S-AID"),
    c("Гэр бүлдээ мэдэгдүүлэхгүй байгаарай гэж захисан.", "S-CONF"),
    c("Казинод оператор хийнэ гээд Филиппин явсан.", "S-AD"),
    c("表姐在西港做人事，说公司不让员工出园区。", "S-AD MOV", at_least=Level.HIGH),
]

# 2026-12-05, from fresh32-35: a passport "collected" and not given back (zh); a number off; a
# drive to somewhere unknown; a post shared into a chat, news watched; "true or a lie?" asks;
# a debt to repay before leaving (ru); a gaming company; Bamban in Cyrillic; a hub country
# after an interview city; twelve-hour shifts are not excessive (INDICATORS: 14-18).
COLLECTED_SHARED_AND_REPAID = [
    c("公司把护照都收去了，说要统一办签证。", "DOC"),
    c("她的护照交给老板半年了，到现在还没还给她。", "DOC"),
    c("His number has been off since Monday and nobody answers.", "ISO"),
    c("They were driving her to a new office and she did not know where.", "DEC"),
    c("Нэг хүн ийм пост шэйрлэсэн: Мьявадид монголчуудыг хорьдог гэнэ.", "", ALL, LOW),
    c("Энэ үнэн үү, худлаа юу гэдгийг мэдэхгүй байна.", "", "DEC", LOW),
    c(
        "Сказали, если он уволится раньше, должен вернуть 4000 долларов за перелёт.",
        "DEBT",
        at_least=Level.HIGH,
    ),
    c("Брат работает в игровой компании в Маниле.", "S-AD"),
    c("Он сейчас в Бамбане, на Филиппинах, телефон забрали.", "S-HUB"),
    c("Ярилцлагад орно гээд Дубай руу явсан, одоо Камбожид байгаа гэнэ.", "DEC"),
    c("Смены по 12 часов, месяц через месяц, на руднике в Якутии.", "", "OT", LOW),
    c("Работают по 16 часов без выходных.", "OT"),
    c("Өглөө мэдээ үзээд ээж айсан, Тайландаас Мьянмар руу хүн хулгайлдаг гэж.", "", ALL, LOW),
]

# 2026-12-05, from fresh36-39: the writer defrauded online (the fraudster's silence is not lost
# contact); "someone posted that"; "who pays the flight?"; pay held "as a deposit"; an "IT
# компания"; the family paying its own fees.
DEFRAUDED_POSTED_AND_ASKED = [
    c(
        "I invested through a crypto trading app a man recommended; I transferred 3 million "
        "and now he does not answer.",
        "",
        "ISO S-SCAM DEC",
        LOW,
    ),
    c(
        "Вложила деньги на инвестиционной платформе, перевела 500 тысяч, брокер пропал и не "
        "отвечает.",
        "",
        "ISO DEC",
        LOW,
    ),
    # money sent to the son abroad is not an investment: his silence is still lost contact
    c("Я перевела сыну деньги на билет, теперь он не отвечает.", "ISO"),
    c("Someone posted that girls from Erdenet are locked up in Bavet.", "", ALL, LOW),
    c("Who pays the flight? And is the visa real?", "", "S-TRV"),
    c("Кто оплачивает перелёт, компания или мы?", "", "S-TRV"),
    c("Зарплату за первые месяцы держат как залог, чтобы никто не уволился.", "WAG"),
    c("Два месяца работаю бесплатно, обещают заплатить потом.", "WAG"),
    c("Муж уехал в Бангкок на работу в IT компанию.", "S-AD"),
    c("The family paid the tuition and the flight themselves.", "", "S-AID"),
]

# 2026-12-05, from fresh40-43: an operator's conclusion that no sign of risk was found; a TV
# 报导; heard someone say; "should I…?"; "bitgii yri"; someone's loan paid off; online
# marketing; a passport "in the owner's hands"; "өрийг чинь төлчихвөл"; nights with men; Ereen
# (below).
CONCLUDED_HEARD_AND_OWED = [
    c(
        "Хүү 5 хоног залгаагүй. Дараа нь залгасан. Дүгнэлт: эрсдэлийн шинж тэмдэг илрээгүй, "
        "санаа зоволт арилсан.",
        "",
        "ISO",
        LOW,
    ),
    c("母亲在电视上看到诈骗园区的报导，很害怕。", "", "S-SCAM", LOW),
    c('Хөрш "Бавет явсан залуусыг хорьдог" гэж ярьсныг сонсоод айсан.', "", ALL, LOW),
    c("Дүүгээ Эрээн явуулахгүй байх хэрэгтэй юу?", "", "MOV", LOW),
    c("neg hun heneech bitgii yri gesen", "S-CONF"),
    c("Нэг хүн дүүгийн зээлийг төлчихөөд одоо гадаад явуулна гэж байна.", "S-AID"),
    c("Ей предложили онлайн-маркетинг в Камбодже.", "S-AD"),
    c("Паспорт нь эзний гарт байгаа гэнэ.", "DOC"),
    c("'Өрийг чинь төлчихвөл паспортыг өгнө' гэсэн.", "DEBT"),
    c("Одоо эрчүүдтэй хонох ёстой болсон гэнэ.", "S-SEX", at_least=Level.CRITICAL),
]


def test_erlian_typed_in_latin_letters_is_found() -> None:
    places = assess("egch maani Ereen-d bar-t ajilluulna gesen").places
    assert [place.name for place in places] == ["Erlian"]


# 2026-12-05, from fresh44-47 (joined without a full round of study): no contact since, gone
# quiet; an IT job; money given to close a loan; a "road fee" wired first; moved somewhere else;
# the office "not in X but in Y"; said as a joke.
SILENT_WIRED_AND_JOKED = [
    c("bro went for a job in bangkok, no contact since monday", "ISO"),
    c("Сын уехал в Пхукет, написал пару раз и пропал.", "ISO"),
    c("Сына пропал телефон, он пишет с чужого.", "", "ISO"),
    c("She took an IT job in Dubai last month.", "S-AD"),
    c("Рекрутер дал сестре денег, чтобы закрыть кредит.", "S-AID"),
    c("老板先给他转了三千块路费。", "S-AID"),
    c("They told him he would be moved somewhere else after training.", "DEC"),
    c("Оказалось, офис на самом деле не в Дубае, а в Мьянме.", "DEC"),
    c("Коллеги в шутку говорят 'продадим тебя в Мьявадди'.", "", ALL + " THR S-SOLD", LOW),
]

# 2026-12-05, from fresh48-51: whether an offer the writer met is real is asked about the offer,
# not hearsay; a news piece or TV segment is news; "had their passports taken".
ASKED_OFFERS_AND_NEWS_PIECES = [
    c("Фэйсбүүкт Тайландад оператор ажил, сард 3000$ цалин гэсэн зар харлаа. Үнэн үү?", "S-AD"),
    c("Got an offer on Telegram: operator in Thailand, $3,000 a month. Is it true?", "S-AD"),
    c("Мне предложили работу оператором в Таиланде за 3000 долларов. Это правда?", "S-AD"),
    c("I read that KK Park holds Mongolian boys. Is it true?", "", ALL, LOW),
    c("Saw a news piece about KK Park on TV. Do you have a leaflet?", "", ALL, LOW),
    c("There was a TV segment about Myawaddy yesterday.", "", ALL, LOW),
    c("They had their passports taken on arrival.", "DOC"),
]

# 2026-12-05, from fresh50: a passport only copied or handed straight back is not held, unless
# the sentence denies the return; "seen on TV that …", "it was on the news that …".
COPIED_PASSPORTS_AND_TV = [
    c("HR took my passport, made a copy and gave it back.", "", "DOC"),
    c("Сняли копию паспорта и сразу вернули.", "", "DOC"),
    c("HR-t passport-oo uzuulsen, huulbar avaad shuud butsaaj ugsun.", "", "DOC"),
    c("公司复印了护照，马上就还给我了。", "", "DOC"),
    c("They took his passport to make a copy and never gave it back.", "DOC"),
    c("Забрали паспорт, сказали для копии, и не вернули.", "DOC"),
    c("Паспорт забрали по приезду и вернули только через три месяца.", "DOC"),
    c("Saya TV-ees gadaadad passport-iig ni huraachihdag gej uzlee.", "", "DOC"),
    c("Medee-nd passport-iig avchihdag gej garsan.", "", "DOC"),
]

# 2026-12-05, from fresh51: threats and violence named, then said not to have been.
DENIED_AFTER_NAMING = [
    c("Угроз и насилия не было.", "", "THR VIO"),
    c("Сүрдүүлэг, хүчирхийлэл байгаагүй.", "", "THR VIO"),
    c("surduulleg baihgui gesen", "", "THR"),
    c("Бьют, угрожают, выхода нет.", "VIO THR"),
    c("Там насилие, денег нет.", "VIO"),
]

# 2026-12-05, from fresh48-51: the passport at the boss's; chatting in someone else's name; men
# in the rooms; an agent's fee in figures and signs; "оплата заранее"; not coming online; money
# taken by a broker is a fee, money got for each person a sale.
HELD_PAID_AND_OFFLINE = [
    c("Паспорт маань даргад байгаа, гадагш гаргахгүй.", "DOC MOV"),
    c("passport mani darga-d bgaa", "DOC"),
    c("Компьютер дээр өөр хүний нэрээр гадаадын хүмүүстэй чатлаад мөнгө оруулуулдаг.", "S-SCAM"),
    c("Сказали, буду отрабатывать с клиентами в номерах.", "S-SEX"),
    c("neg agent 500$ avaad Tailandad ajil zuuchilna gesen", "S-FEE"),
    c("Neg zuuchlagch 1.5 say tugrug avsan.", "S-FEE", "S-SOLD"),
    c("Оформление визы — 3 млн тугриков, оплата заранее при подписании договора.", "S-FEE"),
    c("Оплата по факту, ничего платить заранее не нужно.", "", "S-FEE"),
    c("dvv maani 10 honog messenger-t ch orohgvi bna", "ISO"),
    c("Цаадуул нь хүн бүрээр 15 мянган доллар авсан гэсэн.", "S-SOLD"),
]

# 2026-12-05, from fresh52-55: guarded short messages ("got the stick", "job is not what the ad
# said", "our passports are 'in the safe'", "the gate stays locked", 护照统一保管, "ajil ondoo
# gazar bolson"); false friends: 打我的电话 (call my phone), 边境贸易 (border trade), a boat
# trip, an article read.
GUARDED_AND_FALSE_FRIENDS = [
    c("T. got the stick again bc he missed target.", "VIO COND"),
    c("I got the stick insect for my son.", "", "VIO"),
    c("job is not what the ad said. our passports are 'in the safe'", "DEC DOC"),
    c("My passport is in the safe in my hotel room.", "", "DOC"),
    c("the gate stays locked at night", "MOV"),
    c("公司说护照统一保管，其他都挺好的", "DOC"),
    c("Bangkok-d buusnii daraa ajil ondoo gazar bolson gej bichsen", "DEC"),
    c("ene ondoo gazar biz dee?", "", "DEC"),
    c("如果需要核实，可以打我的电话。", "", "VIO"),
    c("他在二连浩特做正规的边境贸易生意。", "", "S-XB"),
    c("They were on a boat trip to the islands with no signal.", "", "S-XB"),
    c("Прочитала статью, что в Мьянме людей не выпускают.", "", "MOV"),
]

# 2026-12-05, from fresh56-59: cases closed with the person found; a passport handed back with
# the visa it was taken for; 蒙古国公民 is not Koh Kong (国公); news "authorities say"; guarded
# short messages (punished for a target, still out of touch, a passport "要不回来", a contract
# "certified by the embassy", a hotel that "moved").
CLOSED_RETURNED_AND_GUARDED = [
    c(
        "Consular case note (closed): she was found in Bangkok, the recruiter stopped answering.",
        "",
        "ISO",
    ),
    c(
        "Гражданка найдена, не выходила на связь из-за сломанного телефона. Дело закрыто.",
        "",
        "ISO",
    ),
    c("她在二连失联。经核查，因手机丢失未能联系家人，此事结案。", "", "ISO"),
    c("Пока не найдена, не выходит на связь.", "ISO"),
    c("Сестра не выходит на связь. Она найдена.", "", "ISO"),
    c("Был скандал, забрали паспорт.", "DOC"),
    c("Университет забрал паспорт, через неделю вернули с новой визой.", "", "DOC"),
    c("蒙古国公民B某在二连浩特做翻译。", "", "S-HUB"),
    c("Authorities say they cut power to compounds near Myawaddy.", "", "S-HUB"),
    c("The police said his passport was taken in Poipet.", "DOC"),
    c("if I dont hit the target they make us stand all night", "COND"),
    c("4 хоног холбоо барихгүй байна", "ISO"),
    c("хоёр хоног холбоо барихгүй байсан, өнөөдөр гэртээ ирлээ", "", "ISO"),
    c("老板说护照由公司'统一保管'，就是要不回来。", "DOC"),
    c("Контракт «официальный, заверен посольством».", "S-OFF"),
    c("Сказал, что отель «переехал» и офис теперь в другом городе.", "DEC"),
]

# 2026-12-05, from fresh60-63 (scored once on the session's final engine first): a border crossed
# ("hil gatalgaj"), told to keep it from the family, a contract "through the embassy", a forwarded
# news item, a taken passport only as a condition ("хураасан бол").
CROSSED_KEPT_AND_CONDITIONAL = [
    c("Bid nariig shunu van-aar hil gatalgaj avchirsan.", "S-XB"),
    c("Рекрутер сказал семье не говорить.", "S-CONF"),
    c("Брат просил маме не говорить.", "", "S-CONF"),
    c("Контракт 'официальный, через посольство'.", "S-OFF"),
    c("Новости, пересылаю из канала: освобождены из колл-центров в Мьявадди.", "", "S-HUB"),
    c("Passport-iig huraasan bol muu shinj gej sonsson.", "", "DOC"),
    c("Паспортыг нь хураасан. Ажил бол хэцүү.", "DOC"),
]

# 2026-12-05, from fresh64-67 (short messages, caseworkers' notes, the recruitment stage, the
# destination in victims' words; each scored once first): a passport handed to the recruiter's
# side or "at the boss's", the family kept out of it in the imperative, a debt "paid back", posts
# named, pay taken as fines, long shifts, a contract "bought", silence, a threat to hand someone
# to the police; memos and outreach records that name no one are public warnings; a border town
# visited to trade or to tour is no crossing.
SHORT_MEMOS_AND_MARKETS = [
    c("Паспорт сын сдал куратору в первый же день.", "DOC"),
    c("Сдайте паспорта вашему менеджеру по приезде.", "DOC"),
    c("Паспорт отдали в визовый центр на неделю.", "", "DOC"),
    c("Паспорта теперь у начальства, так положено, говорят.", "DOC"),
    c("Паспорт нь даргын дээр нь байгаа гэсэн.", "DOC"),
    c("pasport mini manager deer bgaa", "DOC"),
    c("Семье пока ничего не говорите, это временно.", "S-CONF"),
    c("Никому ни слова, понял?", "S-CONF"),
    c("Я маме ничего не говорил, чтобы не волновать.", "", "S-CONF"),
    c("他们说先别跟家里说，到了再联系。", "S-CONF"),
    c("Aav eejdee ch yum yarihgui gej helsen.", "S-CONF"),
    c("Hen ch nuutsal gej helegui.", "", "S-CONF"),
    c("Uuniig nuutsal gej hatuu anhaaruulsan.", "S-CONF"),
    c("She can only leave once she pays back the airfare.", "DEBT"),
    c("Контракт «официальный» — через посольство, сказали.", "S-OFF"),
    c("Tsalin ni 4000 dollar gene.", "S-AD"),
    c("IT support ajil gesen.", "S-AD"),
    c("Должность: переводчик в отеле, 3000$.", "S-AD"),
    c("the new company takes most of his salary as penalties", "WAG"),
    c("shifts last 18 hours", "OT"),
    c("Her debt was sold to another company last week.", "S-SOLD"),
    c("с понедельника молчит, звонки не проходят", "ISO"),
    c("如果敢跑，就把你交给当地警方。", "THR"),
    c("Tanii zeeliig bi tulchihye gesen.", "S-AID"),
    c("Goliin ereg deer zavind suulgaad nogoo tald ni gargasan.", "S-XB"),
    c(
        "Outreach session record, Darkhan college: recruiters offer 'chat operator' jobs, take"
        " passports on arrival, and people end up in Poipet scam compounds. No student raised a"
        " personal case.",
        at_most=Level.LOW,
    ),
    c(
        "Информационная записка (без персональных данных): вербовщики обещают 3000$ в месяц,"
        " в Бавете паспорта забирают.",
        at_most=Level.LOW,
    ),
    c(
        "宣导记录：介绍高薪客服招聘骗局，到了妙瓦底后护照被收走。现场无人反映自身情况。",
        at_most=Level.LOW,
    ),
    c(
        "Ene zariig groupd shiljuulie: Kambojd operator avna gesen zar, pasportiig ni avdag,"
        " bitgii itgeerei!",
        at_most=Level.LOW,
    ),
    c(
        "Внимание всем! Если вам предлагают работу в Камбодже и просят никому не говорить —"
        " это вербовка.",
        at_most=Level.LOW,
    ),
    # a note about one person stays an alert, whatever the kind of note
    c(
        "Volunteer note (NGO outreach). Saruul, 24, says her passport was taken in Poipet and"
        " she is beaten.",
        "DOC",
        at_least=Level.HIGH,
    ),
    c("We buy dried fruit at the Mae Sai market every month and drive home.", "", "S-XB"),
    c("Экскурсия в Мэсай: рынок у моста, купили чай.", "", "S-XB"),
    c("我在湄索市场做生意。", "", "S-XB"),
    c("They took us to Mae Sot and over the river at night.", "S-XB"),
    c("Son missed calls for two days. Follow-up: he rang home. Closed - no concern.", "", "ISO"),
    c("Saw on the evening news that compounds near Myawaddy were raided.", "", "S-HUB"),
    # from fresh68, 69 and 71 (short, guarded messages above all; scored once first)
    c("мам, телефоны отбирают в десять. паспорт у них", "ISO DOC"),
    c("Паспорт у них с собой, они туристы.", "", "DOC"),
    c("кто не выполнил норму тех бьют", "VIO"),
    c("pasport bhgu odoo", "DOC"),
    c("Duu mani Baveet-d bgaa", "S-HUB"),
    c("老板把工资扣着不发。", "WAG"),
    c("Засгийн газрын хамтын ажиллагааны хөтөлбөр гэж хэлсэн.", "S-OFF"),
    c("The consulate kept my passport for two days for the visa.", "", "DOC"),
    c("The agent kept my passport, he said the consulate needs it.", "DOC"),
    c("My passport is locked in the hotel safe.", "", "MOV"),
    c("They locked us in the dorm at night.", "MOV"),
]

# Known false friends, kept visible: a fear later answered ("I was afraid they had taken his
# passport; nobody took it") still reads as a taken passport.
# The fifth session's kinds (from fresh68-75), each in wordings of its own.
SOLD_KEPT_AWAKE_AND_CURFEWS = [
    c("they said the first boss sold her last month", "S-SOLD"),
    c("the agent sold us a return ticket", "", "S-SOLD"),
    c("he has to work off what the company paid for him", "DEBT"),
    c("the guards check the phones every night", "ISO"),
    c("我表哥到了那边以后电话一直关机。", "ISO"),
    c("她去了一周，微信再也不回。", "ISO"),
    c("老板说她欠机票钱和中介费。", "DEBT"),
    c("工资要押两个月才发。", "WAG"),
    c("主管逼她陪客人喝酒，说这样才能把钱还上。", "S-SEX"),
    c("zodohgui udur gej bhgui", "VIO"),
    c("Ни дня без побоев, пишет он.", "VIO"),
    c("not a single day goes by without a beating", "VIO"),
    c("plan biyeleh hurtel untuulahgui", "COND"),
    c("crypto chat hiilgedeg gesen", "S-SCAM"),
    c("Выйти из комплекса можно только в сопровождении охраны.", "MOV"),
    c("leaving the dorm is only allowed once a month", "MOV"),
    c("мөнгөө гаргаж чадахгүй байна, апп нь хаагдсан", "", "MOV"),
    c("Оройн 10 цагаас хойш байрнаас гаргахгүй, энэ дотуур байрны дүрэм.", "", "MOV"),
    c("После 23:00 в общежитие не пускают.", "", "MOV"),
    c("өнөөдөр 16 цаг ажиллалаа, маргааш амарна", "", "OT"),
    c("долоо хоногт 20 цаг хүртэл ажиллаж болно", "", "OT"),
    c("uur tolbor avahgui gesen", "", "DEBT"),
    c("2 say uridchilgaa avsan", "S-FEE"),
    c("Коллекторы угрожают подать в суд.", "", "THR"),
    c("banknaas shuuhed ugnu gej surduulj baina", "", "THR"),
    c("a TV report showed passports being taken in Cambodia", "", "DOC"),
    c("the purser keeps the passports and hands them back whenever they go ashore", "", "DOC"),
    c("ene medeelliig haaj bolno, bugd zugeer", at_most=Level.LOW),
    c(
        "Брат пишет из Бавета: переправились ночью на лодке. Говорит, всё в порядке.",
        "S-XB",
        at_least=Level.HIGH,
    ),
    c(
        "Студентам на заметку: если зовут в Камбоджу оператором и просят молчать — это может"
        " быть вербовка.",
        at_most=Level.LOW,
    ),
    c(
        "hasnt heard from her brother since he left for a call centre job",
        "ISO",
        at_least=Level.HIGH,
    ),
    c("我哥在那边每天干到凌晨三点。", "OT"),
    c("一个月没有一天休息。", "OT"),
    c("Zamiin-Uud-d utas hyamdhan zarna gesen zar bainalee", "", "THR"),
    c("Начальник штрафует за опоздания, зарплату платит вовремя.", "", "COND"),
    c("they fine us if we miss the quota", "COND"),
    c("Got scammed by a fake trading site, the support wants an unlock fee first.", "", "S-FEE"),
    c("He was scammed into a fake job in Cambodia and they took his passport", "DEC DOC"),
    c("他被骗了，说是去做客服，结果是骗人的工作。", "DEC S-SCAM"),
    c("我在网上被骗了两万块，平台无法提现。", "", "S-SCAM", at_most=Level.LOW),
    c("egch mini bankind 15 saya ortei, EPS-eer yavah gej bna", "", "DEBT"),
    c("В группе класса пишут, что её продали в Китай.", "", "S-SOLD"),
    c("people in the group chat are saying he was sold to another compound", "", "S-SOLD"),
    c("Дочери в телеграме пишут про работу оператором в Таиланде, 3000$.", "S-AD"),
]

# The sixth session's kind (from fresh86, scored once first): a holiday, a tour group or a few
# days at a casino name a hub or a border crossing and are no sign; a job found there still is.
HOLIDAYS_AND_TOURS = [
    c(
        "My wife and I are going to Siem Reap on holiday and will cross at Poipet by bus.",
        "",
        "S-HUB S-XB",
        at_most=LOW,
    ),
    c("We are flying to Bangkok for 10 days and then taking the bus to Poipet.", "", "S-HUB S-XB"),
    c("В отпуске поедем из Бангкока в Пойпет на автобусе, посмотреть Ангкор.", "", "S-HUB S-XB"),
    c("Бид амралтаараа Сиануквиль руу аялж очно.", "", "S-HUB"),
    c("bid amraltaaraa Bavet-eer damjin Angkor uzne", "", "S-HUB S-XB"),
    c("我们跟团去西港玩几天，坐大巴过关。", "", "S-HUB S-XB", at_most=LOW),
    c("我叔叔每年去西港的赌场玩一周。", "", "S-HUB"),
    c("She went on a tourist visa to Bangkok and was taken to Poipet by van.", "S-HUB S-XB"),
    c(
        "She went to Bangkok on holiday, met a recruiter and now works in Poipet, they took her"
        " passport.",
        "S-HUB DOC",
    ),
    c("她去西港打工，护照被收了。", "S-HUB DOC"),
    # whether "they can" do something is a question, not a fact (from fresh85)
    c("Могут ли меня не выпустить из страны из-за долга перед банком?", "", "MOV", at_most=LOW),
    c("Охрана не выпускает нас из комплекса, пишет брат.", "MOV"),
]

# A passport kept for a permit or a voyage and back in its owner's hands (from fresh84, 86); one
# given back only once a debt is paid or a year is served is still kept.
RETURNED_PASSPORTS = [
    c(
        "The purser keeps the crew passports during the voyage and he gets his back whenever he"
        " goes ashore.",
        "",
        "DOC",
    ),
    c(
        "The company took everyone's passports to the immigration office for work permits; a week"
        " later they were back in our hands.",
        "",
        "DOC",
    ),
    c("公司把护照收走去办工作证，两个小时后就还给他了。", "", "DOC"),
    c("The boss keeps his passport and says he gets it back when the debt is paid.", "DOC"),
    c("公司收走了护照，说干满一年才还给他。", "DOC"),
]

# Handed back, said in the next sentence (from fresh89); not when it is taken again.
RETURNED_NEXT_SENTENCE = [
    c(
        "The crew office kept her passport for the voyage. It was handed back whenever she had"
        " shore leave.",
        "",
        "DOC",
        LOW,
    ),
    c(
        "The company keeps his passport. It is given back every time he has to go to the bank,"
        " then they take it again.",
        "DOC",
    ),
    c("They took his passport on arrival. They never gave it back.", "DOC"),
]

# Deductions the contract, income tax or insurance account for are no withheld pay (from
# fresh86); deductions that swallow the pay, or called "taxes" by whoever takes them, are.
LAWFUL_DEDUCTIONS = [
    c(
        "His salary is paid monthly, with tax and insurance deductions as set out in his contract.",
        "",
        "WAG",
        at_most=LOW,
    ),
    c("Цалингаас нь татвар, даатгалын суутгал хасдаг, гэрээнд заасан.", "", "WAG"),
    c("They deduct so much for food and the room that nothing is left of her pay.", "WAG"),
    c("Цалингаас нь хоол, байрны мөнгө гээд бүгдийг хасдаг.", "WAG"),
    c('They deduct "taxes" and fines from his pay so he gets almost nothing.', "WAG"),
]

# Gone from every channel (from fresh84's one missed alert): voicemail only, an account
# deactivated, the family blocked by the recruiter; a translation job between two languages.
# Not the writer's own phone or account, nor a fraudster blocking the victim.
GONE_SILENT = [
    c(
        "My nephew went for a job in Thailand. Since Monday his phone goes straight to voicemail.",
        "ISO",
    ),
    c("After she left, the agent blocked my mother on WhatsApp.", "ISO"),
    c("Her Instagram was deactivated a week after she left.", "ISO"),
    c("Вербовщица заблокировала маму в телеграме.", "ISO"),
    c("Телефон сразу на автоответчик, уже неделю.", "ISO"),
    c("Зуучлагч эмэгтэй ээжийг маань блоклосон.", "ISO"),
    c("中介把我妈拉黑了。", "ISO"),
    c(
        "He was offered a translation job in Bangkok, Chinese-English, with good money.",
        "S-AD S-SKILL",
    ),
    c("I blocked the spam caller and deactivated my old Facebook.", "", "ISO"),
    c("Please leave a message, my phone goes to voicemail when I'm driving.", "", "ISO"),
    c("Тэр хүн намайг блоклосон, мөнгөө гаргаж чадахгүй байна.", "", "ISO"),
    c("She works for a Thai-Chinese tech firm in Bangkok.", "", "S-SKILL"),
]

# The writer defrauded online, the fraud's other signs in other sentences: low, unless a relative,
# a hub or a held person is in it too.
DEFRAUDED_ACROSS_SENTENCES = [
    c(
        "I think I've been scammed. I put in $14,000 and now they want a 20% tax before I can"
        " withdraw. Someone told me these people work from scam compounds in Cambodia. Is this"
        " human trafficking?",
        at_most=LOW,
    ),
    c("我爸被杀猪盘骗了二十万，网上认识的女老板让他投资一个平台。现在人联系不上了。", at_most=LOW),
    c("网上的男朋友带我投USDT，投了二十万提不出来。派出所说是杀猪盘。", at_most=LOW),
    c(
        "Я вложила 300 тысяч через брокера, теперь не могу вывести. Мне сказали, это мошенники из"
        " скам-центра в Камбодже.",
        at_most=LOW,
    ),
    c(
        "We invested in crypto and lost 3 million. Now our son is missing, no contact for 10 days,"
        " someone said he works for scam people.",
        "ISO S-SCAM",
        at_least=Level.HIGH,
    ),
    c(
        "We lost 5,000 USDT on a trading app. Then they said they hold my brother in Bavet and want"
        " 5,000 USDT more.",
        "S-RAN",
        at_least=Level.HIGH,
    ),
    c("我弟弟被骗到缅甸，说月薪2万，现在联系不上了。", "DEC ISO", at_least=Level.HIGH),
    c("我表妹每天被逼用假身份在网上聊天骗钱。", "S-SCAM", at_least=Level.HIGH),
]

BOUGHT_OUT_SOLD_ON_AND_SIGNED = [
    c("Сестру заставляют встречаться с клиентами, если откажется — продадут дальше.", "S-SEX THR"),
    c("He flew to Dubai for an interview. Last seen on telegram 6 days ago.", "ISO"),
    c("The broker keeps her residence card 'safe' until the end of the semester.", "DOC"),
    c("Охин маань гарахын тулд 6000$ компенсац төл гэсэн.", "DEBT"),
    c("ohin maan garahiin tuld 6000$ kompensats tol' gsn", "DEBT"),
    c("bid mongo olood tolsnii daraa l suldlsen", "S-RAN"),
    c("老板一直给我微信转钱，说是“帮你还网贷”。", "S-AID"),
    c("他说让我再过去一趟，先签个“正式劳动合同”。", "S-OFF"),
    c("Эрээнд ажиллана гэж явсан, үйлчлүүлэгчидтэй хүчээр харьцуулж байна.", "S-SEX"),
    c(
        "if you dont come on monday you pay back 3000$. we know your mother address. or you can"
        " work it off here in club",
        "DEBT THR",
    ),
    c("我老公在西港，公司说他欠了八万块的机票和伙食费，不还清不让走。", "DEBT MOV"),
    c("那边的人一直打电话给我妈，说他欠公司十万，不還就派人到家裡找他。", "DEBT THR"),
    c("Перед контрактом требуют 1800$ за «медкомиссию и обучение в Маниле».", "", "S-RAN"),
    c("Требуют 5000$ за его освобождение.", "S-RAN"),
    c(
        "Хүү нь инстаграмаар танилцсан бүсгүйн зааврар крипто аппликейшнд 5 сая төгрөг хийгээд"
        " гаргаж чадахгүй болсон.",
        "",
        "MOV S-XB",
        LOW,
    ),
    c("Шөнө завиар голыг гатлуулж Мьянмар руу гаргасан.", "S-XB"),
    c("Муж должен отработать 8000 долларов, иначе не отпустят.", "MOV DEBT"),
    c("公司安排我去深圳培训，有正式劳动合同，护照也一直在我自己手里。", "", "S-OFF", LOW),
    c(
        "Daughter 'not answering 5 days' in Phnom Penh. Mother rang back: she called home, her"
        " phone was stolen. No concerns, closed.",
        "",
        "ISO S-HUB",
        LOW,
    ),
]

# A lawful job at a hub, its pay, papers and freedom named (from fresh94): medium, not an alert;
# a worry answered in the next sentence; lawful fines and notice periods; more fraud losses
# (from fresh93-96).
HUB_JOBS_ANSWERS_AND_LOSSES = [
    c(
        "I work as a croupier at a licensed casino in Sihanoukville. Pay comes on time, I rent my"
        " own flat and fly home every summer.",
        "S-HUB",
        at_most=Level.MEDIUM,
    ),
    c(
        "Sihanoukville-d kazinod dealer hiigeed 3 jil bolj bn. Ajliin zovshoorol, viz ni hevin,"
        " tsalingaa sar bvr avdag.",
        at_most=Level.MEDIUM,
    ),
    c("在西港赌场做荷官，工作签证，工资按时发，护照在我自己手里。", at_most=Level.MEDIUM),
    c(
        "My son works at a casino in Bavet. They took his passport and he is paid on time, he has"
        " a work visa.",
        "DOC",
        at_least=Level.HIGH,
    ),
    c(
        "He got a job at a casino in Poipet. Since last week his phone is off. He had a work visa"
        " and was paid monthly.",
        "ISO",
        at_least=Level.HIGH,
    ),
    c(
        "Муж работает по контракту в Корее. Месяц назад написал, что «паспорт забрали»."
        " Разобрались: паспорт лежит в сейфе в общежитии, ключ от ячейки у него самого, берёт"
        " когда нужно.",
        "",
        "DOC",
        LOW,
    ),
    c(
        "我姐在日本工作。上个月她说公司把她的护照拿走了。后来问清楚了：是办在留卡手续时交给入管局，两天就还给她了。",
        "",
        "DOC",
        LOW,
    ),
    c("Хоцорвол торгууль, гэхдээ цалингаа сар бүр авдаг.", "", "DEBT"),
    c("HR говорит, что по контракту нужно отработать 30 дней перед увольнением.", "", "DEBT"),
    c("Его заставляют отработать 8000 долларов за билет.", "DEBT"),
    c(
        "My mum lost about 4 million tugrik to an investment app. When she tried to withdraw, the"
        " app wanted a tax first. Police said it's an ordinary online investment fraud.",
        at_most=LOW,
    ),
    c(
        "Mini eej crypto platform-d mongo hiij, 3 say hiisen. odoo gargah gehoor tatvar tol gd bn."
        " ter zaluu odoo hariu ogohgvi bn.",
        at_most=LOW,
    ),
    c("我表哥在二连浩特做翻译，公司给交社保。我妈老担心他被骗，其实没事吧？", "", "DEC", LOW),
    c("我弟弟被騙到緬甸了。", "DEC"),
    c("I'm a site engineer for a Chinese state contractor.", "", "S-OFF"),
    c("Вакансия закрытая, просим не обсуждать с родственниками и не пересылать.", "S-CONF"),
    c("Вакансия закрыта, спасибо всем, кто откликнулся.", "", "S-CONF"),
    # from fresh97-98, scored on the session's final rules
    c(
        "Тётя получила голосовое от дочки: «мама, плати им, иначе продадут на органы». Ей 17,"
        " уехала «моделью» в Таиланд",
        "S-RAN THR",
        at_least=Level.CRITICAL,
    ),
    c(
        "Хаан банкны зээл хугацаа хэтэрсэн, цалин буухаар шууд суутгаад авчихаж байна.",
        "",
        "WAG",
    ),
    c(
        "Poipet-d bga egchiig huchindee hunteei untuulj bn. Olson mongo n zeeliig n tolno gj"
        " bugdiig n avdag.",
        "S-SEX WAG",
    ),
    c(
        "Я слышал, что вы помогаете, когда человека удерживают долгами. Это моя ситуация?",
        "",
        "MOV DEBT",
    ),
    c(
        "Охины маань гадаад паспортыг хуучин нөхөр нь хүүхдийн асрамжийн маргаанаас болж аваад"
        " өгөхгүй байна.",
        "",
        "DOC",
    ),
    c("Дүүгийн маань паспортыг компанийн дарга аваад өгөхгүй байна.", "DOC"),
    c(
        "Her mother had read online that hotels keep passports. To clarify: passports are stored"
        " in individual lockers and each trainee holds the only key.",
        "",
        "DOC",
    ),
    c("They keep his passport in the office safe. He does not hold the key.", "DOC"),
    c(
        "I rented a room in a shared house and kept my passport in my own drawer. Nobody told me"
        " to keep quiet and nobody held me.",
        "",
        "DOC DEC",
        LOW,
    ),
    c("They kept my passport in the office. Nobody told us the truth.", "DOC DEC"),
    c(
        'He said if I leave before my contract ends he will file an "absconding" case and I\'ll'
        " be arrested at the airport.",
        "THR",
    ),
    c(
        "我是被杀猪盘骗了的人。平台客服说要先交税才能解冻，我又借钱交了，他也把我拉黑了。",
        "",
        "S-AD",
        LOW,
    ),
]

KNOWN_FALSE_FRIENDS = [
    c(
        "Паспортыг нь авчихсан байх гэж айгаад байсан, хэн ч аваагүй, өөрт нь байгаа.",
        "",
        "DOC",
        LOW,
    ),
]

# A passport left behind with the company; a fee to withdraw money, not a ransom; an offer's own
# terms (paid by the candidate, "fee: none", a ticket the worker bears, a deduction on request);
# news the writer saw; a truth question typed without its mark; an offer told in two sentences.
STILL_WITH_THEM_AND_WITHDRAWAL_FEES = [
    c("He got out last week but his passport is still with the company in Bavet.", "DOC"),
    c("Ohinii passport ni compani-d uldsen, odoo elchind yaj handah ve", "DOC"),
    c("他跑出来了，可是护照仍在园区老板手中。", "DOC"),
    c("My passport stayed at the hotel while we went to the beach.", must_not="DOC", at_most=LOW),
    c(
        "I invested in a crypto app and now they say I must pay a 15% withdrawal tax before I can"
        " take my money out. Is that normal?",
        must_not="S-RAN",
        at_most=LOW,
    ),
    c(
        "Крипто платформ руу 3 сая төгрөг шилжүүлсэн, мөнгөө татах гэхээр татвар төл гээд мөнгө"
        " нэхсэн.",
        must_not="S-RAN",
        at_most=LOW,
    ),
    c("They demand 5000 USDT before he can leave the company.", "S-RAN"),
    c("Сказали: если не переведёте 4000 долларов до пятницы, её продадут.", "S-RAN"),
    c("Unless you pay by Monday we sell her to another boss.", "S-RAN"),
    c("If you don't pay now, we will sell you the premium plan later.", must_not="S-RAN"),
    c(
        "Requirements: first-aid course (paid by the applicant), medical check. Agency fee: none.",
        must_not="S-AID S-FEE S-TRV",
    ),
    c("The agency fee is 800 dollars, paid before the visa.", "S-FEE"),
    c("Зуучлалын хөлсийг ажил олгогч төлнө, ажилтнаас авахгүй.", must_not="S-FEE"),
    c("Зуучлалын хөлс 2 сая төгрөг, урьдчилж төлнө.", "S-FEE"),
    c("Гэрээгээ эрт цуцалбал буцах тийзээ өөрөө даана.", must_not="S-TRV"),
    c("Онгоцны тийзийг компани даана гэсэн.", "S-TRV"),
    c("Байр: дотуур байр, сард 150 евро цалингаас суутгана (хүсэлтээр).", must_not="WAG"),
    c("Цалингаас нь хоол, байрны мөнгө суутгаад гарт юу ч өгдөггүй.", "WAG"),
    c(
        "My aunt saw news about scam centres in Myanmar and got scared.",
        must_not="S-SCAM",
        at_most=LOW,
    ),
    c("fb deer video harsan, tend ochson hvmvvsiig zoddog gsn. unen yum uu", must_not="VIO"),
    c(
        "facebook deer 'Solongost barilgiin ajil, sard 6 say' gsn zar garsan. tasalbariig ajil"
        " olgogch tulnu gj bn. ene unen bolov uu",
        "S-TRV",
    ),
]


# A passport kept by the manager "in his safe" after an answering "no"; asked back and refused
# "for now"; held for her by a companion; a back road around the border post; beaten, in
# Cantonese; a job as a model and a ticket he "will buy"; a passport that "came back" with its
# permit; a tax one has to pay is no ransom; a girl "лет 20" is someone, not a public warning.
KEPT_FOR_NOW_AND_BACK_ROADS = [
    c("me: do u have ur passport\nhim: no the boss keeps all passports in the office", "DOC"),
    c("No one took my passport, it is in my bag.", must_not="DOC"),
    c("Паспортоо даргадаа өгсөн, буцааж авах гэсэн чинь одоо болохгүй гэсэн.", "DOC"),
    c("同行的男人一直帮她保管护照，她说话前总看他。", "DOC"),
    c("他说今晚有人带他走小路去缅甸那边，不走口岸。", "S-XB"),
    c("我们从口岸过关，盖了章，很顺利。", must_not="S-XB"),
    c("佢喺公司俾人打，成身都係傷。", "VIO"),
    c("Ей в директ предлагают работу моделью в Дубае, обещает, что купит билет.", "S-AD S-TRV"),
    c(
        "HR kept our passports for three days for the work permit; mine came back on Friday with"
        " the permit inside.",
        must_not="DOC",
        at_most=LOW,
    ),
    c("Do I have to pay income tax in both countries while I work in Poland?", must_not="S-RAN"),
    c("We have to pay 20,000 USDT or they will not let him go.", "S-RAN"),
    c(
        "Сотрудник аэропорта: девушка лет 19 летит в Пойпет работать оператором, билет оплатил"
        " работодатель. Передали ей памятку.",
        "S-HUB S-AD",
        at_least=Level.HIGH,
    ),
]


ALL_CASES = (
    NEWS_AND_QUESTIONS
    + FACTS_BESIDE_NEWS
    + NEGATED_AND_RETRACTED
    + CHINESE_COMPOUND
    + INDICATORS
    + OWN_NEGATION
    + MORE_INDICATORS
    + FRESH_KINDS
    + DECEPTION
    + CONDITIONS_AND_EUPHEMISMS
    + DEBTS_AND_LENDERS
    + SECRETS_SILENCE_AND_BLACKMAIL
    + RANSOM_BODY_AND_WATCHERS
    + RUMOURS_AND_RIGHTS
    + SHORT_MESSAGES
    + PASSED_ON_AND_KEPT_IN
    + OWN_AFFAIRS_AND_HEARSAY
    + MEDIA_AND_CONSENT
    + DOUBTED_STAMPS_AND_INTERVIEWS
    + FAMILY_SELF_AND_MOVED_INTERVIEWS
    + COLLECTED_SHARED_AND_REPAID
    + DEFRAUDED_POSTED_AND_ASKED
    + CONCLUDED_HEARD_AND_OWED
    + SILENT_WIRED_AND_JOKED
    + ASKED_OFFERS_AND_NEWS_PIECES
    + COPIED_PASSPORTS_AND_TV
    + DENIED_AFTER_NAMING
    + HELD_PAID_AND_OFFLINE
    + GUARDED_AND_FALSE_FRIENDS
    + CLOSED_RETURNED_AND_GUARDED
    + CROSSED_KEPT_AND_CONDITIONAL
    + SHORT_MEMOS_AND_MARKETS
    + SOLD_KEPT_AWAKE_AND_CURFEWS
    + HOLIDAYS_AND_TOURS
    + RETURNED_PASSPORTS
    + RETURNED_NEXT_SENTENCE
    + LAWFUL_DEDUCTIONS
    + GONE_SILENT
    + DEFRAUDED_ACROSS_SENTENCES
    + BOUGHT_OUT_SOLD_ON_AND_SIGNED
    + HUB_JOBS_ANSWERS_AND_LOSSES
    + STILL_WITH_THEM_AND_WITHDRAWAL_FEES
    + KEPT_FOR_NOW_AND_BACK_ROADS
    + BENIGN
)


def test_enough_cases() -> None:
    assert len(ALL_CASES) >= 60


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.text[:40])
def test_case(case: Case) -> None:
    result = assess(case.text)
    assert case.must <= result.codes, (case.must - result.codes, result.explanation)
    assert not (case.must_not & result.codes), (case.must_not & result.codes, result.explanation)
    if case.at_most is not None:
        assert case.at_most.at_least(result.level), result.explanation
    if case.at_least is not None:
        assert result.level.at_least(case.at_least), result.explanation


@pytest.mark.xfail(strict=True, reason="known false friend: a fear answered later is not read")
@pytest.mark.parametrize("case", KNOWN_FALSE_FRIENDS, ids=lambda case: case.text[:40])
def test_known_false_friend(case: Case) -> None:
    test_case(case)
