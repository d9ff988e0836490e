# crisp-go developer tasks. `make help` lists them.
GO      ?= go
TOOLS   := $(GO) tool -modfile=tools/go.mod
PKGS    := ./...

.PHONY: revision-drill help generate check-generated test test-stdjson test-short lint vet staticcheck fmt-check npm lint-spec ts-check spec-coverage bench bench-build diff-spec apidiff ci

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# Every file crispgen writes (tools/crispgen): `make check-generated`
# fails when one is not what openapi.yaml + overlay.yaml give.
GENERATED := api test/internal/stockapi crisp/*.gen.go events/*.gen.go docs/operations.md test/contract_gen_test.go test/codegen_gen_test.go asyncapi.yaml

generate: ## regenerate every generated file from openapi.yaml and overlay.yaml (tools/crispgen)
	$(GO) generate $(PKGS)

check-generated: generate ## fail when a generated file is not what openapi.yaml + overlay.yaml generate
	@git diff --exit-code -- $(GENERATED) || (echo "generated files are stale: run make generate and commit"; exit 1)
	@test -z "$$(git status --porcelain --untracked-files=all -- api crisp events docs test asyncapi.yaml | grep -v '^ M\|^M ' | grep '\.gen\.go\|api/\|operations.md\|asyncapi.yaml')" || (git status --short -- api crisp events; echo "untracked generated files"; exit 1)
	cd tools && $(GO) test ./crispgen

test: ## run every test with the race detector
	$(GO) test -race $(PKGS)

test-stdjson: ## the codec-dependent packages built with -tags crisp_stdjson (encoding/json alone)
	$(GO) test -tags crisp_stdjson ./crisp/... ./events/... ./webhook/... ./rtm/... ./internal/...

test-short: ## run the tests without the race detector
	$(GO) test $(PKGS)

vet: ## go vet
	$(GO) vet $(PKGS)

fmt-check: ## fail on files gofmt would change
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)

staticcheck: ## staticcheck (pinned in tools/go.mod), the module and the generators of tools/
	$(TOOLS) staticcheck $(PKGS)
	cd tools && $(GO) tool staticcheck ./crispgen/... ./revisiondrill/... ./ogencheck/...

lint: fmt-check vet staticcheck ## gofmt, go vet and staticcheck

NODE_DIR := tools/node
NPX      := PATH="$(CURDIR)/$(NODE_DIR)/node_modules/.bin:$$PATH"

npm: ## install the pinned Node tools (tools/node/package-lock.json), once
	@test -d $(NODE_DIR)/node_modules/.bin -a $(NODE_DIR)/node_modules/.package-lock.json -nt $(NODE_DIR)/package-lock.json || npm ci --prefix $(NODE_DIR) --no-audit --no-fund --silent

lint-spec: npm ## lint openapi.yaml with Redocly (config: redocly.yaml)
	$(NPX) redocly lint --config $(NODE_DIR)/redocly.yaml --format=stylish openapi.yaml

ts-check: npm ## generate TypeScript types from openapi.yaml and type-check test/ts
	$(NPX) openapi-typescript openapi.yaml -o test/ts/crisp.d.ts
	$(NPX) tsc -p test/ts/tsconfig.json

.PHONY: docs docs-check
docs: npm ## build the offline API reference docs/reference/index.html from openapi.yaml (one file, not committed)
	node docs/reference/build.mjs openapi.yaml docs/reference/index.html

docs-check: docs ## open the reference in headless Chromium without network: every operation and its tiers, no request, no console error
	node $(NODE_DIR)/docs-check.mjs docs/reference/index.html openapi.yaml
	node --test $(NODE_DIR)/docs-check.test.mjs

.PHONY: ogen-check
ogen-check: ## fail unless ogen (pinned in tools/go.mod) generates every operation of openapi.yaml with its default settings
	cd tools && $(GO) test -count=1 ./ogencheck

spec-coverage: ## fail unless openapi.yaml has exactly the operations of spec/checklist.tsv
	$(GO) test -count=1 -run '^TestSpecCoverage' ./test

bench: ## run the benchmarks: REST calls against the net/http floor, long walks, event ingestion (web hooks, RTM)
	$(GO) test -run '^$$' -bench . -benchmem ./test/bench/
	$(GO) test -run '^$$' -bench . -benchmem ./webhook/ ./rtm/

bench-build: ## what importing crisp costs a program to build: time, memory, binary size (scripts/bench-build)
	bash scripts/bench-build

diff-spec: ## every change of openapi.yaml since BASE (a git ref), breaking first; exits 1 on a breaking change
	@test -n "$(BASE)" || (echo "usage: make diff-spec BASE=<git ref>"; exit 2)
	$(TOOLS) oasdiff changelog --config spec/oasdiff.yaml $(BASE):openapi.yaml openapi.yaml

revision-drill: ## perform a small API revision on a temporary copy (docs/revising.md); fail if it needs a hand edit
	$(GO) -C tools run ./revisiondrill -root ..

apidiff: ## compare the exported Go API with BASE (default HEAD~1); fail on a break not in docs/api-breaks.txt
	bash .ci/apidiff $(or $(BASE),HEAD~1)

ci: ## what CI runs
	bash .ci/run

include asyncapi.mk
