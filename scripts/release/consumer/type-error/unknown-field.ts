import { createProjectClient } from '@lfx/project-client';

const client = createProjectClient({ baseUrl: 'https://api.lfx.dev' });
const { data } = await client.GET('/projects/{uid}', { params: { path: { uid: 'a' } } });

// ProjectBase has no such field, so the published types must make this line fail to compile.
console.log(data?.no_such_field);
