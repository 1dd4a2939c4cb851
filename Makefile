# briefwright — `make` sets everything up and builds every article; `make test` runs the tests
# (`make test-fast`: the quick tier for the edit loop).
# Both work on a fresh machine with Node 20+ (dependencies come from npm via package-lock.json).

SHELL       := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

NODE        ?= node
CLI         := $(NODE) bin/briefwright.js
DEPS        := node_modules/.package-lock.json
CODE        := $(shell find src templates -name '*.ts' 2>/dev/null) tsconfig.json package.json scripts/compile.mjs
DIST        := .cache/dist.stamp
SOURCES     := $(wildcard source/*.md)
BUILT       := .cache/build.stamp

.PHONY: all deps compile build check test test-fast bench fuzz watch clean

all: $(BUILT)

# Install dependencies when node_modules is missing or older than the lock file.
deps: $(DEPS)
$(DEPS): package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Compile to dist/ when any TypeScript source changed (tsc, then the vendor modules bundled).
compile: $(DIST)
$(DIST): $(DEPS) $(CODE)
	$(NODE) scripts/compile.mjs
	@mkdir -p $(@D) && touch $@

# Build every source into out/ when a source or the code changed (the build's own cache
# then renders only the artifacts whose inputs changed).
$(BUILT): $(DIST) $(SOURCES) bin/briefwright.js bin/v8-flags.js
	$(CLI) build
	@mkdir -p $(@D) && touch $@

# Always run the builder (cheap when nothing changed: it only hashes bytes).
build: $(DIST)
	$(CLI) build $(ARGS)

check: $(DIST)
	$(CLI) check $(ARGS)

# VITEST_ARGS adds options to the run (CI asks for a JSON report to print its closing count).
test: $(DIST)
	npx vitest run $(VITEST_ARGS)

# The fast tier for the edit loop: unit, model, template and in-process render tests, without
# Chromium, LibreOffice, the built command line or worker threads (see vitest.fast.config.ts).
test-fast: $(DEPS)
	npx vitest run --config vitest.fast.config.ts $(VITEST_ARGS)

# The benchmark: whole-process builds and in-process renders of the compiled code (see bench/README.md).
bench: $(DIST)
	$(NODE) bench/run.mjs $(ARGS)

fuzz: $(DEPS)
	FUZZ_RUNS=20000 npx vitest run tests/fuzz

watch: $(DIST)
	$(CLI) watch $(ARGS)

clean:
	rm -rf out dist .cache
