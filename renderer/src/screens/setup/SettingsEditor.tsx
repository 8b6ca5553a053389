// The rule settings of the area (area.settings): each grace and interval with its unit and what it does.
import { NumberInput } from '../../widgets/NumberInput.js';
import type { AreaDraft } from '../../../../common/areaSetup.js';
import { DEFAULT_SETTINGS, SETTING_NAMES } from '../../../../common/settings.js';
import { SETTING_LABELS, SETUP_TEXT } from '../../../../common/setupText.js';
import { Field } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { problemOf, useSetup } from './setupContext.js';

export function SettingsEditor({ draft, onChange }: { readonly draft: AreaDraft; readonly onChange: (d: AreaDraft) => void }) {
  const { problems } = useSetup();
  return (
    <FieldGroup legend={SETUP_TEXT.settings.caption} name="settings" error={problemOf(problems, 'settings')} wide>
      <div className="form-grid">
        {SETTING_NAMES.map((k) => (
          <Field key={k} label={`${SETTING_LABELS[k].label}（${SETTING_LABELS[k].unit}）`} name={`settings.${k}`} hint={SETTING_LABELS[k].hint} error={problemOf(problems, `settings.${k}`)}>
            {(c) => (
              <NumberInput {...c} inputMode="decimal" value={draft.settings[k]}
                onValue={(n) => onChange({ ...draft, settings: { ...draft.settings, [k]: n ?? Number.NaN } })} />
            )}
          </Field>
        ))}
      </div>
      <button type="button" className="small" onClick={() => onChange({ ...draft, settings: { ...DEFAULT_SETTINGS } })}>{SETUP_TEXT.settings.reset}</button>
    </FieldGroup>
  );
}
