/**
 * Between an item's data (the contract's shape) and the editor's form values (strings and
 * booleans, as inputs hold them), with the checks worth making before the service does.
 */
import type { FieldSpec, KindSpec } from './kinds.ts';

export type FormValues = Record<string, string | boolean>;
export type FieldErrors = Record<string, 'required' | 'integer' | 'number'>;

export function toFormValues(spec: KindSpec, data: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of spec.fields) {
    const value = data[field.name];
    if (field.type === 'checkbox') values[field.name] = value === true;
    else if (field.type === 'list') values[field.name] = Array.isArray(value) ? value.map(String).join(', ') : '';
    else values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function parseField(field: FieldSpec, raw: string | boolean): { value: unknown } | { error: FieldErrors[string] } {
  if (field.type === 'checkbox') return { value: raw === true };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (field.type === 'list') {
    return { value: text.split(/[,\n]/).map(part => part.trim()).filter(Boolean) };
  }
  if (text === '') {
    if (field.required === true) return { error: 'required' };
    if (field.nullable === true) return { value: null };
    if (field.type === 'integer' || field.type === 'decimal') return { value: typeof field.initial === 'number' ? field.initial : 0 };
    return { value: '' };
  }
  if (field.type === 'integer') {
    // People paste figures with thousands separators: 1.234 or 1,234.
    const digits = text.replace(/[.,\s](?=\d{3}\b)/g, '');
    if (!/^-?\d+$/.test(digits)) return { error: 'integer' };
    return { value: Number(digits) };
  }
  if (field.type === 'decimal') {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) ? { value: number } : { error: 'number' };
  }
  return { value: text };
}

/** The data to send, or the fields that cannot be sent as they are. */
export function fromFormValues(spec: KindSpec, values: FormValues): { data: Record<string, unknown>; errors: FieldErrors } {
  const data: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of spec.fields) {
    const parsed = parseField(field, values[field.name] ?? '');
    if ('error' in parsed) errors[field.name] = parsed.error;
    else data[field.name] = parsed.value;
  }
  return { data, errors };
}

/** True when two data objects say the same thing (the editor's "unsaved changes" check). */
export function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) return false;
  }
  return true;
}

/**
 * True when the form says something other than `data`: compared as data when the form parses,
 * else field by field (a blank required field is not a change).
 */
export function formDiffers(spec: KindSpec, values: FormValues, data: Record<string, unknown>): boolean {
  const parsed = fromFormValues(spec, values);
  if (Object.keys(parsed.errors).length === 0) return !sameData(parsed.data, data);
  const original = toFormValues(spec, data);
  return spec.fields.some(field => {
    const a = values[field.name];
    const b = original[field.name];
    return typeof a === 'string' && typeof b === 'string' ? a.trim() !== b.trim() : a !== b;
  });
}
