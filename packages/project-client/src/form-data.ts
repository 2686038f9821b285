type FormValue = string | number | boolean | Blob;

/**
 * Encodes a request body as `multipart/form-data`, one part per field. Pass it as
 * `bodySerializer` to operations whose body is multipart, such as the document upload.
 *
 * Strings, numbers and booleans become text parts, a `Blob` or `File` becomes a file part,
 * each element of an array becomes its own part under the field's name, and `undefined` or
 * `null` fields are left out. fetch then sets the `Content-Type` with its boundary.
 *
 * @throws {TypeError} when a field is a plain object, which has no multipart encoding;
 * the message names the field.
 */
export function toFormData(body: object): FormData {
  const form = new FormData();

  for (const [name, value] of Object.entries(body)) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === undefined || item === null) {
        continue;
      }
      appendField(form, name, item);
    }
  }

  return form;
}

function appendField(form: FormData, name: string, value: unknown): void {
  if (!isFormValue(value)) {
    throw new TypeError(
      `Field \`${name}\` cannot be sent as multipart/form-data: only strings, numbers, booleans, Blobs and arrays of them can. Convert it to a string first.`,
    );
  }

  if (value instanceof Blob) {
    form.append(name, value);
    return;
  }
  form.append(name, String(value));
}

function isFormValue(value: unknown): value is FormValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Blob;
}
