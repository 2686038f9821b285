export { createProjectClient } from './client.js';
export type { ProjectClient, ProjectClientOptions } from './client.js';
export { ProjectClientError } from './errors.js';
export type { ProjectClientErrorCode, ProjectClientErrorOptions } from './errors.js';
export { toFormData } from './form-data.js';
export type { components, operations, paths } from './generated/project-service.js';
export type {
  BadRequestError,
  ConflictError,
  CreateProjectFolderRequestBody,
  CreateProjectLinkRequestBody,
  CreateProjectRequestBody,
  GetProjectsResponseBody,
  InternalServerError,
  InviteInfo,
  NotFoundError,
  ProjectBase,
  ProjectDocument,
  ProjectFolder,
  ProjectFull,
  ProjectLink,
  ProjectServiceErrorBody,
  ProjectSettings,
  ServiceUnavailableError,
  UpdateProjectBaseRequestBody,
  UpdateProjectSettingsRequestBody,
  UploadProjectDocumentPayload,
  UserInfo,
} from './types.js';
