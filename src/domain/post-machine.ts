import type { IncidentCase } from './case';
import type { PostCommand } from './commands';
import { advance, completeByGraph, no, ok, type TransitionContext, type TransitionResult } from './machine';
import { isStale } from './meeting';
import { checkSupportMessage, type PostState, toChannelHtml } from './support-message';

/** Management's support message: draft → posting → posted, or "unknown" when Graph's answer was lost. */
export function postTransition(c: IncidentCase, cmd: PostCommand, ctx: TransitionContext): TransitionResult {
  if (c.status !== 'plan' || !c.intake) return no('notAllowedNow');
  const p: PostState = c.post ?? { status: 'draft', text: '', consent: false };
  const since = ctx.now.toISOString();
  switch (cmd.type) {
    case 'post.save':
      if (p.status === 'posting' || p.status === 'posted') return no('notAllowedNow');
      return ok(
        advance(c, ctx, cmd.type, {
          post: { ...p, status: p.status === 'unknown' ? 'unknown' : 'draft', text: cmd.text, consent: cmd.consent },
        }),
      );
    case 'post.send': {
      // From "unknown" (or a post cut off mid-way) too: the manager has checked the channel and it is not there.
      if (p.status !== 'draft' && p.status !== 'unknown' && !(p.status === 'posting' && isStale(p.since, ctx.now)))
        return no('notAllowedNow');
      const issues = checkSupportMessage(cmd.text, cmd.consent, c.intake);
      if (issues.length) return { ok: false, reason: 'guardrail', issues };
      const html = toChannelHtml(cmd.text);
      // Saved before the POST: a crash afterwards leaves "posting", which is never posted again blindly.
      return ok(advance(c, ctx, cmd.type, { post: { status: 'posting', text: cmd.text, consent: true, html, since } }), [
        { kind: 'postMessage', html },
      ]);
    }
    case 'post.posted': {
      if ((p.status !== 'posting' && p.status !== 'unknown') || p.html !== cmd.html) return no('notAllowedNow');
      const plan = completeByGraph(c, 'channelPost', ctx);
      return ok(
        advance(c, ctx, cmd.type, {
          post: {
            ...p,
            status: 'posted',
            error: undefined,
            ...(cmd.messageId ? { messageId: cmd.messageId } : {}),
            ...(cmd.webUrl ? { webUrl: cmd.webUrl } : {}),
          },
          ...(plan ? { plan } : {}),
        }),
      );
    }
    case 'post.failed':
      if (p.status !== 'posting' || p.html !== cmd.html) return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { post: { ...p, status: cmd.unknown ? 'unknown' : 'draft', error: cmd.error } }));
    case 'post.confirm': {
      if (p.status !== 'unknown' && !(p.status === 'posting' && isStale(p.since, ctx.now))) return no('notAllowedNow');
      const plan = completeByGraph(c, 'channelPost', ctx);
      return ok(advance(c, ctx, cmd.type, { post: { ...p, status: 'posted', error: undefined }, ...(plan ? { plan } : {}) }));
    }
    default: {
      const _exhaustive: never = cmd;
      return _exhaustive;
    }
  }
}
