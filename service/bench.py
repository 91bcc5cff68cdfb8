"""Benchmark of retrieval: latency, batch throughput, index build time and memory by knowledge-base size.

Why: a reply draft waits on retrieval, and the knowledge base will grow from dozens of entries to
thousands. This separates the query embedding from everything after it (faiss, BM25, fusion,
abstain) and shows how each part grows at 45, 1,000 and 10,000 entries, so a slowdown can be
pinned on the right component. It reports medians and percentiles and never fails on them.

The 45-entry base is the first 45 real entries, embedded for real. The 1,000- and 10,000-entry
bases are synthesized from real entries (questions recombined with product nouns and numbers);
embedding ~100k example questions would take tens of minutes on a small CPU, so each synthetic
question gets its real source question's vector plus Gaussian noise, and the full embedding time
is extrapolated from the measured embedding rate. The report says which figures are measured.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from service.knowledge.models import Entry, KnowledgeBase
from service.retrieval.embedder import Embedder, Vectors

# Realistic buyer messages, written apart from knowledge/ so no query is an indexed question verbatim.
SHORT_QUESTIONS: tuple[str, ...] = (
    "где мой заказ",
    "Как вернуть товар?",
    "когда привезут",
    "вазврат денег",
    "не пришли деньги за возврат",
    "можно поменять размер?",
    "размерная сетка есть?",
    "kak vernut tovar",
    "отменить заказ",
    "поменять адрес доставки",
    "есть в наличии?",
    "можно оплатить частями",
    "не проходит оплата картой",
    "товар пришел битый",
    "прислали не тот цвет",
    "какая гарантия",
    "где забрать посылку",
    "дайте трек номер",
    "почему так долго везёте",
    "нужен чек для работы",
    "а скидка будет?",
    "когда снова появится",
    "как оставить отзыв",
    "из чего сделано?",
    "заказ не оплачен что делать",
    "vy segodnya rabotaete?",
    "где посылка??",
    "брак на шве",
    "хочу обменять на другой",
    "сколько хранится в пвз",
)
LONG_QUESTIONS: tuple[str, ...] = (
    "Здравствуйте! Заказывала куртку неделю назад, в приложении написано что доставлено в пункт выдачи, "
    "но там говорят что посылки нет. Что мне делать?",
    "Добрый день, купил кроссовки, оказались малы на размер, коробку сохранил, бирки на месте. "
    "Можно ли вернуть и как быстро придут деньги на карту?",
    "Подскажите пожалуйста, оформила возврат неделю назад, товар сдала в пункт выдачи, а деньги так и не "
    "вернулись, сколько ещё ждать?",
    "Заказал чайник в подарок маме, нужен к субботе, успеете доставить в Екатеринбург или лучше отменить?",
    "Пришла посылка, открыл, а там экран у наушников треснутый, коробка была целая. Что делать, вы поменяете?",
    "Здравствуйте, хочу изменить адрес доставки, потому что переезжаю на другую квартиру, заказ ещё не отправлен",
    "Почему у меня не проходит оплата, пробовала две разные карты, пишет ошибка, деньги не списываются",
    "Скажите, а у этой модели какой состав ткани, не будет ли она садиться после стирки при 40 градусах?",
    "Мне прислали совсем не тот товар, заказывала синий рюкзак, а пришла чёрная сумка, как поменять?",
    "Добрый вечер. Через сколько после оплаты вы отправляете заказ? Уже три дня стоит статус ожидает сборки",
    "Здравствуйте! Планирую купить пылесос, но хочу понять какая на него гарантия и куда обращаться если сломается",
    "Мой заказ едет уже две недели, трек не обновляется с понедельника, посылка точно не потерялась?",
    "Можно ли оплатить заказ при получении наличными или только картой онлайн? Не хочу платить заранее",
    "Я отменила заказ, но деньги с карты уже списали, когда они вернутся обратно на мою карту?",
    "Hello, zakazal telefon nedelyu nazad, kogda budet dostavka v moskvu? ochen nuzhno",
    "Здравствуйте, нужен счёт-фактура и закрывающие документы для бухгалтерии, покупали на юрлицо",
    "Подскажите, а будет ли скидка на эту модель к чёрной пятнице или можно промокод получить сейчас?",
    "Товар пропал из продажи, а я хотела его купить, когда он снова появится в наличии у вас?",
    "Купила платье, по размерной сетке подходил M, а оно мне очень велико в плечах, можно обменять на S?",
    "Пункт выдачи закрылся, а мой заказ туда уже привезли, что теперь будет с посылкой и где её забрать?",
    "Я не успел оплатить заказ вовремя и он отменился, можно ли как-то восстановить его с той же ценой?",
    "Хочу оставить отзыв о товаре, но кнопка неактивна, хотя заказ получил вчера, в чём может быть дело?",
    "Заказывал 3 упаковки корма для кошки, а пришло только 2, в заказе указано три. Куда делась третья?",
    "Добрый день! В описании указано что в комплекте есть зарядка, но её в коробке не оказалось, что делать?",
    "Здравствуйте, вы работаете в праздники? Хочу понять, отправите ли заказ до нового года или уже после",
    "Курьер не приехал в назначенное время, я весь день ждала дома, перенесите пожалуйста доставку на завтра",
    "Утюг перестал греться через месяц использования, чек есть, это гарантийный случай? Куда его отнести?",
    "Можно ли вернуть товар, если я уже снял пломбу и один раз попробовал, но он мне не подошёл по цвету?",
    "Сколько дней заказ хранится в пункте выдачи? Я в командировке и смогу забрать только через неделю",
    "Привет, а можете добавить в заказ ещё одну позицию, чтобы не платить второй раз за доставку?",
)
# Order statuses cycled over the questions, so the context boost is exercised as in production.
STATUSES: tuple[str | None, ...] = (None, None, "delivered", "delivering", None, "cancelled")
PRODUCTS: tuple[str, ...] = (
    "кроссовки", "куртка", "чайник", "наушники", "пылесос", "рюкзак", "платье", "смартфон", "утюг", "корм для кошек",
    "кофемашина", "детская коляска", "матрас", "фен", "шуруповёрт", "палатка", "настольная лампа", "джинсы",
    "сковорода", "велосипед", "монитор", "клавиатура", "пуховик", "блендер", "увлажнитель", "самокат", "чемодан",
    "часы", "кресло", "постельное бельё", "термос", "роутер", "микроволновка", "зонт", "коврик для йоги", "ботинки",
    "шампунь", "конструктор", "гирлянда", "электросамокат",
)  # fmt: skip
DECORATIONS: tuple[str, ...] = (
    "{q} ({p})",
    "{p}: {q}",
    "{q}, заказ {n}",
    "{q} — {p}, артикул {n}",
    "про {p}: {q}",
    "{q} {p} {n}",
)
SIZES: tuple[int, ...] = (45, 1_000, 10_000)
QUICK_SIZES: tuple[int, ...] = (45, 1_000)
SYNTHETIC_QUESTIONS = 9  # plus the title: ~10 vectors per synthetic entry
NOISE = 0.3  # per-vector Gaussian noise norm: cosine to the source question ≈ 0.96
BATCH = 32
TARGET_SIZE = 1_000
TARGETS_MS = {"beyond_embedding_p95": 2.0, "end_to_end_p95": 25.0}


def questions() -> list[tuple[str, str | None]]:
    """The fixed query set with an order status for some, short and long interleaved."""
    texts = [text for pair in zip(SHORT_QUESTIONS, LONG_QUESTIONS, strict=True) for text in pair]
    return [(text, STATUSES[i % len(STATUSES)]) for i, text in enumerate(texts)]


def spread(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50/p95 in milliseconds; percentiles, because one GC pause should not move a median."""
    if not samples_ms:
        return {"p50": 0.0, "p95": 0.0, "n": 0}
    p50, p95 = np.percentile(np.asarray(samples_ms, dtype=np.float64), [50, 95])
    return {"p50": round(float(p50), 3), "p95": round(float(p95), 3), "n": len(samples_ms)}


