"""Regular expressions over the normalized text, compiled once at import.

Every pattern is anchored on a character class boundary and uses no nested
unbounded quantifiers over overlapping classes, so matching stays linear on
adversarial input (see the timing test).
"""

from __future__ import annotations

import re
from typing import Final

from .prefilter import WordStartIndex

_L = "a-zа-я0-9"  # letters and digits after normalization (casefolded, е for ё)
_B = rf"(?<![{_L}])"  # word start
_E = rf"(?![{_L}])"  # word end
_M = r"[*#$%_]"  # characters used to mask letters of swear words


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# --- links, e-mails, handles -------------------------------------------------
TLDS: Final = (
    "ru|su|com|net|org|info|biz|pro|io|me|cc|co|ly|gl|to|by|kz|ua|uz|am|ge|de|us|uk|cn|"
    "tv|xyz|online|site|shop|store|tech|club|space|website|link|page|app|dev|рф|рус|москва"
)
URL_SCHEME: Final = _rx(r"(?<![a-z])(?:https?|ftp)\s?:\s?/\s?/[^\s]*|(?<![a-z0-9])www\.[^\s]+")
DOMAIN: Final = _rx(rf"(?<![{_L}@._-])(?:[{_L}][{_L}_-]*+\.)++(?:{TLDS}|ру|xn--[a-z0-9-]+){_E}(?:/[^\s]*)?")
SPACED_DOMAIN: Final = _rx(rf"(?<![{_L}.-])[a-z0-9][a-z0-9-]++ ?\. ?(?:ru|com|net|org|рф){_E}(?: ?/[^\s]*)?")
# Link shorteners, even with the dot and slash spaced out («bit . ly / 3kF9zQp»).
SHORTENER_HOSTS: Final = ("bit", "clck", "goo", "cutt", "vk", "rb", "tinyurl", "qps")
SHORTENER: Final = _rx(
    rf"(?<![a-z0-9])(?:{'|'.join(SHORTENER_HOSTS)})\s?\.\s?(?:ly|ru|gl|cc|gd|gy|com)"
    r"(?![a-z])(?:\s?/\s?[a-z0-9_-]+)?"
)
WORDY_DOMAIN: Final = _rx(
    rf"(?<![{_L}-])[{_L}][{_L}-]++\s?[(\[]?\s?(?:точка|dot)\s?[)\]]?\s?"
    rf"(?:ru|ру|com|ком|рф|net|org|su|me|io|by|kz|info){_E}(?:/[^\s]*)?"
)
PUNYCODE: Final = _rx(r"xn--[a-z0-9-]+")
# What DOMAIN and SPACED_DOMAIN both need; it starts with a literal, so the engine skips to each dot.
DOT_TLD: Final = _rx(rf"\. ?(?:{TLDS}|ру|xn--)")
# The TLD is checked in code: possessive quantifiers keep this linear.
EMAIL: Final = _rx(r"(?<![a-z0-9._%+-])[a-z0-9._%+-]++\s?@\s?[a-zа-я0-9-]++(?:\.[a-zа-я0-9-]++)++")
WORDY_EMAIL: Final = _rx(
    rf"(?<![a-z0-9._-])[a-z0-9._-]{{2,}}+\s?[(\[]?\s?(?:@|собака|собачка|at)\s?[)\]]?\s?"
    rf"[{_L}-]{{2,}}+\s?[(\[]?\s?(?:\.|точка|dot)\s?[)\]]?\s?(?:{TLDS}|ру|ком){_E}"
)
HANDLE: Final = _rx(r"(?<![\w.@])@[a-z0-9_][a-z0-9_.]{2,}")
OWN_DOMAINS: Final = _rx(r"(?:^|[./])ozon\.(?:ru|com|by|kz)(?:/|$)")

# --- messengers and social networks ---------------------------------------------
# Strong names are flagged unless the sentence describes a product feature;
# weak ones («телега», «тг», «вк», «max») only in a contact context.
STRONG_MESSENGERS: Final = _rx(
    rf"{_B}(?:what'?s ?app\w*|whatsap\w*|wa\.me|watsap\w*|vatsap\w*|votsap\w*|"
    rf"в[оа]тс ?апп?\w{{0,3}}|в[оа]цапп?\w{{0,3}}|telegra\w*|t\.me|телеграм(?!м)\w{{0,3}}|"
    rf"viber\w*|вайбер\w{{0,3}}|вибер\w{{0,3}}|instagra\w*|инстаграмм?\w{{0,3}}|"
    rf"инст(?:а|е|у|ы|ой)?{_E}|insta{_E}|вконтакт\w*|vkontakte|vk\.(?:com|cc|ru|me)|"
    rf"ok\.ru|wechat|weixin|вичат\w{{0,3}}|skype\w*|скайп\w{{0,3}}|discord\w*|дискорд\w{{0,3}}|"
    rf"facebook|фейсбук\w{{0,3}}|tiktok|тикток\w{{0,3}}|youtube|youtu\.be|ютуб\w{{0,3}}|"
    rf"rutube|twitter)|微信"
)
WEAK_MESSENGERS: Final = _rx(
    rf"{_B}(?:тг|tg|телег(?:а|у|е|ой|и){_E}|телеграмм\w{{0,3}}|вк|vk|в\.к\.?|"
    rf"max|макс|мах|signal|сигнал\w{{0,2}}|одноклассник\w{{0,3}}|wa|ватс|вотс){_E}"
)
# Searched in the letters-only view, to catch «whats app», «вот сап», «телег рам».
COMPACT_MESSENGERS: Final = _rx(
    "whatsapp|whatsap|вотсап|ватсап|вацап|telegram|телеграм|viber|вайбер|instagram|"
    "инстаграм|skype|скайп|discord|дискорд|wechat"
)
COMPACT_SUFFIX: Final = frozenset("аеуыиомхйяюьп")

