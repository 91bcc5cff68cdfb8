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

.PHONY: run test install reinstall model lint typecheck lock clean

run: install model
	$(BIN)/otvet serve --host $(HOST) --port $(PORT)

test: install model lint typecheck
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

lint:
	$(BIN)/ruff check service tests evals
	$(BIN)/ruff format --check service tests evals

typecheck:
	$(BIN)/mypy service

# Re-lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml

clean:
	rm -rf $(VENV) var
