export { createDemoData, type ProjectRecord } from './data.js';
export {
  checkRequest,
  checkResponse,
  componentSchemas,
  loadOpenApiDocument,
  type OpenApiDocument,
  type MatchedRequest,
  type OperationObject,
  type RequestFacts,
} from './openapi.js';
export { validateSchema, type Schema } from './schema.js';
export { createLfxApi, type LfxApi, type LfxApiOptions, type LfxApiRequestRecord } from './server.js';

/** The project service spec that the stand-in follows, from the repository's `specs/` folder. */
export const PROJECT_SERVICE_SPEC = new URL('../../../../specs/project-service.yaml', import.meta.url);
