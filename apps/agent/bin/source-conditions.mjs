// Module resolution hook for a source checkout: workspace packages resolve to their TypeScript
// sources (the "source" export condition), as `tsx --conditions=source` does for the server.
export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'source'] });
}
