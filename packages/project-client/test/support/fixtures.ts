import type { components } from '../../src/index.js';

type Schemas = components['schemas'];

export const PROJECT_UID = '0d5a5a3e-6f1c-4b8e-9a51-1f0c7d2e4b10';
export const PARENT_UID = '5b1d9f0e-2c47-4a8b-8e3a-6c9d0f1e2a34';
export const DOCUMENT_UID = 'a3e2c1b0-9f8e-4d7c-b6a5-948372615f00';
export const FOLDER_UID = 'c0ffee00-1234-4abc-8def-0123456789ab';
export const LINK_UID = 'f00dbabe-5678-4cde-9f01-23456789abcd';

export const userInfo: Schemas['UserInfo'] = {
  username: 'ada',
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  avatar: 'https://avatars.example.org/ada.png',
};

export const projectBase: Schemas['ProjectBase'] = {
  uid: PROJECT_UID,
  slug: 'analytical-engine',
  name: 'Analytical Engine',
  description: 'A general-purpose mechanical computer.',
  parent_uid: PARENT_UID,
  public: true,
  stage: 'Active',
  category: 'Incubating',
  funding_model: ['Membership'],
  created_at: '2026-01-05T10:00:00Z',
  updated_at: '2026-02-01T12:30:00Z',
};

export const projectSettings: Schemas['ProjectSettings'] = {
  uid: PROJECT_UID,
  announcement_date: '2026-03-01',
  mission_statement: 'Compute Bernoulli numbers.',
  executive_director: userInfo,
  writers: [userInfo],
  auditors: [],
  meeting_coordinators: [],
  created_at: '2026-01-05T10:00:00Z',
  updated_at: '2026-02-01T12:30:00Z',
};

export const projectFull: Schemas['ProjectFull'] = {
  ...projectBase,
  ...projectSettings,
};

export const projectDocument: Schemas['ProjectDocument'] = {
  uid: DOCUMENT_UID,
  project_uid: PROJECT_UID,
  name: 'Charter',
  description: 'Signed charter',
  file_name: 'charter.pdf',
  content_type: 'application/pdf',
  file_size: 5,
  folder_uid: FOLDER_UID,
  created_by: userInfo,
  created_at: '2026-02-02T09:00:00Z',
};

export const projectFolder: Schemas['ProjectFolder'] = {
  uid: FOLDER_UID,
  project_uid: PROJECT_UID,
  name: 'Governance',
  created_by: userInfo,
  created_at: '2026-02-02T08:00:00Z',
};

export const projectLink: Schemas['ProjectLink'] = {
  uid: LINK_UID,
  project_uid: PROJECT_UID,
  name: 'Repository',
  url: 'https://git.example.org/analytical-engine',
  folder_uid: FOLDER_UID,
  created_by: userInfo,
  created_at: '2026-02-02T08:30:00Z',
};

export const conflictError: Schemas['ConflictError'] = { code: '409', message: 'revision mismatch' };
