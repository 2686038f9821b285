import { describe, expect, it } from 'vitest';

import { toFormData } from '../src/index.js';

describe('toFormData', () => {
  it('encodes scalars as text parts', () => {
    const form = toFormData({ name: 'Charter', size: 5, draft: false });

    expect([...form.entries()]).toEqual([
      ['name', 'Charter'],
      ['size', '5'],
      ['draft', 'false'],
    ]);
  });

  it('encodes a Blob as a file part', async () => {
    const form = toFormData({ file: new Blob(['%PDF-'], { type: 'application/pdf' }) });

    const file = form.get('file') as File;
    expect(file).toBeInstanceOf(Blob);
    expect(file.type).toBe('application/pdf');
    expect(await file.text()).toBe('%PDF-');
  });

  it('keeps the name of a File', () => {
    const form = toFormData({ file: new File(['x'], 'charter.pdf') });

    expect((form.get('file') as File).name).toBe('charter.pdf');
  });

  it('repeats a field for each array element', () => {
    const form = toFormData({ tag: ['a', 'b'] });

    expect(form.getAll('tag')).toEqual(['a', 'b']);
  });

  it('leaves out undefined and null fields', () => {
    const form = toFormData({ name: 'Charter', folder_uid: undefined, description: null });

    expect([...form.keys()]).toEqual(['name']);
  });

  it('rejects a nested object naming the field', () => {
    expect(() => toFormData({ owner: { name: 'Ada' } })).toThrow(
      new TypeError(
        'Field `owner` cannot be sent as multipart/form-data: only strings, numbers, booleans, Blobs and arrays of them can. Convert it to a string first.',
      ),
    );
  });
});
