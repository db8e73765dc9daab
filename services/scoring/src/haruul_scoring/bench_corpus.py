"""A deterministic corpus of realistic 1–2 KB reports for the benchmark.

Each report is neutral narrative (family news, travel, paperwork) in one language, or a mix of
Mongolian and English as people write on phones, with zero to four indicator sentences taken
from the kinds of reports in the dev set placed at random points. A small linear congruential
generator keeps the corpus identical on every machine and Python version.
"""

from __future__ import annotations

FILLER: dict[str, tuple[str, ...]] = {
    "en": (
        "My brother is twenty-four and finished university in Ulaanbaatar two years ago.",
        "He lived with our parents in Bayanzurkh district and helped our father with his shop.",
        "In spring he started looking for better work because prices went up a lot.",
        "Our mother is worried and asked me to write to you because my English is better.",
        "We do not know much about the company, only what he told us on the phone.",
        "He usually calls on Sunday evening and sends photos of the food and the city.",
        "The weather there is very hot and he said the rainy season has started.",
        "He has a wife and a small daughter who is three years old.",
        "We are simple people and we have never travelled abroad ourselves.",
        "Last winter he worked as a driver for a delivery company for a few months.",
        "Our neighbours say many young people from our town went abroad this year.",
        "I am sorry for my long message, I want to give you all the details we have.",
        "Please tell us which documents we should prepare and where we should go.",
        "We can come to the consulate on any weekday morning if that helps.",
    ),
    "mn": (
        "Манай хүү хорин дөрвөн настай, хоёр жилийн өмнө их сургууль төгссөн.",
        "Тэр Баянзүрх дүүрэгт аав ээжтэйгээ хамт амьдардаг байсан.",
        "Хавар үнэ их өссөн тул илүү сайн ажил хайж эхэлсэн.",
        "Ээж маань их санаа зовж байгаа тул би танд бичиж байна.",
        "Бид компанийн талаар сайн мэдэхгүй, зөвхөн утсаар хэлснийг л мэднэ.",
        "Тэр ихэвчлэн ням гарагийн орой залгаж, хоол болон хотын зураг явуулдаг.",
        "Тэнд их халуун, бороотой улирал эхэлсэн гэж хэлсэн.",
        "Түүнд эхнэр, гурван настай бяцхан охин бий.",
        "Бид энгийн хүмүүс, өөрсдөө гадаадад хэзээ ч явж байгаагүй.",
        "Өнгөрсөн өвөл тэр хүргэлтийн компанид жолоочоор хэдэн сар ажилласан.",
        "Манай хөршүүд энэ жил манай сумаас олон залуу гадаад явсан гэж ярьдаг.",
        "Урт захидал бичсэнд уучлаарай, бүх мэдээллээ өгөхийг хүссэн юм.",
        "Ямар бичиг баримт бүрдүүлэх, хаашаа очихыг бидэнд хэлж өгнө үү.",
    ),
    "mn-latin": (
        "manai huu 24 nastai, hoyor jiliin omno ih surguuli tugssun.",
        "ter bayanzurh duuregt aav eejtei hamt amidardag baisan.",
        "havar une ih ossun tul ilvv sain ajil haij ehelsen.",
        "eej maani ih sanaa zovj baigaa tul bi tand bichij baina.",
        "bid kompaniin talaar sain medehgui, zovhon utsaar helsniig l medne.",
        "ter ihevchlen nym garagiin oroi zalgaj, hool bolon hotiin zurag yavuuldag.",
        "tend ih haluun, borootoi uliral ehelsen gej helsen.",
        "bid engiin humuus, oorsdoo gadaadad hezee ch yavj baigaagui.",
        "urt zahidal bichsend uuchlaarai, bvh medeelle ogohiig hvssen yum.",
    ),
    "ru": (
        "Моему брату двадцать четыре года, он окончил университет в Улан-Баторе.",
        "Он жил с родителями и помогал отцу в магазине.",
        "Весной цены сильно выросли, и он начал искать работу получше.",
        "Мама очень переживает и попросила меня написать вам.",
        "Мы мало знаем о компании, только то, что он рассказал по телефону.",
        "Обычно он звонит в воскресенье вечером и присылает фотографии города.",
        "Там очень жарко, и он говорит, что начался сезон дождей.",
        "У него есть жена и маленькая дочь трёх лет.",
        "Прошлой зимой он несколько месяцев работал водителем в службе доставки.",
        "Подскажите, пожалуйста, какие документы нам подготовить и куда обратиться.",
    ),
    "zh": (
        "我弟弟今年二十四岁，两年前从乌兰巴托的大学毕业。",
        "他以前和父母住在一起，帮父亲照看商店。",
        "春天物价涨了很多，所以他开始找更好的工作。",
        "妈妈非常担心，让我给你们写信。",
        "我们对那家公司了解不多，只知道他在电话里说的。",
        "他通常星期天晚上打电话，发一些城市和饭菜的照片。",
        "那里天气很热，他说雨季已经开始了。",
        "他有妻子和一个三岁的女儿。",
        "请告诉我们需要准备哪些材料，应该去哪里办理。",
    ),
}

