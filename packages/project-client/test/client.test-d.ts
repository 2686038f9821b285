import { describe, expectTypeOf, it } from 'vitest';

import {
  createProjectClient,
  type ConflictError,
  type operations,
  type ProjectBase,
  type ProjectClient,
  type ProjectClientOptions,
  type ProjectDocument,
  type ProjectServiceErrorBody,
  type UploadProjectDocumentPayload,
} from '../src/index.js';

declare const client: ProjectClient;
const uid = '0d5a5a3e-6f1c-4b8e-9a51-1f0c7d2e4b10';
const updateBody = { slug: 'engine', name: 'Engine', description: 'd', parent_uid: uid };

describe('ProjectClient types', () => {
  it('is what createProjectClient returns', () => {
    expectTypeOf(createProjectClient({ baseUrl: 'https://api.lfx.dev' })).toEqualTypeOf<ProjectClient>();
  });

  it('takes baseUrl as a string or a URL', () => {
    expectTypeOf<ProjectClientOptions['baseUrl']>().toEqualTypeOf<string | URL>();
    expectTypeOf(createProjectClient).toBeCallableWith({ baseUrl: new URL('https://api.lfx.dev') });
  });

  it('takes allowInsecureRequests as an optional boolean', () => {
    expectTypeOf<ProjectClientOptions['allowInsecureRequests']>().toEqualTypeOf<boolean | undefined>();
  });

  it('types a successful read as the schema', async () => {
    const { data } = await client.GET('/projects/{uid}', { params: { path: { uid } } });

    expectTypeOf(data).toEqualTypeOf<ProjectBase | undefined>();
  });

  it('types error bodies as the spec error schemas', async () => {
    const { error } = await client.PUT('/projects/{uid}', { params: { path: { uid } }, body: updateBody });

    expectTypeOf(error).toExtend<ProjectServiceErrorBody | undefined>();
    expectTypeOf<ConflictError>().toExtend<NonNullable<typeof error>>();
  });

  it('types parseAs downloads as Blob and stream', async () => {
    const params = { path: { uid, document_uid: uid } };
    const asBlob = await client.GET('/projects/{uid}/documents/{document_uid}/download', { params, parseAs: 'blob' });
    const asStream = await client.GET('/projects/{uid}/documents/{document_uid}/download', { params, parseAs: 'stream' });

    expectTypeOf(asBlob.data).toEqualTypeOf<Blob | undefined>();
    expectTypeOf(asStream.data).toEqualTypeOf<Response['body'] | undefined>();
  });

  it('types the upload body with a Blob file', () => {
    type UploadBody = operations['uploadProjectDocument']['requestBody']['content']['multipart/form-data'];

    expectTypeOf<UploadBody>().toEqualTypeOf<UploadProjectDocumentPayload>();
    expectTypeOf<UploadBody['file']>().toEqualTypeOf<Blob>();
  });

  it('rejects a path the service does not have', () => {
    // @ts-expect-error `/project` is not a path of the project service (it is `/projects`).
    void client.GET('/project');
  });

  it('rejects a call without its path parameter', () => {
    // @ts-expect-error `uid` is a required path parameter of `/projects/{uid}`.
    void client.GET('/projects/{uid}', { params: { path: {} } });
  });

  it('rejects a body field of the wrong type', () => {
    void client.PUT('/projects/{uid}', {
      params: { path: { uid } },
      // @ts-expect-error `public` is a boolean in UpdateProjectBaseRequestBody, not a string.
      body: { ...updateBody, public: 'yes' },
    });
  });

  it('rejects a response field the schema does not have', async () => {
    const { data } = await client.GET('/projects/{uid}/documents/{document_uid}', {
      params: { path: { uid, document_uid: uid } },
    });

    // @ts-expect-error ProjectDocument has `file_size`, not `size`.
    void data?.size;
    expectTypeOf(data).toEqualTypeOf<ProjectDocument | undefined>();
  });

  it('rejects an X-Sync header that is not a boolean', () => {
    void client.POST('/projects/{uid}/folders', {
      // @ts-expect-error `X-Sync` is a boolean header parameter.
      params: { path: { uid }, header: { 'X-Sync': 'yes' } },
      body: { name: 'Governance' },
    });
  });
});
