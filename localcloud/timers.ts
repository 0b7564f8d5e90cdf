/**
 * Timer triggers from each function's config.json, as the platform runs them:
 * `{ "triggers": [{ "name": "monthly", "type": "timer", "config": "0 10 0 1 * * *" }] }`,
 * a seven-field cron expression (second minute hour day-of-month month day-of-week year) read in
 * China time (UTC+8).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { LocalCloud } from './runtime';

export interface TimerTrigger {
  functionName: string;
  name: string;
  config: string;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const FIELD_RANGES: [number, number][] = [
  [0, 59], // second
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 6], // day of week (0 = Sunday)
  [1970, 2199], // year
];

/** Whether one cron field (`*`, `5`, `1,15`, `1-5`, `*\/10`) accepts a value. */
function fieldMatches(field: string, value: number, [min, max]: [number, number]): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo = min;
    let hi = max;
    if (range !== '*') {
      const [a, b] = range.split('-');
      lo = Number(a);
      hi = b === undefined ? (stepText ? max : lo) : Number(b);
    }
    if (![lo, hi, step].every(Number.isFinite) || step <= 0) throw new Error(`invalid cron field ${field}`);
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}

export function cronMatches(expression: string, at: Date): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`a timer needs 7 cron fields, got "${expression}"`);
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  const values = [
    china.getUTCSeconds(),
    china.getUTCMinutes(),
    china.getUTCHours(),
    china.getUTCDate(),
    china.getUTCMonth() + 1,
    china.getUTCDay(),
    china.getUTCFullYear(),
  ];
  return fields.every((field, i) => fieldMatches(field, values[i], FIELD_RANGES[i]));
}

export function timerTriggers(cloud: LocalCloud): TimerTrigger[] {
  const triggers: TimerTrigger[] = [];
  for (const functionName of cloud.functionNames()) {
    const file = path.join(cloud.functionsRoot, functionName, 'config.json');
    if (!fs.existsSync(file)) continue;
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: { name: string; type: string; config: string }[] };
    for (const trigger of config.triggers ?? []) {
      if (trigger.type === 'timer') triggers.push({ functionName, name: trigger.name, config: trigger.config });
    }
  }
  return triggers;
}

/** Checks the triggers every second; returns a stop function. */
export function startTimers(cloud: LocalCloud, log: (line: string) => void): () => void {
  const triggers = timerTriggers(cloud);
  let lastSecond = Math.floor(Date.now() / 1000);
  const interval = setInterval(() => {
    const nowSecond = Math.floor(Date.now() / 1000);
    for (let second = lastSecond + 1; second <= nowSecond; second++) {
      const at = new Date(second * 1000);
      for (const trigger of triggers) {
        if (!cronMatches(trigger.config, at)) continue;
        const event = { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString() };
        cloud
          .invoke(trigger.functionName, event, {})
          .then((result) => log(`timer ${trigger.functionName}/${trigger.name}: ${JSON.stringify(result)}`))
          .catch((error: unknown) => log(`timer ${trigger.functionName}/${trigger.name} failed: ${String(error)}`));
      }
    }
    lastSecond = nowSecond;
  }, 1000);
  interval.unref();
  return () => clearInterval(interval);
}
