// A portal's typed use of the package: compiles only while pkg/perftarget.d.ts
// describes forms, reports and targets precisely (checked by tsc, no `any`).
import init, { checkIndicator, normaliseTarget, rules, templates, validateForm } from '../../../pkg/perftarget.js';
import type { Context, Form, Issue, Report, Rule, RowContext, RowReport, Severity, Target, Template, TemplateId, UnitClass } from '../../../pkg/perftarget.js';

/** One line per finding, as a reviewer's list shows it. */
export function describeIssue(issue: Issue, lang: 'zh' | 'en'): string {
  const severity: Severity = issue.severity;
  const text: string = lang === 'zh' ? issue.message : issue.messageEn;
  const pointer: string = issue.path;
  const code: string = issue.code;
  const category: string = issue.reviewCategory;
  return `[${severity}] ${code} ${pointer}: ${text} (${category})`;
}

export function describeReport(report: Report): string[] {
  const findings: Issue[] = [...report.errors, ...report.warnings, ...report.infos];
  const head = `${report.valid ? 'valid' : 'invalid'} ${report.template ?? '?'}`;
  return [head, ...findings.map((issue) => describeIssue(issue, 'zh'))];
}

/** What a target field shows under the input while the clerk types. */
// Version 2 results: the unit's dimension, a qualifier, a period's start.
export function dimension(target: Target): string {
  const cls: UnitClass | null = target.unitClass;
  const bound = target.qualifier === 'approximate' ? '约' : target.qualifier === 'tolerance' ? '±' : '';
  const period = target.start == null ? '' : `${target.start}~${target.date ?? ''}`;
  const grade = target.grade ?? (target.vague ? 'vague' : '');
  return [cls ?? '', bound, period, grade].join(' ');
}

export function targetLine(target: Target): string {
  const spans: Array<[number, number]> = target.diagnostics.map((d) => [d.start, d.end]);
  const system = target.system == null ? '' : `${target.system.operator} ${target.system.value} ${target.system.unit ?? ''}`;
  switch (target.status) {
    case 'empty':
      return '';
    case 'incomplete':
    case 'invalid':
      return `${target.hint} ${spans.map(([a, b]) => target.input.slice(a, b)).join(' ')}`;
    case 'valid':
      return `${target.canonical ?? target.input} ${system}`.trim();
  }
}

/** Replaces one indicator's target in a form the portal holds. */
export function withTarget(form: Form, row: number, text: string): Form {
  const indicators = (form.indicators ?? []).map((ind, i) => (i === row ? { ...ind, target: text } : ind));
  return { ...form, indicators };
}

/** What a target cell shows while typed: the worst finding of its row. */
export function cellMessage(form: Form, index: number): string {
  const row = (form.indicators ?? [])[index] ?? {};
  const context: RowContext = { ...form, index };
  const checked: RowReport = checkIndicator(row, context);
  const worst: Issue | undefined = checked.issues[0];
  return worst?.message ?? checked.target?.canonical ?? '';
}

/** The level-2 options of a level-1 select, from the template registry. */
export function level2Options(id: TemplateId, level1: string): string[] {
  const template: Template | undefined = templates().find((t) => t.id === id);
  const group = template?.levels.find((l) => l.canonical === level1 || l.aliases.includes(level1));
  return (group?.children ?? []).map((name) => name + (template?.level2Suffix ?? ''));
}

export async function main(form: Form): Promise<string[]> {
  await init();
  const context: Context = { year: 2025, level1: '满意度指标', name: '服务对象满意度' };
  const target: Target = normaliseTarget('≥90%', context);
  const catalogue: Rule[] = rules();
  const fromObject: Report = validateForm(withTarget(form, 0, target.canonical ?? '≥90%'));
  const fromText: Report = validateForm(JSON.stringify(form));
  return [targetLine(target), dimension(target), cellMessage(form, 0), level2Options('T2021', '产出指标').join('、'), `${catalogue.length} rules`, ...describeReport(fromObject), ...describeReport(fromText)];
}