def series(step: Callable[[int], object], count: int, repeats: int) -> list[float]:
    """Milliseconds of ``step(i)`` for every i in ``range(count)``, ``repeats`` times over."""
    samples: list[float] = []
    for _ in range(repeats):
        for i in range(count):
            started = time.perf_counter_ns()
            step(i)
            samples.append((time.perf_counter_ns() - started) / 1e6)
    return samples


def _proc_status_kib(field: str) -> int:
    """VmRSS/VmHWM from /proc, since psutil is not a dependency; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _reset_peak_rss() -> bool:
    """Writing 5 to clear_refs resets VmHWM, so each build's peak is its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _load() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def first_entries(kb: KnowledgeBase, count: int) -> KnowledgeBase:
    entries = kb.entries[:count]
    return KnowledgeBase(entries=entries, content_hash=_hash(entries, "real"), out_of_scope=kb.out_of_scope)


def synthesize(kb: KnowledgeBase, count: int, seed: int = 13) -> tuple[KnowledgeBase, dict[str, str]]:
    """A ``count``-entry base recombining real questions with products and numbers, and each
    synthetic text's real source text (whose embedding stands in for it)."""
    rng = np.random.default_rng(seed)
    real = kb.entries
    sources: dict[str, str] = {}
    entries: list[Entry] = []
    for i in range(count):
        base = real[i % len(real)]
        round_ = i // len(real)
        product = PRODUCTS[(i * 7 + round_) % len(PRODUCTS)]
        title = f"{base.title} — {product}, серия {100 + i}"
        sources[title] = base.title
        picked = [base.questions[(round_ + j * 3) % len(base.questions)] for j in range(SYNTHETIC_QUESTIONS)]
        texts: list[str] = []
        for j, question in enumerate(picked):
            number = int(rng.integers(10_000, 99_999_999))
            text = DECORATIONS[(i + j) % len(DECORATIONS)].format(q=question, p=product, n=number)
            sources[text] = question
            texts.append(text)
        entries.append(
            Entry(id=f"{base.id}-{i}", topic=base.topic, title=title, questions=tuple(texts), answer=base.answer)
        )
    synthetic = tuple(entries)
    return KnowledgeBase(synthetic, _hash(synthetic, f"synthetic-{seed}"), kb.out_of_scope), sources


