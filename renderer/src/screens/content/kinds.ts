/**
 * What each content kind's editor shows: its fields (the contract's data schema, written out as
 * form fields) and how an item is named in the list.
 */
import type { ContentKind } from '../../../../bot-service/contract/content.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export type FieldType =
  | 'text'
  | 'textarea'
  /** Whole number; empty is null when the field is nullable. */
  | 'integer'
  | 'decimal'
  | 'select'
  | 'checkbox'
  /** A list of short texts, typed comma-separated. */
  | 'list'
  | 'date'
  /** `YYYY-MM`. */
  | 'month'
  /** One of the 38 kabupaten/kota, by code. */
  | 'region';

export type FieldSpec = {
  name: string;
  label: MessageKey;
  type: FieldType;
  /** Must be filled in (the contract refuses it empty). */
  required?: boolean;
  /** Empty means null (rather than ''/0). */
  nullable?: boolean;
  options?: readonly string[];
  /** Labels of the options, by value; the value itself when absent. */
  optionLabels?: Record<string, MessageKey>;
  /** Extra help under the field. */
  hint?: MessageKey;
  rows?: number;
  /** Value of a new item. */
  initial?: unknown;
  /** Where the form puts the field: the first or second column, or the settings row below. */
  group: 'main' | 'second' | 'settings';
};

export type KindSpec = {
  kind: ContentKind;
  label: MessageKey;
  creatable: boolean;
  fields: readonly FieldSpec[];
  /** Headings of the two columns, e.g. the two languages. */
  columns?: readonly [MessageKey, MessageKey];
  /** The item's title in the list, from its data. */
  title: (data: Record<string, unknown>, id: string) => string;
  /** A second line in the list. */
  subtitle?: (data: Record<string, unknown>) => string;
};

const s = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

const position: FieldSpec = { name: 'position', label: 'content.field.position', type: 'integer', initial: 0, group: 'settings', hint: 'content.hint.position' };
const active: FieldSpec = { name: 'active', label: 'content.field.active', type: 'checkbox', initial: true, group: 'settings', hint: 'content.hint.active' };
const source: FieldSpec = { name: 'source', label: 'content.field.source', type: 'text', nullable: true, group: 'settings' };

