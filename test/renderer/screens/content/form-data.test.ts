import { describe, expect, it } from 'vitest';
import { formDiffers, fromFormValues, sameData, toFormValues } from '../../../../renderer/src/screens/content/form-data.ts';
import { emptyData, kindSpecs, specOf } from '../../../../renderer/src/screens/content/kinds.ts';

describe('renderer/content/form-data', () => {
  it('round-trips an FAQ item through the form unchanged', () => {
    const spec = specOf('faq');
    const data = {
      question: 'Apa itu COVID-19?',
      answer: 'Penyakit menular.',
      questionEn: null,
      answerEn: 'An infectious disease.',
      keywords: ['covid', 'corona'],
      source: null,
      asOf: '2020-04',
      position: 3,
      active: true,
    };
    const values = toFormValues(spec, data);
    expect(values.keywords).toBe('covid, corona');
    expect(values.questionEn).toBe('');
    expect(values.active).toBe(true);
    const back = fromFormValues(spec, values);
    expect(back.errors).toEqual({});
    expect(back.data).toEqual(data);
    expect(sameData(back.data, data)).toBe(true);
  });

  it('reports required fields left empty and numbers that are not numbers', () => {
    const figures = specOf('region-figures');
    const { errors, data } = fromFormValues(figures, { date: '', zone: '', confirmed: '12,5', recovered: '', deaths: '3', odp: '1.234', pdp: '' });
    expect(errors).toEqual({ date: 'required', confirmed: 'integer' });
    expect(data.deaths).toBe(3);
    // Thousands separators as staff type them; empty is "not reported".
    expect(data.odp).toBe(1234);
    expect(data.recovered).toBeNull();
    expect(data.zone).toBeNull();

    const hospitals = specOf('hospitals');
    const parsed = fromFormValues(hospitals, { ...toFormValues(hospitals, emptyData(hospitals)), name: 'RSUD Dr. Soetomo', regionCode: '35.78', lat: '-7,2680', lon: 'timur' });
    expect(parsed.errors).toEqual({ lon: 'number' });
    expect(parsed.data.lat).toBe(-7.268);
  });

  it('starts a new item from every field\'s default, and notices a change', () => {
    for (const spec of kindSpecs) {
      const blank = emptyData(spec);
      expect(Object.keys(blank).sort()).toEqual(spec.fields.map(f => f.name).sort());
    }
    const tips = specOf('tips');
    expect(emptyData(tips)).toMatchObject({ title: '', titleEn: null, position: 0, active: true });
    expect(sameData({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameData({ a: ['x'] }, { a: ['x', 'y'] })).toBe(false);
  });

  it('does not call an untouched blank form changed, and notices a real edit', () => {
    const figures = specOf('region-figures');
    const blank = emptyData(figures);
    const values = toFormValues(figures, blank);
    expect(formDiffers(figures, values, blank)).toBe(false);
    expect(formDiffers(figures, { ...values, confirmed: '12' }, blank)).toBe(true);
    const faq = specOf('faq');
    const data = { ...emptyData(faq), question: 'Q?', answer: 'A.', keywords: ['a', 'b'] };
    // The same keywords typed differently are the same data.
    expect(formDiffers(faq, { ...toFormValues(faq, data), keywords: 'a,b' }, data)).toBe(false);
    expect(formDiffers(faq, { ...toFormValues(faq, data), answer: 'A!' }, data)).toBe(true);
  });
});