def _hash(entries: Sequence[Entry], salt: str) -> str:
    digest = hashlib.sha256(salt.encode())
    for entry in entries:
        digest.update("\x1f".join((entry.id, entry.title, *entry.questions)).encode())
    return digest.hexdigest()


class SampledEmbedder(Embedder):
    """Real embeddings for queries; during a synthetic build, each synthetic question gets its
    real source question's vector plus noise, so 100k vectors cost seconds instead of minutes."""

    def __init__(self, real: Embedder, seed: int = 29) -> None:
        # Deliberately skips Embedder.__init__: this wraps an already loaded model.
        self.real = real
        self.name = real.name
        self.dimension = real.dimension
        self.fingerprint = f"{real.fingerprint}-bench"
        self.sources: dict[str, str] = {}
        self.building = False
        self.embed_seconds = 0.0
        self.embedded = 0  # texts embedded for real during the current build
        self.perturbed = 0
        self._cache: dict[str, Vectors] = {}
        self._rng = np.random.default_rng(seed)

    def start_build(self, sources: dict[str, str]) -> None:
        self.sources, self.building = sources, True
        self.embed_seconds, self.embedded, self.perturbed = 0.0, 0, 0

    def prime(self, texts: Sequence[str]) -> float:
        """Embed the real source texts once; returns the measured docs/s (batch 32)."""
        todo = sorted({t for t in texts if t not in self._cache})
        if not todo:
            return 0.0
        started = time.perf_counter()
        vectors = self.real.embed_queries(todo)
        elapsed = time.perf_counter() - started
        self._cache.update(zip(todo, vectors, strict=True))
        return len(todo) / elapsed

    def embed_queries(self, texts: list[str]) -> Vectors:
        if not self.building:
            return self.real.embed_queries(texts)
        started = time.perf_counter()
        if not self.sources:
            vectors = self.real.embed_queries(texts)
            self.embedded += len(texts)
        else:
            self.embedded += self.prime_count([self.sources.get(t, t) for t in texts])
            vectors = np.stack([self._cache[self.sources.get(t, t)] for t in texts])
            synthetic = np.array([t in self.sources for t in texts])
            self.perturbed += int(synthetic.sum())
            noise = self._rng.standard_normal((int(synthetic.sum()), self.dimension)).astype(np.float32)
            vectors[synthetic] += noise * (NOISE / np.sqrt(self.dimension))
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        self.embed_seconds += time.perf_counter() - started
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def prime_count(self, texts: Sequence[str]) -> int:
        missing = {t for t in texts if t not in self._cache}
        self.prime(list(missing))
        return len(missing)


