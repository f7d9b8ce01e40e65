/**
 * Loading the evaluation sets (eval/data/*.json) and the seeded content they are scored against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_DATA_DIR } from '../bot-service/flows/understanding/reference-data.ts';
import type { FaqContent, HoaxContent } from '../bot-service/flows/understanding/matcher.ts';
import type { SelfCheckContent } from '../bot-service/flows/understanding/self-check.ts';

export type Split = 'tune' | 'holdout';
export const SPLITS: readonly Split[] = ['tune', 'holdout'];

export type FaqItem = { text: string; faq: string };
export type TextItem = { text: string };
export type HoaxItem = { text: string; hoax: string };
export type RegionTextItem = { text: string; expect: string | null; codes?: [string, string] };
export type RegionPinItem = { name: string; lat: number; lon: number; expect: string | null; inside?: boolean };
export type SelfCheckItem = {
  name: string;
  lang?: 'id' | 'en';
  inputs: Array<string | { id: string }>;
  level: string;
  emergency: boolean;
  rule?: string | null;
  advisory?: string[];
};

export type EvalSets = {
  faq: Record<Split, FaqItem[]>;
  outOfScope: Record<Split, TextItem[]>;
  hoax: Record<Split, HoaxItem[]>;
  nearMiss: Record<Split, TextItem[]>;
  regions: Record<Split, { texts: RegionTextItem[]; pins: RegionPinItem[] }>;
  selfCheck: Record<Split, SelfCheckItem[]>;
};

export type SeedContent = { faq: FaqContent[]; hoaxes: HoaxContent[]; selfCheck: SelfCheckContent };

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Reads every evaluation set; both splits of each. */
export function loadEvalSets(dir: string = DATA_DIR): EvalSets {
  const read = <T>(name: string): Record<Split, T> => readJson<Record<Split, T>>(join(dir, name));
  return {
    faq: read<FaqItem[]>('faq.json'),
    outOfScope: read<TextItem[]>('out-of-scope.json'),
    hoax: read<HoaxItem[]>('hoax.json'),
    nearMiss: read<TextItem[]>('near-miss.json'),
    regions: read<{ texts: RegionTextItem[]; pins: RegionPinItem[] }>('regions.json'),
    selfCheck: read<SelfCheckItem[]>('self-check.json'),
  };
}

/** The seeded FAQ, hoaxes and self check-up from the project's reference data. */
export function loadSeedContent(dir: string = REFERENCE_DATA_DIR): SeedContent {
  const content = readJson<{ faq: FaqContent[]; self_check: SelfCheckContent }>(join(dir, 'content-seed.json'));
  const hoaxes = readJson<{ hoaxes: HoaxContent[] }>(join(dir, 'hoaxes-seed.json'));
  return { faq: content.faq, hoaxes: hoaxes.hoaxes, selfCheck: content.self_check };
}
