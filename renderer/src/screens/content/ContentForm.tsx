/** The editor's fields for one content kind, laid out in two columns and a settings row. */
import { useId } from 'react';
import { useT } from '../../i18n/index.tsx';
import type { FieldErrors, FormValues } from './form-data.ts';
import type { FieldSpec, KindSpec } from './kinds.ts';

export type RegionOption = { code: string; name: string };

type FormProps = {
  spec: KindSpec;
  values: FormValues;
  errors: FieldErrors;
  onChange: (name: string, value: string | boolean) => void;
  regions: readonly RegionOption[];
  disabled?: boolean;
};

function Field({ field, props }: { field: FieldSpec; props: FormProps }) {
  const t = useT();
  const id = useId();
  const { values, errors, onChange, regions, disabled } = props;
  const value = values[field.name];
  const error = errors[field.name];
  const hintId = field.hint !== undefined ? `${id}-hint` : undefined;
  const errorId = error !== undefined ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    disabled,
    required: field.required,
    'aria-invalid': error !== undefined || undefined,
    'aria-describedby': describedBy,
  };
  const text = typeof value === 'string' ? value : '';

  if (field.type === 'checkbox') {
    return (
      <div className="field field-checkbox">
        <label htmlFor={id}>
          <input {...common} type="checkbox" checked={value === true} onChange={event => onChange(field.name, event.target.checked)} />
          <span>{t(field.label)}</span>
        </label>
        {hintId !== undefined ? (
          <small id={hintId} className="muted">
            {t(field.hint!)}
          </small>
        ) : null}
      </div>
    );
  }

  let input;
  if (field.type === 'textarea') {
    input = <textarea {...common} rows={field.rows ?? 4} value={text} onChange={event => onChange(field.name, event.target.value)} />;
  } else if (field.type === 'select' || field.type === 'region') {
    const options =
      field.type === 'region'
        ? regions.map(r => ({ value: r.code, label: `${r.code} ${r.name}` }))
        : (field.options ?? []).map(o => ({ value: o, label: field.optionLabels?.[o] !== undefined ? t(field.optionLabels[o]) : o }));
    input = (
      <select {...common} value={text} onChange={event => onChange(field.name, event.target.value)}>
        {field.required !== true || text === '' ? <option value="">{t('content.field.none')}</option> : null}
        {options.map(o => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const type = field.type === 'date' ? 'date' : field.type === 'month' ? 'month' : 'text';
    const inputMode = field.type === 'integer' ? 'numeric' : field.type === 'decimal' ? 'decimal' : undefined;
    input = (
      <input
        {...common}
        type={type}
        inputMode={inputMode}
        placeholder={field.type === 'month' ? 'YYYY-MM' : undefined}
        value={text}
        onChange={event => onChange(field.name, event.target.value)}
      />
    );
  }
  return (
    <div className="field" data-field={field.name}>
      <label htmlFor={id}>
        {t(field.label)}
        {field.required === true ? <span aria-hidden="true"> *</span> : null}
      </label>
      {input}
      {hintId !== undefined ? (
        <small id={hintId} className="muted">
          {t(field.hint!)}
        </small>
      ) : null}
      {errorId !== undefined ? (
        <small id={errorId} className="field-error">
          {t(`content.error.${error!}`)}
        </small>
      ) : null}
    </div>
  );
}

export function ContentForm(props: FormProps) {
  const t = useT();
  const { spec } = props;
  const group = (name: FieldSpec['group']) => spec.fields.filter(f => f.group === name);
  const [main, second, settings] = [group('main'), group('second'), group('settings')];
  return (
    <div className="content-form">
      <div className={second.length > 0 ? 'form-columns' : 'form-columns single'}>
        <fieldset>
          {spec.columns !== undefined ? <legend>{t(spec.columns[0])}</legend> : null}
          {main.map(field => (
            <Field key={field.name} field={field} props={props} />
          ))}
        </fieldset>
        {second.length > 0 ? (
          <fieldset>
            {spec.columns !== undefined ? <legend>{t(spec.columns[1])}</legend> : null}
            {second.map(field => (
              <Field key={field.name} field={field} props={props} />
            ))}
          </fieldset>
        ) : null}
      </div>
      {settings.length > 0 ? (
        <fieldset className="form-settings">
          <legend>{t('content.column.settings')}</legend>
          {settings.map(field => (
            <Field key={field.name} field={field} props={props} />
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
