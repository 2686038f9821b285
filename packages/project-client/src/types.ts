import type { components } from './generated/project-service.js';

type Schemas = components['schemas'];

/** The core fields of a project, as `GET /projects/{uid}` returns them. */
export type ProjectBase = Schemas['ProjectBase'];
/** The people and dates of a project, as `GET /projects/{uid}/settings` returns them. */
export type ProjectSettings = Schemas['ProjectSettings'];
/** A project with its base fields and settings together, as the project list returns it. */
export type ProjectFull = Schemas['ProjectFull'];
export type ProjectLink = Schemas['ProjectLink'];
export type ProjectFolder = Schemas['ProjectFolder'];
/** The metadata of an uploaded document. Its content comes from the `/download` operation. */
export type ProjectDocument = Schemas['ProjectDocument'];
export type UserInfo = Schemas['UserInfo'];
export type InviteInfo = Schemas['InviteInfo'];

export type CreateProjectRequestBody = Schemas['CreateProjectRequestBody'];
export type UpdateProjectBaseRequestBody = Schemas['UpdateProjectBaseRequestBody'];
export type UpdateProjectSettingsRequestBody = Schemas['UpdateProjectSettingsRequestBody'];
export type CreateProjectLinkRequestBody = Schemas['CreateProjectLinkRequestBody'];
export type CreateProjectFolderRequestBody = Schemas['CreateProjectFolderRequestBody'];
export type UploadProjectDocumentPayload = Schemas['UploadProjectDocumentPayload'];
export type GetProjectsResponseBody = Schemas['GetProjectsResponseBody'];

/** Body of a 400 response. */
export type BadRequestError = Schemas['BadRequestError'];
/** Body of a 404 response. */
export type NotFoundError = Schemas['NotFoundError'];
/** Body of a 409 response, such as an `If-Match` that no longer matches the stored ETag. */
export type ConflictError = Schemas['ConflictError'];
/** Body of a 500 response. */
export type InternalServerError = Schemas['InternalServerError'];
/** Body of a 503 response. */
export type ServiceUnavailableError = Schemas['ServiceUnavailableError'];
/** Any error body the project service returns. All of them carry `code` and `message`. */
export type ProjectServiceErrorBody =
  | BadRequestError
  | NotFoundError
  | ConflictError
  | InternalServerError
  | ServiceUnavailableError;
