/**
 * What the 一票否决 sheet offers and refuses (seeds/001 篇二十一; 篇一 for a disqualification): the
 * template's conditions with what each does, the cycle (this one or the one before), and the reason,
 * which must be written. Pure: the sheet and the tests read it.
 */
import type { DataOf } from '../../../typings/api';
import { VETO_EFFECT_LABELS } from '../../format/labels';
import { cycleKeyOf, cycleLabel } from '../../format/periods';

type Conditions = NonNullable<DataOf<'catalog.get'>['vetoes']>;

export interface ConditionChoice {
  id: string;
  name: string;
  /** What approving it does, in plain words. */
  effectText: string;
}

export interface CycleChoice {
  key: string;
  label: string;
}

/** The shortest reason taken (as the other reasons of the pages). */
const SHORTEST_REASON = 2;

export function conditionChoicesOf(vetoes: Conditions): ConditionChoice[] {
  return vetoes.map((v) => ({ id: v.id, name: v.name, effectText: VETO_EFFECT_LABELS[v.effect] }));
}

/** This cycle and the one before, newest first. */
export function cycleChoicesOf(today: string, startMonth: number): CycleChoice[] {
  const current = Number(cycleKeyOf(today, startMonth));
  return [current, current - 1].map((year) => ({ key: String(year), label: cycleLabel(String(year), startMonth) }));
}

/** The payload's missing part in words, or '' when it may be sent. */
export function vetoFormError(form: { condition: string; key: string; reason: string }): string {
  if (!form.condition) return '请选择否决情形';
  if (!form.key) return '请选择考核年度';
  if (form.reason.trim().length < SHORTEST_REASON) return '请写明否决的事实和理由';
  return '';
}
