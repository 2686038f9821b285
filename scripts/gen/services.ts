/**
 * The specs that `pnpm gen` turns into TypeScript, and where each output goes. Paths are
 * relative to the repository root. Adding a service is one spec in specs/ and one entry here.
 */
export interface GeneratedService {
  /** The OpenAPI document, for example `specs/project-service.yaml`. */
  spec: string;
  /** The generated module inside the client package, committed to git. */
  output: string;
}

export const services: readonly GeneratedService[] = [
  { spec: 'specs/project-service.yaml', output: 'packages/project-client/src/generated/project-service.ts' },
];