export const kindSpecs: readonly KindSpec[] = [
  {
    kind: 'faq',
    columns: ['content.column.id', 'content.column.en'],
    label: 'content.kind.faq',
    creatable: true,
    fields: [
      { name: 'question', label: 'content.field.question', type: 'textarea', rows: 2, required: true, group: 'main' },
      { name: 'answer', label: 'content.field.answer', type: 'textarea', rows: 6, required: true, group: 'main' },
      { name: 'questionEn', label: 'content.field.questionEn', type: 'textarea', rows: 2, nullable: true, group: 'second' },
      { name: 'answerEn', label: 'content.field.answerEn', type: 'textarea', rows: 6, nullable: true, group: 'second' },
      { name: 'keywords', label: 'content.field.keywords', type: 'list', initial: [], group: 'settings', hint: 'content.hint.keywords' },
      source,
      { name: 'asOf', label: 'content.field.asOf', type: 'month', nullable: true, group: 'settings' },
      position,
      active,
    ],
    title: data => s(data.question),
    subtitle: data => s(data.answer),
  },
  {
    kind: 'tips',
    columns: ['content.column.id', 'content.column.en'],
    label: 'content.kind.tips',
    creatable: true,
    fields: [
      { name: 'title', label: 'content.field.title', type: 'text', required: true, group: 'main' },
      { name: 'body', label: 'content.field.body', type: 'textarea', rows: 6, required: true, group: 'main' },
      { name: 'titleEn', label: 'content.field.titleEn', type: 'text', nullable: true, group: 'second' },
      { name: 'bodyEn', label: 'content.field.bodyEn', type: 'textarea', rows: 6, nullable: true, group: 'second' },
      position,
      active,
    ],
    title: data => s(data.title),
    subtitle: data => s(data.body),
  },
  {
    kind: 'hoaxes',
    columns: ['content.column.id', 'content.column.en'],
    label: 'content.kind.hoaxes',
    creatable: true,
    fields: [
      { name: 'claim', label: 'content.field.claim', type: 'textarea', rows: 3, required: true, group: 'main' },
      {
        name: 'verdict',
        label: 'content.field.verdict',
        type: 'select',
        options: ['hoaks', 'menyesatkan', 'fakta'],
        optionLabels: { hoaks: 'content.verdict.hoaks', menyesatkan: 'content.verdict.menyesatkan', fakta: 'content.verdict.fakta' },
        initial: 'hoaks',
        required: true,
        group: 'main',
      },
      { name: 'clarification', label: 'content.field.clarification', type: 'textarea', rows: 6, required: true, group: 'main' },
      { name: 'clarificationEn', label: 'content.field.clarificationEn', type: 'textarea', rows: 6, nullable: true, group: 'second' },
      source,
      { name: 'topic', label: 'content.field.topic', type: 'text', nullable: true, group: 'settings' },
      { name: 'firstSeen', label: 'content.field.firstSeen', type: 'month', nullable: true, group: 'settings' },
      { name: 'note', label: 'content.field.note', type: 'textarea', rows: 2, nullable: true, group: 'settings', hint: 'content.hint.note' },
      active,
    ],
    title: data => s(data.claim),
    subtitle: data => s(data.verdict),
  },
  {
    kind: 'hospitals',
    columns: ['content.column.place', 'content.column.location'],
    label: 'content.kind.hospitals',
    creatable: true,
    fields: [
      { name: 'name', label: 'content.field.name', type: 'text', required: true, group: 'main' },
      { name: 'regionCode', label: 'content.field.region', type: 'region', required: true, group: 'main' },
      { name: 'address', label: 'content.field.address', type: 'textarea', rows: 2, nullable: true, group: 'main' },
      { name: 'phone', label: 'content.field.phone', type: 'text', nullable: true, group: 'main' },
      { name: 'lat', label: 'content.field.lat', type: 'decimal', required: true, group: 'second', hint: 'content.hint.lat' },
      { name: 'lon', label: 'content.field.lon', type: 'decimal', required: true, group: 'second', hint: 'content.hint.lon' },
      {
        name: 'coordQuality',
        label: 'content.field.coordQuality',
        type: 'select',
        options: ['verified', 'point_third_party', 'approx_region_label_point'],
        optionLabels: {
          verified: 'content.coord.verified',
          point_third_party: 'content.coord.thirdParty',
          approx_region_label_point: 'content.coord.approx',
        },
        initial: 'verified',
        required: true,
        group: 'second',
      },
      { name: 'designation', label: 'content.field.designation', type: 'list', initial: [], group: 'settings', hint: 'content.hint.designation' },
      source,
      position,
      active,
    ],
    title: data => s(data.name),
    subtitle: data => s(data.address),
  },
  {
    kind: 'region-figures',
    columns: ['content.column.status', 'content.column.figures'],
    label: 'content.kind.regionFigures',
    creatable: false,
    fields: [
      { name: 'date', label: 'content.field.figuresDate', type: 'date', required: true, group: 'main' },
      {
        name: 'zone',
        label: 'content.field.zone',
        type: 'select',
        options: ['hijau', 'kuning', 'oranye', 'merah'],
        optionLabels: { hijau: 'content.zone.hijau', kuning: 'content.zone.kuning', oranye: 'content.zone.oranye', merah: 'content.zone.merah' },
        nullable: true,
        group: 'main',
      },
      { name: 'confirmed', label: 'content.field.confirmed', type: 'integer', nullable: true, group: 'second' },
      { name: 'recovered', label: 'content.field.recovered', type: 'integer', nullable: true, group: 'second' },
      { name: 'deaths', label: 'content.field.deaths', type: 'integer', nullable: true, group: 'second' },
      { name: 'odp', label: 'content.field.odp', type: 'integer', nullable: true, group: 'second' },
      { name: 'pdp', label: 'content.field.pdp', type: 'integer', nullable: true, group: 'second' },
    ],
    // The list shows the region's name (looked up by the screen); here the code.
    title: (_data, id) => id,
    subtitle: data => [s(data.date), s(data.zone)].filter(Boolean).join(' · '),
  },
  {
    kind: 'info-updates',
    columns: ['content.column.id', 'content.column.en'],
    label: 'content.kind.infoUpdates',
    creatable: true,
    fields: [
      { name: 'date', label: 'content.field.date', type: 'date', required: true, group: 'main' },
      { name: 'title', label: 'content.field.title', type: 'text', required: true, group: 'main' },
      { name: 'body', label: 'content.field.body', type: 'textarea', rows: 6, required: true, group: 'main' },
      { name: 'titleEn', label: 'content.field.titleEn', type: 'text', nullable: true, group: 'second' },
      { name: 'bodyEn', label: 'content.field.bodyEn', type: 'textarea', rows: 6, nullable: true, group: 'second' },
      { ...active, hint: 'content.hint.infoActive' },
    ],
    title: data => s(data.title),
    subtitle: data => s(data.date),
  },
  {
    kind: 'canned-replies',
    columns: ['content.column.id', 'content.column.en'],
    label: 'content.kind.cannedReplies',
    creatable: true,
    fields: [
      { name: 'title', label: 'content.field.title', type: 'text', required: true, group: 'main' },
      { name: 'text', label: 'content.field.text', type: 'textarea', rows: 6, required: true, group: 'main', hint: 'content.hint.cannedVariables' },
      { name: 'textEn', label: 'content.field.textEn', type: 'textarea', rows: 6, nullable: true, group: 'second' },
      position,
      active,
    ],
    title: data => s(data.title),
    subtitle: data => s(data.text),
  },
  {
    kind: 'templates',
    label: 'content.kind.templates',
    creatable: true,
    fields: [
      { name: 'name', label: 'content.field.templateName', type: 'text', required: true, group: 'main', hint: 'content.hint.templateName' },
      { name: 'language', label: 'content.field.language', type: 'text', required: true, initial: 'id', group: 'main' },
      { name: 'body', label: 'content.field.templateBody', type: 'textarea', rows: 6, required: true, group: 'main', hint: 'content.hint.templateBody' },
      { name: 'approved', label: 'content.field.approved', type: 'checkbox', initial: false, group: 'settings', hint: 'content.hint.approved' },
      active,
    ],
    title: data => s(data.name),
    subtitle: data => [s(data.language), data.approved === true ? '✓' : ''].filter(Boolean).join(' · '),
  },
];

export function specOf(kind: ContentKind): KindSpec {
  const spec = kindSpecs.find(k => k.kind === kind);
  if (spec === undefined) throw new Error(`no editor for ${kind}`);
  return spec;
}

/** A new item's data: every field's initial value (null, '' or the given default). */
export function emptyData(spec: KindSpec): Record<string, unknown> {
  return Object.fromEntries(
    spec.fields.map(f => [f.name, f.initial !== undefined ? f.initial : f.nullable === true ? null : f.type === 'checkbox' ? false : ''])
  );
}
