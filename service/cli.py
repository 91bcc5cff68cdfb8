"""The ``otvet`` command: serve, prepare the model, build the index, check knowledge, run evals."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from service.config import DEFAULT_MODEL_DIR, get_settings, is_loopback


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.api.app import create_app
    from service.logs import setup_logging

    settings = get_settings()
    if not settings.api_keys and not is_loopback(args.host):
        print(
            f"refusing to bind {args.host}: set OTVET_API_KEYS to serve beyond this machine",
            file=sys.stderr,
        )
        return 2
    setup_logging(settings.log_level)
    app = create_app(settings, run_worker=settings.worker_in_process)
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
    return 0


def _worker(args: argparse.Namespace) -> int:
    """The worker on its own: for deployments with several API processes (set OTVET_WORKER_IN_PROCESS=false there)."""
    import asyncio
    import signal

    from service.core import Otvet
    from service.logs import setup_logging
    from service.ozon.client import OzonClient
    from service.worker import Worker

    settings = get_settings()
    setup_logging(settings.log_level)
    if not settings.ozon_enabled:
        print("OTVET_OZON_CLIENT_ID and OTVET_OZON_API_KEY are not set: drafting stored messages only", file=sys.stderr)
    otvet = Otvet(settings)

    async def main() -> None:
        worker = Worker(otvet)
        if args.once:
            ozon = OzonClient(settings) if settings.ozon_enabled else None
            try:
                await worker.run_once(ozon)
            finally:
                if ozon is not None:
                    await ozon.aclose()
            return
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await worker.run(stop)

    try:
        asyncio.run(main())
    finally:
        otvet.close()
    return 0


def _model_prepare(args: argparse.Namespace) -> int:
    from service.embedding.convert import is_prepared, prepare_model

    target = Path(args.target)
    if is_prepared(target) and not args.force:
        print(f"model already prepared at {target}")
        return 0
    started = time.perf_counter()
    prepare_model(target, force=args.force)
    print(f"model prepared at {target} in {time.perf_counter() - started:.1f}s")
    return 0


def _index_build(_: argparse.Namespace) -> int:
    from service.knowledge import load_knowledge_base
    from service.retrieval.embedder import Embedder
    from service.retrieval.index import load_or_build

    settings = get_settings()
    kb = load_knowledge_base(settings.knowledge_dir)
    started = time.perf_counter()
    index = load_or_build(kb, Embedder(settings.embedding_model, settings.embedding_backend), settings.index_dir)
    state = "built" if index.built else "up to date"
    print(
        f"index {index.key} {state}: {len(kb)} entries, {len(index.docs)} questions "
        f"({time.perf_counter() - started:.1f}s)"
    )
    return 0


def _kb_check(_: argparse.Namespace) -> int:
    from service.knowledge.check import check_knowledge

    settings = get_settings()
    problems, count = check_knowledge(settings)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {settings.knowledge_dir}", file=sys.stderr)
        return 1
    print(f"knowledge base OK: {count} entries")
    return 0


def _kb_reload(args: argparse.Namespace) -> int:
    """Ask a running server to reload: the index lives in the server's memory, not on disk alone."""
    import httpx

    settings = get_settings()
    key = args.api_key or (settings.api_keys[0].get_secret_value() if settings.api_keys else "")
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    try:
        response = httpx.post(f"{args.url.rstrip('/')}/v1/knowledge/reload", headers=headers, timeout=300)
    except httpx.HTTPError as exc:
        print(f"cannot reach {args.url}: {exc}", file=sys.stderr)
        return 2
    body = response.json()
    if response.status_code != 200:
        error = body.get("error", {})
        print(f"reload refused: {error.get('message')}", file=sys.stderr)
        for problem in error.get("details") or []:
            print(f"{problem['file']}:{problem['line']}: {problem['message']}")
        return 1
    print(f"reloaded: {body['entries']} entries, index {body['index']}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from service.evaluation import run_eval

    return run_eval(args.suite, gate=args.gate, out_dir=Path(args.out), tune=args.tune, limit=args.limit)


def _bench(args: argparse.Namespace) -> int:
    """Reports only: latency targets are printed as pass/fail but never change the exit code."""
    from service.bench import run

    run(Path(args.out), quick=args.quick, threads=args.threads)
    return 0


def _compliance(args: argparse.Namespace) -> int:
    """Compile the compliance filter with mypyc, remove the build, or say whether it is current."""
    from service.compliance import native
    from service.config import ROOT_DIR

    if args.action == "build":
        native.build(ROOT_DIR)
    elif args.action == "clean":
        native.clean()
    print(f"compliance filter: {native.status()}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="otvet", description="Reply drafts for Ozon sellers.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)

    worker = commands.add_parser("worker", help="draft stored Ozon messages, poll Ozon, send approved replies")
    worker.add_argument("--once", action="store_true", help="one pass, then exit")
    worker.set_defaults(handler=_worker)

    model = commands.add_parser("model", help="manage the embedding model")
    model_commands = model.add_subparsers(dest="model_command", required=True, metavar="action")
    prepare = model_commands.add_parser("prepare", help="convert the bundled e5-small into sentence-transformers")
    prepare.add_argument("--target", default=str(DEFAULT_MODEL_DIR))
    prepare.add_argument("--force", action="store_true", help="convert again even if prepared")
    prepare.set_defaults(handler=_model_prepare)

    index = commands.add_parser("index", help="manage the knowledge index")
    index_commands = index.add_subparsers(dest="index_command", required=True, metavar="action")
    index_commands.add_parser("build", help="embed the knowledge base if it changed").set_defaults(handler=_index_build)

    kb = commands.add_parser("kb", help="knowledge base tools")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="action")
    kb_commands.add_parser("check", help="validate knowledge/ and name file:line of each problem").set_defaults(
        handler=_kb_check
    )
    reload = kb_commands.add_parser("reload", help="make a running server reload knowledge/ without a restart")
    reload.add_argument("--url", default="http://127.0.0.1:8000")
    reload.add_argument("--api-key", default="", help="default: the first of OTVET_API_KEYS")
    reload.set_defaults(handler=_kb_reload)

    evaluate = commands.add_parser("eval", help="run an eval suite from evals/")
    evaluate.add_argument("suite", choices=["retrieval", "compliance", "drafts", "all"])
    evaluate.add_argument("--gate", action="store_true", help="exit 1 when below the targets")
    evaluate.add_argument("--out", default="var/reports", help="where JSON and Markdown reports go")
    evaluate.add_argument("--tune", action="store_true", help="grid-search retrieval knobs on the dev split first")
    evaluate.add_argument("--limit", type=int, default=None, help="drafts: only the first N messages (slow models)")
    evaluate.set_defaults(handler=_eval)

    compliance = commands.add_parser("compliance", help="compile the compliance filter to C (mypyc), or remove it")
    compliance.add_argument("action", choices=["build", "clean", "status"])
    compliance.set_defaults(handler=_compliance)

    bench = commands.add_parser("bench", help="measure retrieval latency, throughput, build time and memory")
    bench.add_argument("suite", choices=["retrieval"])
    bench.add_argument("--quick", action="store_true", help="45 and 1,000 entries, one round")
    bench.add_argument("--out", default="var/reports", help="where JSON and Markdown reports go")
    bench.add_argument("--threads", type=int, default=None, help="pin torch and faiss threads (default: theirs)")
    bench.set_defaults(handler=_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
