// Redocly decorators for the rendered API reference (make docs). They change
// the bundled copy that build-docs renders, never openapi.yaml itself.

// tiersKnown are the x-crisp-tiers values: Crisp's token tiers.
const tiersKnown = new Set(['plugin', 'website', 'user']);

// operationTiers puts the token tiers a route accepts (x-crisp-tiers) and its
// deprecation at the top of the operation's description, and as badges next
// to its title, so that the reference shows them for every operation.
function operationTiers() {
  return {
    Operation: {
      leave(operation, ctx) {
        // build-docs ignores what a decorator reports: throw, so that a
        // missing or unknown tier fails the build.
        const tiers = operation['x-crisp-tiers'];
        const where = `${operation.operationId ?? ctx.location.pointer}`;
        if (!Array.isArray(tiers) || tiers.length === 0) {
          throw new Error(`${where}: no x-crisp-tiers`);
        }
        for (const tier of tiers) {
          if (!tiersKnown.has(tier)) throw new Error(`${where}: unknown token tier ${JSON.stringify(tier)} in x-crisp-tiers`);
        }
        const lines = [`**Token tiers:** ${tiers.map((t) => '`' + t + '`').join(', ')}`];
        if (operation.deprecated) {
          lines.push('**Deprecated.**');
        }
        operation.description = lines.join('\n\n') + (operation.description ? '\n\n' + operation.description : '');
        // Redoc adds its own "deprecated" badge.
        const badges = tiers.map((t) => ({ name: `tier: ${t}` }));
        operation['x-badges'] = [...(operation['x-badges'] ?? []), ...badges];
      },
    },
  };
}

// crispDocs is the plugin that docs/reference/redocly.yaml loads.
export default function crispDocs() {
  return {
    id: 'crisp-docs',
    decorators: {
      oas3: { 'operation-tiers': operationTiers },
    },
  };
}