@dataclass
class Built:
    retriever: Any  # service.retrieval.retriever.Retriever, imported lazily with faiss
    report: dict[str, Any]


def build(label: str, kb: KnowledgeBase, embedder: SampledEmbedder, sources: dict[str, str], root: Path) -> Built:
    """Build a Retriever from scratch in a fresh directory, measuring time and RSS."""
    import faiss

    from service.config import get_settings
    from service.retrieval.retriever import Retriever

    gc.collect()
    peak_ok = _reset_peak_rss()
    rss_before = _proc_status_kib("VmRSS")
    embedder.start_build(sources)
    started = time.perf_counter()
    retriever = Retriever(kb, embedder, root / label, get_settings().retrieval_tuning())
    seconds = time.perf_counter() - started
    embedder.building = False
    peak = _proc_status_kib("VmHWM")
    gc.collect()
    rss_after = _proc_status_kib("VmRSS")
    vectors = int(retriever.index.faiss_index.ntotal)
    return Built(
        retriever,
        {
            "seconds": round(seconds, 2),
            "embedding_seconds": round(embedder.embed_seconds, 2),
            "non_embedding_seconds": round(seconds - embedder.embed_seconds, 2),
            "texts_embedded": embedder.embedded,
            "vectors_perturbed": embedder.perturbed,
            "vectors": vectors,
            "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
            "peak_rss_growth_mb": round((peak - rss_before) / 1024, 1) if peak_ok else None,
            "faiss_bytes": int(faiss.serialize_index(retriever.index.faiss_index).nbytes),
            "bm25_bytes": _bm25_bytes(retriever),
        },
    )


def _bm25_bytes(retriever: Any) -> int | None:
    """Size of bm25s's sparse score matrix, to split the RSS growth; None if the internals moved."""
    matrix = getattr(getattr(retriever.lexical, "_bm25", None), "scores", None)
    if not isinstance(matrix, dict):
        return None
    return sum(int(value.nbytes) for value in matrix.values() if isinstance(value, np.ndarray))


def build_parts(retriever: Any) -> dict[str, float | str]:
    """Re-time the BM25 index alone (the Retriever build does not split it out)."""
    from service.retrieval.lexical import LexicalIndex

    texts = [" ".join((e.title, *e.questions)) for e in retriever.kb.entries]
    started = time.perf_counter()
    LexicalIndex(texts)
    return {"bm25_index_seconds": round(time.perf_counter() - started, 2)}


def measure_embedding(embedder: Embedder, rounds: int) -> dict[str, Any]:
    """Embedding one query alone, short and long: the floor under every end-to-end figure."""
    for text in (*SHORT_QUESTIONS[:5], *LONG_QUESTIONS[:5]):
        embedder.embed_queries([text])
    result: dict[str, Any] = {}
    for name, texts in (("short", SHORT_QUESTIONS), ("long", LONG_QUESTIONS)):

        def embed(i: int, texts: tuple[str, ...] = texts) -> Vectors:
            return embedder.embed_queries([texts[i]])

        result[name] = spread(series(embed, len(texts), rounds))
    return result


def compare_backends(model: str, rounds: int, threads: int | None) -> dict[str, Any]:
    """Every embedding runtime on the same questions, with its load time and its cosine to torch."""
    from service.retrieval.embedder import BACKENDS

    texts = [*SHORT_QUESTIONS, *LONG_QUESTIONS]
    result: dict[str, Any] = {}
    reference: Vectors | None = None
    for backend in sorted(BACKENDS, key=lambda name: name != "torch"):  # torch first: the reference
        started = time.perf_counter()
        embedder = Embedder(model, backend)
        load_seconds = time.perf_counter() - started
        vectors = embedder.embed_queries(texts)
        reference = vectors if reference is None else reference
        cosines = (vectors * reference).sum(axis=1)
        result[backend] = {
            "load_seconds": round(load_seconds, 2),
            **measure_embedding(embedder, rounds),
            "cosine_to_torch": {"mean": round(float(cosines.mean()), 5), "min": round(float(cosines.min()), 5)},
        }
        if backend == "torch" and threads:
            import torch

            torch.set_num_threads(threads)
        del embedder
        gc.collect()
    return result


