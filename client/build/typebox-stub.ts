/**
 * Stands in for `typebox` in the browser bundle. The shared package builds
 * its JSON schemas at module level for the server's validation and OpenAPI
 * document; the client uses only its types and pure rules, so every schema
 * constructor here returns an empty marker object. Saves ~20 kB gzip.
 * Types still come from the real package (this file only affects bundling).
 */
const schema = (): Record<string, never> => ({});

const Type: Record<string, () => Record<string, never>> = new Proxy(
  {},
  { get: () => schema },
);

export default Type;