# --- other marketplaces ------------------------------------------------------
MARKETPLACES: Final = _rx(
    rf"{_B}(?:wildberr\w*|вайлдбер\w*|валдбер\w*|валбер\w*|вилдбер\w*|"
    rf"wb|вб|в-б|в\.б\.?|w-b|яндекс[ .-]?маркет\w*|yandex[ .-]?market|авито|avito|"
    rf"aliexpress|алиэкспресс\w*|али ?экспресс\w*|мегамаркет\w*|megamarket|сбермегамаркет\w*|"
    rf"lamoda|ламод\w*|kazanexpress|казаньэкспресс\w*|магнит ?маркет\w*|joom|джум){_E}"
)

# --- profanity (with masked letters such as «х*й», «п#здец») --------------------
PROFANITY: Final = _rx(
    rf"{_B}(?:(?:на|по|ни|от|за|до|о)?х(?:у|{_M}+)[йяеию]\w*|"
    rf"(?:рас|рос|на|вы|от|под|при|с|у|за|до|пере)?п(?:и|{_M})(?:з|{_M})(?:д|{_M})\w*|"
    rf"(?:за|на|вы|от|у|до|про|раз|рас|съ|въ|при|под|пере|по|изъ|объ|отъ|подъ|разъ)?"
    rf"[еэ]б(?:а|у|ну|л|ан|ат|ет|ыв|ись|ок|ун|и)\w*|долбо[еэ]б\w*|"
    rf"бл(?:я|{_M})(?:д|т|{_M})\w*|бля{_E}|блать{_E}|сук(?:а|и|у|ой|ами){_E}|сукин\w*|с{_M}ка{_E}|"
    rf"муд(?:ак|ач|ил|озвон|ло)\w*|м{_M}дак\w*|пид(?:о|а|{_M})р\w*|г[ао]ндон\w*|залуп\w*|"
    rf"шлюх\w*|(?:на|по|ни)хер\w*|хер(?:ня|ни|ов\w*|ом)?{_E}|хрень|хренов\w*|херово|"
    rf"(?:на|об|по)сра(?:ть|л|ли|ла){_E}|говн\w*|дерьм\w*|жоп\w*|"
    rf"(?:na|po|ni)?h[uy][iyj](?:nya|na|lo)?{_E}|pizd\w*|bly[a]?[dt]\w*|suka{_E}|"
    rf"(?:za|na|vy|ot)?yeb\w*|eb(?:at|an|al|u)\w*)"
)
RUDE_PHRASES: Final = _rx(
    rf"{_B}(?:да\s+пошли\s+вы|пош(?:ел|ла|ли)\s+(?:вон|ты|вы)\b|"
    rf"иди(?:те)?\s+(?:на|в)\s+(?:хер|хуй|жопу|баню|лес|пень|задницу)|"
    rf"хватит\s+ныть|(?:не\s+надо\s+)?(?:тут\s+)?истерить|ныть\s+хватит|"
    rf"(?:нам|мне)\s+(?:плевать|наплевать|пофиг|похер|насрать)|что\s+за\s+бред|"
    rf"бред\s+(?:\w+\s+)?нес[её]т\w*|с\s+головой\s+(?:плохо|не\s+в\s+порядке|не\s+дружит\w*|проблемы)|"
    rf"в\s+сво[её]м\s+уме|(?:такая|такой|самая|самый|самые|такие)\s+умн(?:ая|ый|ые|ик)|"
    rf"надоел[иа]?\s+(?:со\s+сво|уже|вы|ты)\w*|"
    rf"(?:вы|ты)\s+(?:нас|меня|всех)\s+(?:достал|задолбал|заколебал|затрахал|замучил|бесите|бесишь)\w*|"
    rf"задолбал\w*|заколебал\w*|найд[её]м\s+(?:вас|тебя)|(?:знаем|найд[её]м),?\s+где\s+(?:вы|ты)\s+жив\w*|"
    rf"(?:получите|получишь|напишем|подадим|накатаем)\s+(?:на\s+(?:вас|тебя)\s+)?заявлени\w+\s+в\s+полици\w+|"
    rf"руки\s+(?:у\s+(?:вас|тебя),?\s+)?(?:видимо,?\s+|явно\s+)?не\s+из\s+того\s+места|"
    rf"(?:больше\s+)?не\s+пиши(?:те)?\s+(?:сюда|нам|мне)(?:\s+больше)?{_E}|засоря\w+\s+чат|"
    rf"закройте\s+(?:уже\s+)?(?:этот\s+)?чат|самого\s+умного|"
    rf"засудим|(?:вы|ты)\s+(?:вообще\s+)?(?:нормал\w*|адекватн\w*|в\s+себе)\s*\?|"
    rf"(?:чуш\w*|ерунд\w*|бред|глупост\w*)\s+(?:\w+\s+)?(?:пишете|пишешь|нес[её]те|нес[её]шь|городите)|"
    rf"(?:пишете|пишешь|нес[её]те|нес[её]шь)\s+(?:одну\s+|какую-то\s+)?(?:чуш\w*|ерунд\w*|бред)|"
    rf"(?<!не\s)пожале(?:ете|ешь){_E}|разорим|мало\s+не\s+покажется|(?:вам|тебе)\s+конец{_E}|"
    rf"(?:вы|ты)\s+(?:что,?\s+|вообще\s+)?(?:читать|думать)\s+(?:-то\s+)?(?:не\s+)?умее(?:те|шь)|это\s+(?:еще\s+)?надо\s+уметь|"
    rf"(?:вы|ты)\s+(?:вообще\s+)?понимае(?:те|шь),?\s+что\s+(?:пишете|пишешь|несете|несешь)|"
    rf"не\s+отвлекайте\s+(?:нас|меня)|глуп(?:ыми|ые)\s+вопрос\w*|ид(?:и|ите)\s+лесом|катитесь|"
    rf"туго\s+соображ\w*|так(?:ие|их)\s+(?:клиенты|покупатели|клиентов|покупателей)\s+(?:нам\s+)?не\s+нуж\w*|"
    rf"не\s+нравится\s*[-,]?\s*не\s+(?:покупайте|берите|заказывайте)|хоть\s+обрыда\w*|"
    rf"(?:вам|тебе)\s+(?:бы\s+)?(?:к|в)\s+(?:психолог\w*|психиатр\w*|дурк\w*)|лечит(?:ь)?ся\s+(?:вам|тебе)\s+надо|"
    rf"подад(?:им|ут|им)\s+(?:на\s+(?:вас|тебя)\s+)?в\s+суд|напиш(?:ем|у)\s+(?:вам|тебе)\s+на\s+работу)"
)