def measure_latency(retriever: Any, rounds: int) -> dict[str, Any]:
    """End to end (`search`), beyond the embedding (`search_embedded`), and batches of 32."""
    queries = questions()
    vectors = [retriever.embedder.embed_queries([retriever.prepare(q)]) for q, _ in queries]
    for (question, status), vector in zip(queries, vectors, strict=True):  # warm-up
        retriever.search(question, 3, status)
        retriever.search_embedded(question, vector, 3, status)
    gc.collect()
    end_to_end = series(lambda i: retriever.search(queries[i][0], 3, queries[i][1]), len(queries), rounds)
    beyond = series(
        lambda i: retriever.search_embedded(queries[i][0], vectors[i], 3, queries[i][1]), len(queries), rounds * 5
    )
    cycled = [queries[i % len(queries)] for i in range(2 * BATCH)]
    batches = [cycled[start : start + BATCH] for start in range(0, len(cycled), BATCH)]

    def run_batch(i: int) -> None:
        embedded = retriever.embedder.embed_queries([retriever.prepare(q) for q, _ in batches[i]])
        for (question, status), vector in zip(batches[i], embedded, strict=True):
            retriever.search_embedded(question, vector[None, :], 3, status)

    batch_ms = series(run_batch, len(batches), rounds)
    return {
        "end_to_end": spread(end_to_end),
        "beyond_embedding": spread(beyond),
        "batch_ms": spread(batch_ms),
        "batch_questions_per_s": round(BATCH * len(batch_ms) / (sum(batch_ms) / 1000), 1),
    }


def profile(retriever: Any, rounds: int) -> dict[str, Any]:
    """Where `search_embedded` spends its time, step by step; cProfile names the hot functions."""
    from service.retrieval.lexical import tokenize
    from service.retrieval.retriever import CANDIDATE_DOCS

    queries = questions()
    vectors = retriever.embedder.embed_queries([retriever.prepare(q) for q, _ in queries])
    index = retriever.index
    token_lists = [tokenize(q) for q, _ in queries]
    dense_scores = [retriever._dense(v[None, :])[0] for v in vectors]
    neighbours = [index.search(vectors[i : i + 1], CANDIDATE_DOCS) for i in range(len(queries))]

    def dense_without_faiss() -> Callable[[int], object]:
        """`_dense` with faiss replayed from a cache, so only its own numpy work is timed."""
        replay = SimpleNamespace(docs=index.docs, current=0)
        replay.search = lambda _vector, _limit: neighbours[replay.current]

        def step(i: int) -> object:
            replay.current = i
            retriever.index = replay
            try:
                return retriever._dense(vectors[i : i + 1])
            finally:
                retriever.index = index

        return step

    steps: dict[str, Callable[[], Callable[[int], object]]] = {
        f"faiss search {CANDIDATE_DOCS} neighbours": lambda: lambda i: index.search(vectors[i : i + 1], CANDIDATE_DOCS),
        "_dense total (faiss + per-entry best)": lambda: lambda i: retriever._dense(vectors[i : i + 1]),
        "_dense without faiss": dense_without_faiss,
        "tokenize (lemmas + trigrams)": lambda: lambda i: tokenize(queries[i][0]),
        "lexical.scores (BM25)": lambda: lambda i: retriever.lexical.scores(token_lists[i]),
        "lexical.coverage": lambda: lambda i: retriever.lexical.coverage(token_lists[i], 0),
        "np.argsort over all entries": lambda: lambda i: np.argsort(-dense_scores[i])[:3],
    }
    timings: dict[str, Any] = {}
    for name, make in steps.items():
        try:
            step = make()
            for i in range(len(queries)):
                step(i)
        except Exception as exc:  # a step the current retrieval code no longer has
            timings[name] = {"skipped": f"{type(exc).__name__}: {exc}"[:120]}
            continue
        timings[name] = spread(series(step, len(queries), rounds * 5))
    return {"steps": timings, "hot_functions": _hot_functions(retriever, queries, vectors)}