INDICATORS: dict[str, tuple[str, ...]] = {
    "en": (
        "Yesterday he wrote that they took his passport in Bavet and he cannot leave.",
        "They force him to chat with people online to cheat them out of money, 16 hours a day.",
        "They say he owes $8,000 for the ticket and he will be sold to another company.",
        "A company on Telegram offered him a job in Thailand for $3,000 a month.",
        "They told him not to tell anyone about the offer.",
        "After landing in Bangkok they drove him to Mae Sot and took him across the river by boat.",
        "He was beaten with an electric baton for not meeting his target.",
        "The agent asked for a $500 fee for the visa before the contract is sent.",
        "He has not answered his own calls for nine days.",
        "He must pay compensation of $20,000 to the company before he can go home.",
        "I read in the news about KK Park being demolished.",
        "He is going on a semester exchange and his scholarship covers the flight.",
    ),
    "mn": (
        "Паспортыг нь хураагаад гадагш гаргахгүй байна.",
        "Хүмүүсийг интернэтээр луйвардах ажил хийлгэж байгаа гэнэ.",
        "Суллахын тулд 10000 ам.доллар золиос нэхэж байна.",
        "Тайландад орчуулагчаар сард 2500 долларын цалинтай ажил санал болгосон.",
        "Онгоцны тийзийг нь төлнө гэсэн.",
        "Хэнд ч битгий хэл гэж анхааруулсан байна.",
        "Өдөрт 17 цаг ажиллуулдаг, цалин өгдөггүй, паспортгүй.",
        "Ар гэрийнхэндээ битгий хэл гэсэн.",
        "Паспортыг нь аваагүй, өөрөө хадгалж байгаа.",
    ),
    "mn-latin": (
        "ongotsnii tiiziig kompani ni tulnu, albanii geree baigaa gesen.",
        "passport-iig ni hurааsan, gadagsh gargahgui baina.",
        "undur tsalintai ajil sanal bolgoson.",
        "hend ch bitgii hel gesen.",
    ),
    "ru": (
        "У него забрали паспорт, не выпускают из здания.",
        "Его заставляют обманывать людей в интернете.",
        "Ему не забрали паспорт, он у него.",
        "Я слышал что в Мьявадди закрыли центры, правда ли это?",
    ),
    "zh": (
        "他们收走了他的护照，不让他离开。",
        "他被卖到了妙瓦底的另一家公司。",
        "公司要求家里付赎金才放人。",
        "我在新闻里看到KK园区被拆除了。",
    ),
}

_LANGUAGES = ("en", "en", "mn", "mn", "mn-latin", "ru", "zh", "mixed")


class _Lcg:
    """Deterministic pseudo-random numbers (same sequence everywhere)."""

    def __init__(self, seed: int) -> None:
        self.state = seed

    def below(self, n: int) -> int:
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n


def _report(rng: _Lcg) -> str:
    lang = _LANGUAGES[rng.below(len(_LANGUAGES))]
    langs = ("mn", "en") if lang == "mixed" else (lang,)
    target = 1000 + rng.below(1001)
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < target:
        pool = FILLER[langs[rng.below(len(langs))]]
        sentences.append(pool[rng.below(len(pool))])
    # About a third of reports carry no indicator sentence at all.
    for _ in range(rng.below(5) if rng.below(3) else 0):
        pool = INDICATORS[langs[rng.below(len(langs))]]
        sentences.insert(rng.below(len(sentences) + 1), pool[rng.below(len(pool))])
    joiner = "" if lang == "zh" else " "
    return joiner.join(sentences)


def build_corpus(size: int, seed: int = 2026) -> list[str]:
    """`size` reports, the same on every run for the same seed."""
    rng = _Lcg(seed)
    return [_report(rng) for _ in range(size)]
