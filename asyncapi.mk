# asyncapi.mk: the check of asyncapi.yaml, the AsyncAPI 3.0 document of the
# Crisp events that crispgen generates from openapi.yaml. Included by the
# Makefile (`include asyncapi.mk`); it uses the Makefile's npm target.

NODE_DIR ?= tools/node

.PHONY: asyncapi-check

asyncapi-check: npm ## validate asyncapi.yaml (AsyncAPI parser, offline) and type-check the TypeScript models Modelina generates from it
	SCARF_ANALYTICS=false node $(NODE_DIR)/asyncapi-check.mjs asyncapi.yaml