def _hot_functions(retriever: Any, queries: list[tuple[str, str | None]], vectors: Vectors) -> list[dict[str, Any]]:
    """cProfile of `search_embedded`: the functions with the most own time, per query."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for (question, status), vector in zip(queries, vectors, strict=True):
        retriever.search_embedded(question, vector[None, :], 3, status)
    profiler.disable()
    stats: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:10]
    return [
        {
            "function": f"{Path(file).name}:{line}({name})" if file != "~" else name,
            "own_ms_per_query": round(own * 1000 / len(queries), 3),
            "cumulative_ms_per_query": round(cumulative * 1000 / len(queries), 3),
        }
        for (file, line, name), (_, _, own, cumulative, _) in rows
    ]


def exact_comparison(retriever: Any, rounds: int) -> dict[str, Any]:
    """The index in use against an exact flat index over the same vectors: speed and recall.

    Above ``HNSW_MIN_VECTORS`` the service searches HNSW; this says what that costs in recall.
    """
    import faiss

    from service.retrieval.retriever import CANDIDATE_DOCS

    live = retriever.index
    vectors = live.faiss_index.reconstruct_n(0, live.faiss_index.ntotal)
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    queries = retriever.embedder.embed_queries([retriever.prepare(q) for q, _ in questions()])
    _, truth = exact.search(queries, 10)
    _, found = live.search(queries, CANDIDATE_DOCS)
    recall = np.mean([len(set(t) & set(f)) / len(t) for t, f in zip(truth.tolist(), found.tolist(), strict=True)])
    top1 = np.mean([t[0] == f[0] for t, f in zip(truth.tolist(), found.tolist(), strict=True)])
    return {
        "index": type(live.faiss_index).__name__,
        "search": spread(series(lambda i: live.search(queries[i : i + 1], CANDIDATE_DOCS), len(queries), rounds * 3)),
        "exact_search": spread(
            series(lambda i: exact.search(queries[i : i + 1], CANDIDATE_DOCS), len(queries), rounds * 3)
        ),
        "top1_agreement": round(float(top1), 4),
        "recall_at_10_within_candidates": round(float(recall), 4),
    }


def run(
    out_dir: Path, quick: bool = False, sizes: Sequence[int] | None = None, threads: int | None = None
) -> dict[str, Any]:
    """Measure every size, write JSON and Markdown under ``out_dir``, and return the report.

    ``threads`` pins faiss's threads (and torch's, for the torch runtime), as a worker sharing its
    CPUs might. By default faiss runs single-threaded, as the service does.
    """

    import service.retrieval.index as vector_index
    from service.config import get_settings
    from service.knowledge import load_knowledge_base

    settings = get_settings()
    if threads:
        vector_index.SEARCH_THREADS = threads
    faiss_threads = vector_index.SEARCH_THREADS
    rounds = 1 if quick else 3
    sizes = tuple(sizes or (QUICK_SIZES if quick else SIZES))
    load_start = _load()
    real_kb = load_knowledge_base(settings.knowledge_dir)
    embedder = SampledEmbedder(Embedder(settings.embedding_model, settings.embedding_backend))
    report: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "model": settings.embedding_model,
        "machine": {
            "cpus": os.cpu_count(),
            "faiss_threads": faiss_threads,
            "load_average_start": load_start,
        },
        "questions": {"short": len(SHORT_QUESTIONS), "long": len(LONG_QUESTIONS), "rounds": rounds},
        "embedding_backend": settings.embedding_backend,
        "embedding": measure_embedding(embedder, rounds),
        "backends": compare_backends(settings.embedding_model, rounds, threads),
        "bases": [],
        "profile": {},
    }
    with tempfile.TemporaryDirectory(prefix="otvet-bench-") as tmp:
        for size in sizes:
            print(f"bench: {size} entries…", flush=True)
            sources: dict[str, str] = {}
            if size <= len(real_kb.entries):
                kb = first_entries(real_kb, size)
            else:
                kb, sources = synthesize(real_kb, size)
                rate = embedder.prime([*sources.values(), *kb.out_of_scope])
                if rate:
                    report["embedding"]["docs_per_s_batch32"] = round(rate, 1)
            built = build(f"kb-{size}", kb, embedder, sources, Path(tmp))
            built.report.update(build_parts(built.retriever))
            if not sources:
                real_rate = built.report["texts_embedded"] / max(built.report["embedding_seconds"], 1e-9)
                report["embedding"].setdefault("docs_per_s_batch32", round(real_rate, 1))
            rate = float(report["embedding"]["docs_per_s_batch32"])
            built.report["estimated_full_build_seconds"] = round(
                built.report["non_embedding_seconds"] + built.report["vectors"] / rate, 1
            )
            entry_report = {
                "entries": size,
                "synthetic": bool(sources),
                "build": built.report,
                **measure_latency(built.retriever, rounds),
            }
            report["bases"].append(entry_report)
            if size >= TARGET_SIZE:
                report["profile"][str(size)] = profile(built.retriever, rounds)
                report.setdefault("index_vs_exact", {})[str(size)] = exact_comparison(built.retriever, rounds)
            del built
            gc.collect()
    report["machine"]["load_average_end"] = _load()
    report["targets"] = _targets(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"bench_retrieval-threads{threads}" if threads else "bench_retrieval"
    (out_dir / f"{stem}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    markdown = render(report)
    (out_dir / f"{stem}.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return report


def _targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Pass/fail against the latency budget at 1,000 entries; informational, never an exit code."""
    base = next((b for b in report["bases"] if b["entries"] == TARGET_SIZE), None)
    if base is None:
        return []
    measured = {
        "beyond_embedding_p95": base["beyond_embedding"]["p95"],
        "end_to_end_p95": base["end_to_end"]["p95"],
    }
    return [
        {
            "target": name,
            "entries": TARGET_SIZE,
            "limit_ms": limit,
            "measured_ms": measured[name],
            "pass": measured[name] <= limit,
        }
        for name, limit in TARGETS_MS.items()
    ]


