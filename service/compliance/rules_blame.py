"""Phrase rules for blame put on the buyer outright or by a guess, and for insults."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import PARTICIPLE

BLAME_RULES: Final = (
    # «вы сами виноваты»; but «виноваты перед Вами» is an apology.
    PhraseRule(
        C.BLAME_SHIFTING, (Slot(words("виноватый"), bad_next=words("перед")), Slot(words("сам вы ты"))), window=2
    ),
    # «чините сами», «разбирайтесь, пожалуйста, самостоятельно»
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("разбираться разобраться чинить починить ремонтировать искать"), grams=words("impr")),
            Slot(words("сам самостоятельно")),
        ),
        window=3,
    ),
    # «рекомендуем урегулировать это с перевозчиком самостоятельно»: the problem handed back to the buyer
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("урегулировать решать решить разбираться разобраться")), Slot(words("самостоятельно"))),
        window=4,
        request=True,
        veto=words("какой"),
    ),
    # «с курьером и решайте», «разбирайтесь с доставкой»: sent away to someone else
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("решать разбираться выяснять"), grams=words("impr")),
            Slot(words("курьер перевозчик доставка пвз они служба"), need_prev=words("с")),
        ),
        window=3,
    ),
    # «невнимательность покупателя», «ошибка клиента»: the buyer named as the cause
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.YOUR_FAULT), Slot(words("покупатель клиент"))),
        window=1,
        veto=lx.CONDITIONAL,
    ),
    # «проблема, скорее всего, в эксплуатации»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("проблема дело причина")), Slot(words("эксплуатация"), need_prev=words("в"))),
        window=4,
        veto=lx.CONDITIONAL,
    ),
    # but «Вашей вины здесь нет» takes the blame away from the buyer.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("вина")), Slot(words("ваш твой вы ты"))),
        window=3,
        clause_veto=words("нет"),
    ),
    PhraseRule(
        C.BLAME_SHIFTING,
        # «в следующий раз будем внимательнее»: «следующий» is an adjective, not «следовать»
        (Slot(lx.OUGHT, not_grams=words("ADJF PRTF")), Slot(lx.BLAME_STUDY)),
        window=3,
        needs=words("бы быть"),
        negation=Negation.IGNORED,
    ),
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.WRONGLY), Slot(words("вы ты"))),
        window=3,
        veto=words("если"),
        negation=Negation.IGNORED,
    ),
    PhraseRule(
        C.BLAME_SHIFTING,
        # «что Вы сами сломали», but not «если сам товар повреждён» (a participle describes the item).
        (
            Slot(words("сам"), bad_prev=words("мы я")),
            Slot(lx.BUYER_MISTAKES, grams=words("past"), not_grams=PARTICIPLE),
        ),
        window=2,
        negation=Negation.IGNORED,
    ),
    PhraseRule(C.BLAME_SHIFTING, (Slot(words("ваш твой")), Slot(lx.YOUR_FAULT)), window=2),
    # «раз не проверили при получении, …», «раз его не прочитали»: the buyer's omission as the reason.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.BLAME_STUDY, grams=words("past"), bad_prev=words("мы")), Slot(words("раз"), bad_next=words("в"))),
        window=3,
        negation=Negation.REQUIRED,
        veto=words("мы"),
    ),
)

_HEDGES_ANY = lx.HEDGES | words("скорее")  # «скорее всего»
_THE_BUYER = words("покупатель клиент заказчик получатель")
HEDGED_BLAME_RULES: Final = (
    # «Зарядку, судя по всему, уронили», «видимо, эксплуатировали по-своему»; but «видимо, коробку
    # повредили при перевозке» is about transit.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.DAMAGE_VERBS, grams=words("plur"), not_grams=words("pres futr impr PRTF PRTS"), need_prev=lx.HEDGES),),
        veto=lx.HANDLERS | lx.CONDITIONAL,
    ),
    # «Инструкция была проигнорирована покупателем», «правила эксплуатации нарушены Вами»
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(lx.BUYER_MISTAKES | lx.BUYER_MISTAKES_PASSIVE | lx.DAMAGE_VERBS, grams=words("PRTS")),
            Slot(words("покупатель клиент вы получатель"), grams=words("ablt")),
        ),
        window=3,
        veto=lx.CONDITIONAL,
    ),
    # «судя по всему, так было и у Вас», «видимо, так и случилось в Вашем случае»: a misuse just described,
    # pinned on the buyer by a guess
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("так"), need_prev=_HEDGES_ANY),
            Slot(words("быть случиться произойти получиться выйти")),
            Slot(words("вы ваш")),
        ),
        window=4,
        veto=lx.HANDLERS,
        clause_veto=lx.CONDITIONAL,  # the misuse itself may be put as «только если наливать выше MAX»
    ),
    # «скорее всего, Вы сушили их на батарее, чего делать нельзя»: a guess at what the buyer did, judged
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("вы"), need_prev=_HEDGES_ANY),
            Slot(words("нельзя запрещено недопустимо"), need_prev=words("делать чего этого")),
        ),
        window=12,
        veto=lx.CONDITIONAL | lx.HANDLERS,
    ),
    # «ошибка в адресе на совести заказчика», «повреждение по вине покупателя»; but «если по вине
    # покупателя …» states a policy.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("совесть вина"), need_prev=words("на по")), Slot(_THE_BUYER | words("ваш твой"))),
        window=2,
        veto=lx.CONDITIONAL,
        clause_veto=words("нет"),
    ),
    # «повреждение получено в процессе эксплуатации покупателем»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("эксплуатация использование обращение")), Slot(_THE_BUYER, grams=words("ablt"))),
        window=1,
        veto=lx.CONDITIONAL | words("правильный гарантия"),
    ),
    # «значит, повредили уже у Вас»: the damage placed with the buyer
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(lx.DAMAGE_VERBS, grams=words("plur"), not_grams=words("pres futr impr PRTF PRTS")),
            Slot(words("вы"), need_prev=words("у")),
        ),
        window=3,
        veto=lx.CONDITIONAL,
        clause_veto=lx.HANDLERS,  # «мы отправили целым, значит, разбили у Вас» still blames
    ),
    # «такое случается, когда кто-то не умеет пользоваться техникой»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("уметь")), Slot(words("кто"), need_next=words("то нибудь"))),
        window=3,
        negation=Negation.REQUIRED,
        veto=lx.CONDITIONAL,
    ),
)

ABUSE_RULES: Final = (
    PhraseRule(C.ABUSE, (Slot(lx.RUDE_IMPERATIVES, grams=words("impr")),), negation=Negation.IGNORED),
    PhraseRule(C.ABUSE, (Slot(lx.STRONG_INSULTS),), negation=Negation.IGNORED),
)
