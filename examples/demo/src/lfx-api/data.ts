import type { components } from '@lfx/project-client';

type ProjectBase = components['schemas']['ProjectBase'];
type ProjectSettings = components['schemas']['ProjectSettings'];
type ProjectLink = components['schemas']['ProjectLink'];
type UserInfo = components['schemas']['UserInfo'];

/** One project of the stand-in's data set: what the project service stores for it. */
export interface ProjectRecord {
  base: ProjectBase & { uid: string; slug: string; name: string };
  settings: ProjectSettings;
  links: ProjectLink[];
  /** Revision of the record, sent as the `ETag` of its responses. */
  revision: number;
}

const FOUNDATION_UID = 'da7598ba-d576-4662-9024-d9fe53d1e8e2';

const people = {
  maria: person('Maria Okafor', 'mokafor'),
  jun: person('Jun Watanabe', 'jwatanabe'),
  lena: person('Lena Fischer', 'lfischer'),
  sam: person('Sam Alvarez', 'salvarez'),
  priya: person('Priya Raman', 'praman'),
} satisfies Record<string, UserInfo>;

/**
 * Creates the stand-in's data set: a fictional foundation and four of its projects, each with
 * settings and links. Every URL points at `example.org`, a domain reserved for documentation
 * (RFC 2606), and nothing in the demo requests them.
 */
export function createDemoData(): ProjectRecord[] {
  return [
    project({
      uid: FOUNDATION_UID,
      slug: 'open-orchard',
      name: 'Open Orchard Foundation',
      description: 'Neutral home for open source tools that grow, package and ship software supply chains.',
      category: 'NONE',
      stage: 'Active',
      is_foundation: true,
      legal_entity_type: 'Incorporated Entity',
      legal_entity_name: 'Open Orchard Foundation, Inc.',
      funding: 'Funded',
      funding_model: ['Membership'],
      formation_date: '2019-04-02',
      website_url: 'https://openorchard.example.org',
      mission: 'Give every software team a trustworthy, vendor-neutral supply chain.',
      director: people.maria,
      manager: people.jun,
      links: [
        { uid: '46fb17dc-601d-41da-9ca8-2d7e296793d1', name: 'Charter', url: 'https://openorchard.example.org/charter', description: 'The foundation charter as approved by the board' },
        { uid: '25f178fc-4ac6-4b26-816c-f68c861dbc79', name: 'Governing board minutes', url: 'https://openorchard.example.org/board/minutes', description: 'Minutes of every board meeting since 2019' },
      ],
    }),
    project({
      uid: '5168c748-9e22-424b-900e-30b53c3227e5',
      slug: 'appleseed',
      name: 'Appleseed',
      description: 'Reproducible build runner that signs every artifact it produces.',
      category: 'Graduated',
      stage: 'Active',
      funding: 'Supported by Parent Project',
      formation_date: '2019-09-16',
      repository_url: 'https://code.example.org/open-orchard/appleseed',
      website_url: 'https://appleseed.example.org',
      mission: 'Make every build reproducible and every artifact verifiable.',
      director: people.maria,
      manager: people.lena,
      links: [
        { uid: '709bdfa5-7dc8-4556-8b92-f46484797bb7', name: 'Documentation', url: 'https://appleseed.example.org/docs', description: 'User and operator guides' },
        { uid: '36a93ef1-a703-4b47-a489-d5a7df707e52', name: 'Security policy', url: 'https://appleseed.example.org/security', description: 'How to report a vulnerability' },
        { uid: '5376fbcd-2e47-4892-b10f-c83aa262c5b7', name: 'Roadmap', url: 'https://appleseed.example.org/roadmap', description: 'Plans for the next two releases' },
      ],
    }),
    project({
      uid: '7e93d7d1-2d6f-41a1-83ea-1b598d6b0110',
      slug: 'graftline',
      name: 'Graftline',
      description: 'Dependency graph service that tracks where each open source package is used.',
      category: 'Incubating',
      stage: 'Active',
      funding: 'Supported by Parent Project',
      formation_date: '2022-03-08',
      repository_url: 'https://code.example.org/open-orchard/graftline',
      website_url: 'https://graftline.example.org',
      mission: 'Show maintainers and users the whole dependency graph of what they ship.',
      director: people.maria,
      manager: people.sam,
      links: [
        { uid: 'b78b7101-608f-42f1-b0af-cefc114e99a5', name: 'Documentation', url: 'https://graftline.example.org/docs', description: 'API reference and tutorials' },
        { uid: 'fdf89ef9-cf8e-464b-a5c5-7b142ddf730a', name: 'Community meeting notes', url: 'https://graftline.example.org/community/notes', description: 'Notes of the biweekly community call' },
      ],
    }),
    project({
      uid: '5dbf1bfd-b853-4f05-afdf-4267a127aa14',
      slug: 'pollen',
      name: 'Pollen',
      description: 'Lightweight telemetry collector for build and release pipelines.',
      category: 'Sandbox',
      stage: 'Active',
      funding: 'Unfunded',
      formation_date: '2024-06-20',
      repository_url: 'https://code.example.org/open-orchard/pollen',
      mission: 'Measure pipelines without slowing them down.',
      director: people.maria,
      manager: people.priya,
      links: [
        { uid: '0aa2a684-670b-413c-a66a-b1a63581ea85', name: 'Getting started', url: 'https://code.example.org/open-orchard/pollen/wiki', description: 'Install and first pipeline' },
      ],
    }),
    project({
      uid: '16940f5f-2779-4cfe-8c5b-34e98e597ac3',
      slug: 'rootstock',
      name: 'Rootstock',
      description: 'Base container images with a minimal, audited package set. No longer maintained.',
      category: 'Emeritus',
      stage: 'Archived',
      funding: 'Unfunded',
      formation_date: '2020-01-14',
      repository_url: 'https://code.example.org/open-orchard/rootstock',
      mission: 'Provide minimal, audited base images.',
      director: people.maria,
      manager: people.jun,
      links: [
        { uid: '5c337c4e-1d63-4845-92ee-47792c67bf34', name: 'Archive notice', url: 'https://code.example.org/open-orchard/rootstock/archive', description: 'Why the project was archived and what replaces it' },
      ],
    }),
  ];
}

