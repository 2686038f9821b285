import ts from 'typescript';

/** What type-checking a generated module found. */
export interface TypecheckResult {
  /** Formatted compiler diagnostics, empty when the module compiles. */
  diagnostics: string[];
  /** The string keys of the module's `operations` interface. */
  operationIds: string[];
  /** The keys of the module's `paths` interface. */
  pathKeys: string[];
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // The DOM library declares Blob, which `format: binary` becomes. No @types packages are loaded.
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
};

const VIRTUAL_DIR = '/virtual';
const GENERATED_FILE = `${VIRTUAL_DIR}/generated.ts`;
const PROBE_FILE = `${VIRTUAL_DIR}/probe.ts`;
const PROBE_SOURCE = [
  "import type { operations, paths } from './generated.js';",
  'export type OperationIds = keyof operations;',
  'export type PathKeys = keyof paths;',
].join('\n');

/** Parsed library files, shared by every program because parsing lib.dom.d.ts dominates the run time. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks a generated module with the TypeScript compiler API, entirely in memory, and
 * reads the keys of its `operations` and `paths` interfaces through the type checker.
 */
export function typecheckGenerated(source: string): TypecheckResult {
  const virtualFiles = new Map([
    [GENERATED_FILE, source],
    [PROBE_FILE, PROBE_SOURCE],
  ]);
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const readLibraryFile = host.getSourceFile.bind(host);

  host.fileExists = (fileName) => virtualFiles.has(fileName) || ts.sys.fileExists(fileName);
  host.directoryExists = (directoryName) => directoryName === VIRTUAL_DIR || ts.sys.directoryExists(directoryName);
  host.readFile = (fileName) => virtualFiles.get(fileName) ?? ts.sys.readFile(fileName);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = virtualFiles.get(fileName);
    if (text !== undefined) {
      return ts.createSourceFile(fileName, text, languageVersion, true);
    }
    if (!libraryFiles.has(fileName)) {
      libraryFiles.set(fileName, readLibraryFile(fileName, languageVersion));
    }
    return libraryFiles.get(fileName);
  };

  const program = ts.createProgram([GENERATED_FILE, PROBE_FILE], COMPILER_OPTIONS, host);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => formatDiagnostic(diagnostic));
  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(PROBE_FILE);

  return {
    diagnostics,
    operationIds: probe === undefined ? [] : readKeys(checker, probe, 'OperationIds'),
    pathKeys: probe === undefined ? [] : readKeys(checker, probe, 'PathKeys'),
  };
}

function readKeys(checker: ts.TypeChecker, probe: ts.SourceFile, aliasName: string): string[] {
  const alias = probe.statements.find(
    (statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === aliasName,
  );
  if (alias === undefined) {
    return [];
  }

  const type = checker.getTypeAtLocation(alias.name);
  const members = type.isUnion() ? type.types : [type];
  return members.filter((member) => member.isStringLiteral()).map((member) => (member as ts.StringLiteralType).value);
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return message;
  }

  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${message}`;
}