def _mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:.1f}"


def render(report: dict[str, Any]) -> str:
    """The Markdown report: main table, embedding, targets, profile, notes."""
    machine = report["machine"]
    lines = [
        "# Retrieval benchmark",
        "",
        f"{report['generated_at']} · {machine['cpus']} CPUs · embedding on {report['embedding_backend']} · "
        f"faiss threads {machine['faiss_threads']} · load average {machine['load_average_start']} → "
        f"{machine['load_average_end']}{' · quick run' if report['quick'] else ''}",
        "",
        "| entries | vectors | end to end p50 / p95 ms | beyond embedding p50 / p95 ms | batch of 32, q/s "
        "| build s (measured) | full build s (est.) | RSS growth MB (peak) | faiss MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for base in report["bases"]:
        b = base["build"]
        peak = f" ({b['peak_rss_growth_mb']})" if b["peak_rss_growth_mb"] is not None else ""
        lines.append(
            f"| {base['entries']:,}{' (synthetic)' if base['synthetic'] else ''} | {b['vectors']:,} "
            f"| {base['end_to_end']['p50']:.1f} / {base['end_to_end']['p95']:.1f} "
            f"| {base['beyond_embedding']['p50']:.2f} / {base['beyond_embedding']['p95']:.2f} "
            f"| {base['batch_questions_per_s']:.0f} | {b['seconds']:.1f} | {b['estimated_full_build_seconds']:.1f} "
            f"| {b['rss_growth_mb']:.0f}{peak} | {b['faiss_bytes'] / 2**20:.1f} |"
        )
    lines += [
        "",
        "| entries | build: embedding s | texts embedded / vectors perturbed | rest of build s "
        "| of which BM25 index s | BM25 matrix MB |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for base in report["bases"]:
        b = base["build"]
        lines.append(
            f"| {base['entries']:,} | {b['embedding_seconds']:.1f} "
            f"| {b['texts_embedded']:,} / {b['vectors_perturbed']:,} | {b['non_embedding_seconds']:.1f} "
            f"| {b['bm25_index_seconds']} | {_mb(b.get('bm25_bytes'))} |"
        )
    emb = report["embedding"]
    lines += [
        "",
        f"Embedding one query alone: short p50 {emb['short']['p50']:.1f} / p95 {emb['short']['p95']:.1f} ms, "
        f"long p50 {emb['long']['p50']:.1f} / p95 {emb['long']['p95']:.1f} ms; "
        f"batch-32 embedding rate {emb.get('docs_per_s_batch32', 0):.0f} texts/s.",
        "",
        "## Embedding runtimes",
        "",
        "| backend | load s | short p50 / p95 ms | long p50 / p95 ms | cosine to torch, mean / min |",
        "|---|---:|---:|---:|---:|",
    ]
    for backend, found in report.get("backends", {}).items():
        cosine = found["cosine_to_torch"]
        lines.append(
            f"| {backend} | {found['load_seconds']:.1f} | {found['short']['p50']:.1f} / {found['short']['p95']:.1f} "
            f"| {found['long']['p50']:.1f} / {found['long']['p95']:.1f} | {cosine['mean']:.4f} / {cosine['min']:.4f} |"
        )
    lines += [
        "",
        "Recall on the dev split for each runtime: `OTVET_EMBEDDING_BACKEND=<backend> otvet eval retrieval`.",
        "",
    ]
    if report["targets"]:
        lines += ["## Targets at 1,000 entries", ""]
        for target in report["targets"]:
            verdict = "PASS" if target["pass"] else "FAIL"
            lines.append(
                f"- {target['target'].replace('_', ' ')} ≤ {target['limit_ms']} ms: "
                f"{target['measured_ms']:.2f} ms — **{verdict}**"
            )
        lines.append("")
    for size, found in report["profile"].items():
        lines += [
            f"## Where `search_embedded` spends its time at {int(size):,} entries",
            "",
            "| step | p50 ms | p95 ms |",
            "|---|---:|---:|",
        ]
        skipped = [name for name, timing in found["steps"].items() if "skipped" in timing]
        lines += [
            f"| {name} | {timing['p50']:.3f} | {timing['p95']:.3f} |"
            for name, timing in found["steps"].items()
            if "skipped" not in timing
        ]
        if skipped:
            lines += ["", "Not in the current retrieval code, so not measured: " + "; ".join(skipped) + "."]
        lines += [
            "",
            "cProfile, own time per query: "
            + ", ".join(f"`{row['function']}` {row['own_ms_per_query']:.3f} ms" for row in found["hot_functions"][:6]),
            "",
        ]
    comparisons = report.get("index_vs_exact", {})
    if comparisons:
        lines += [
            "## The index in use against exact search",
            "",
            "| entries | index | search p50 / p95 ms | exact flat p50 / p95 ms | same nearest | exact top-10 found |",
            "|---:|---|---:|---:|---:|---:|",
        ]
        for size, found in comparisons.items():
            lines.append(
                f"| {int(size):,} | {found['index']} | {found['search']['p50']:.2f} / {found['search']['p95']:.2f} "
                f"| {found['exact_search']['p50']:.2f} / {found['exact_search']['p95']:.2f} "
                f"| {found['top1_agreement']:.3f} | {found['recall_at_10_within_candidates']:.3f} |"
            )
        lines.append("")
    lines += [
        "## What was measured",
        "",
        "- Latencies cover a fixed set of "
        f"{report['questions']['short']} short and {report['questions']['long']} long buyer questions "
        "(some with an order status) after one warm-up pass; end to end is `Retriever.search`, beyond embedding "
        "is `search_embedded` with precomputed vectors (faiss, BM25, fusion, status boost, abstain).",
        "- Batch throughput: embed 32 questions in one call, then `search_embedded` for each.",
        "- 45 entries are the first 45 real entries, embedded for real. Synthetic bases recombine real questions "
        "with product nouns and numbers; their vectors are the real source question's embedding plus Gaussian "
        f"noise (norm {NOISE}), so their build time is faiss + BM25 + persisting only. The full build is that "
        "plus vectors ÷ the measured batch-32 embedding rate.",
        "- Rest of build = Retriever construction minus embedding: faiss add, BM25, persisting. BM25 is "
        "re-timed alone after the build (the re-run has a warm lemma cache).",
        "- RSS growth is VmRSS after minus before the build (after GC); peak is VmHWM reset before the build.",
        "- CPU time is shared with anything else running: compare the load average with the CPU count.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `evals/bench_retrieval.py`; `otvet bench retrieval` calls `run` directly."""
    import argparse

    from service.config import ROOT_DIR

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="45 and 1,000 entries, one round")
    parser.add_argument("--out", default=str(ROOT_DIR / "var" / "reports"))
    parser.add_argument("--threads", type=int, default=None, help="pin torch and faiss threads")
    args = parser.parse_args(argv)
    run(Path(args.out), quick=args.quick, threads=args.threads)
    return 0
