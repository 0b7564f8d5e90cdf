/**
 * Asking to be told when one's claim is decided (SPEC §6): from the tap that submits a report or an
 * award, WeChat's prompt for the `claimDecided` template. One accepted prompt allows one message,
 * which the api function sends when that claim is approved or rejected. A refusal, or a failure of
 * the prompt, never holds up the submission.
 */
import { SUBSCRIBE_TEMPLATES } from '../config';

export function askForDecisionMessage(): void {
  const templateId = SUBSCRIBE_TEMPLATES.claimDecided;
  // An unconfigured template (config.ts) means there is nothing to subscribe to yet.
  if (!templateId) return;
  wx.requestSubscribeMessage({
    tmplIds: [templateId],
    fail: (error) => console.warn('decision message prompt failed', error),
  });
}
