/**
 * Facts the offline engine reads from an employee's own words: urgency, the app and machine,
 * make and model, exact error codes and messages, since when, who is affected and any deadline.
 * Each rule is a plain pattern so a wrong guess is easy to trace; anything not found is left out
 * rather than invented. Every message of a problem is read, not only the first.
 */
import { PRIORITY_RANK, type Environment, type Priority, type PriorityBasis } from '../../domain/index.js';
import { apps, devices, findErrors, findModel, findSince, systems } from './fact-patterns.js';
import { assessPriority, findCause } from './priority.js';

export { describeSymptom } from './symptom.js';

export interface Urgency {
  priority: Priority;
  reason?: string;
  basis?: PriorityBasis;
}

/** At most this many error codes and messages are kept per problem. */
const MAX_ERRORS = 8;

export function detectUrgency(text: string): Urgency {
  const { priority, basis } = assessPriority(text);
  return basis ? { priority, reason: `mentions "${basis.words}"`, basis } : { priority };
}

/** Urgency only rises during a conversation here; the ticket weighs every message again. */
function raiseUrgency(current: Urgency, text: string): Urgency {
  const next = detectUrgency(text);
  return PRIORITY_RANK[next.priority] > PRIORITY_RANK[current.priority] ? next : current;
}

/** A later message about the same problem: it adds facts and can only raise the priority. */
export function absorbMessage<T extends { environment: Environment; priority: Priority; priorityReason?: string }>(
  problem: T,
  text: string,
): T {
  const urgency = raiseUrgency({ priority: problem.priority, reason: problem.priorityReason }, text);
  return {
    ...problem,
    environment: mergeEnvironment(problem.environment, extractEnvironment(text)),
    priority: urgency.priority,
    ...(urgency.reason ? { priorityReason: urgency.reason } : {}),
  };
}

export function extractEnvironment(text: string): Environment {
  const t = text.normalize('NFKC');
  const env: Environment = {};
  const app = apps.find(([, p]) => p.test(t))?.[0];
  const os = systems.find(([, p]) => p.test(t))?.[0];
  const device = devices.find(([, p]) => p.test(t))?.[0];
  const model = findModel(t);
  const errors = findErrors(t);
  const since = findSince(t);
  if (app) env.app = app;
  if (os) env.os = os;
  if (device) env.device = device;
  if (model) env.model = model;
  if (errors[0] !== undefined) {
    env.errorText = errors[0];
    env.errors = errors.slice(0, MAX_ERRORS);
  }
  if (since) env.since = since;
  const affected = findCause(t, 'company_down', 'department_down', 'team_blocked');
  if (affected) env.affected = affected.words;
  const pressing = findCause(t, 'deadline', 'meeting');
  if (pressing) env.deadline = pressing.words;
  return env;
}

/** Known facts stay; a later message fills gaps and adds error codes not seen yet. */
export function mergeEnvironment(known: Environment, later: Environment): Environment {
  const merged: Environment = { ...stripUndefined(later), ...stripUndefined(known) };
  const errors = [...(known.errors ?? (known.errorText ? [known.errorText] : [])), ...(later.errors ?? [])];
  const unique = errors.filter((e, i) => errors.findIndex((f) => f.toLowerCase() === e.toLowerCase()) === i);
  if (unique.length > 0) merged.errors = unique.slice(0, MAX_ERRORS);
  return merged;
}

function stripUndefined(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Environment;
}