interface ProjectSeed extends Omit<ProjectBase, 'uid' | 'slug' | 'name'> {
  uid: string;
  slug: string;
  name: string;
  mission: string;
  director: UserInfo;
  manager: UserInfo;
  links: { uid: string; name: string; url: string; description: string }[];
}

function project(seed: ProjectSeed): ProjectRecord {
  const { mission, director, manager, links, ...fields } = seed;
  const isFoundation = fields.is_foundation === true;
  const created = isFoundation ? '2019-04-02T15:00:00Z' : `${fields.formation_date ?? '2020-01-01'}T09:30:00Z`;

  return {
    base: {
      public: true,
      autojoin_enabled: !isFoundation,
      legal_entity_type: 'Subproject',
      ...(isFoundation ? {} : { parent_uid: FOUNDATION_UID, legal_parent_uid: FOUNDATION_UID }),
      ...fields,
      created_at: created,
      updated_at: '2025-05-12T10:00:00Z',
    },
    settings: {
      uid: fields.uid,
      mission_statement: mission,
      announcement_date: fields.formation_date,
      executive_director: director,
      program_manager: manager,
      opportunity_owner: director,
      writers: [manager],
      auditors: [people.lena],
      meeting_coordinators: [manager],
      created_at: created,
      updated_at: '2025-05-12T10:00:00Z',
    },
    links: links.map((link) => ({
      ...link,
      project_uid: fields.uid,
      created_at: created,
      created_by: manager,
      updated_at: created,
      updated_by: manager,
    })),
    revision: 1,
  };
}

function person(name: string, username: string): UserInfo {
  return { name, username, email: `${username}@example.org`, avatar: `https://avatars.example.org/${username}.png` };
}
