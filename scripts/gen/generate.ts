import openapiTS, { astToString, type OpenAPI3, type SchemaObject } from 'openapi-typescript';
import ts from 'typescript';
import { parse } from 'yaml';

/** The command that regenerates every output, named in each generated file's header. */
export const GEN_COMMAND = 'pnpm gen';

export interface GenerateTypesOptions {
  /** The spec's path as the header names it, relative to the repository root. */
  specPath: string;
}

/**
 * Generates the TypeScript module (`paths`, `components`, `operations`) for one OpenAPI 3
 * document with openapi-typescript, headed by a comment that names the spec and the command.
 * `format: binary` becomes `Blob`, so a multipart upload takes a file and a download is typed
 * as one; openapi-typescript alone would type both as `string`.
 *
 * Throws when openapi-typescript rejects the document (a duplicate operation id, for example).
 */
export async function generateTypes(specText: string, options: GenerateTypesOptions): Promise<string> {
  const document = parse(specText) as OpenAPI3;

  // `silent` keeps Redocly's lint warnings about Goa's documents out of the output. Lint errors still throw.
  const nodes = await openapiTS(document, { transform: transformBinaryToBlob, silent: true });
  const header = [
    '// This file is generated: do not edit it by hand.',
    `// Source: ${options.specPath}`,
    `// Command: ${GEN_COMMAND} (openapi-typescript, configured in scripts/gen/generate.ts)`,
  ].join('\n');

  return `${header}\n\n${astToString(nodes)}`;
}

function transformBinaryToBlob(schema: SchemaObject): ts.TypeNode | undefined {
  if (!('format' in schema) || schema.format !== 'binary') {
    return undefined;
  }

  const blob = ts.factory.createTypeReferenceNode('Blob');
  if ('nullable' in schema && schema.nullable === true) {
    return ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]);
  }
  return blob;
}