# --- blame shifting ------------------------------------------------------------
BLAME_PHRASES: Final = _rx(
    rf"{_B}(?:не\s+наш[аи]?\s+проблем\w*|(?:-\s*|это\s+(?:уже\s+)?|то\s+)ваш[аи]?\s+проблем[аыи]?(?=\s*(?:[.!…]|$))|это\s+ваш[аи]?\s+проблем\w*|ваш[аи]?\s+проблем\w*,?\s+что|"
    rf"(?:претензи\w*|вопрос\w*)\s+не\s+к\s+нам|мы(?:-?то)?\s+(?:тут\s+|здесь\s+)?(?:ни\s+)?при\s+ч[её]м|мы\s+не\s+в\s+ответе|из-за\s+ваш\w*\s+(?:стирк\w*|ошибк\w*|невнимательност\w*|неаккуратност\w*|небрежност\w*)|"
    rf"(?:нас\s+это|это\s+нас)\s+не\s+касается|разбирайтесь\s+сами|сами\s+разбирайтесь|"
    rf"мы\s+за\s+это\s+не\s+отвечаем|не\s+наша\s+забота|"
    rf"если\s+бы\s+(?:вы|ты)\s+(?:\w+\s+)?(?:прочитали|прочли|посмотрели|проверили|изучили|"
    rf"померили|спросили|уточнили|читали|смотрели|были\s+внимательн\w*))"
)

# --- disparagement -----------------------------------------------------------
OZON_PHRASES: Final = _rx(
    r"ничего\s+не\s+(?:умеет|умеют|решит|решает|решают|понима\w+)|ничем\s+не\s+помо\w+|только\s+деньги\s+бер\w+|"
    r"толку\s+(?:ноль|никакого|нет|с\s+н\w+\s+никакого)|как\s+попало|одни\s+проблемы|хуже\s+некуда|"
    r"хуже\s+не\s+бывает|из\s+рук\s+вон|ни\s+на\s+что\s+не\s+способ\w+"
)
NAMED_SHOP: Final = _rx(r"магазин\w*\s*[«\"]")

# The word-list patterns above, tried only at word starts that begin like one of their words.
WORD_PATTERNS: Final = WordStartIndex(
    (PROFANITY, RUDE_PHRASES, BLAME_PHRASES, MARKETPLACES, STRONG_MESSENGERS, WEAK_MESSENGERS)
)
