// perftarget/dom: binds the validator to an existing form, framework-free.
// Fields are mapped to the form model by JSON Pointer (data-perftarget
// attributes or a mapping object). Every message comes from the wasm module;
// this file only decides when and where to show it.
import * as wasm from './perftarget.js';

const RANK = { error: 3, warning: 2, info: 1 };
const TEXT = {
  zh: {
    error: '错误', warning: '警告', info: '提示', sep: '：', list: '、',
    title: (n) => `发现 ${n} 个问题`, ok: '未发现错误',
    count: (e, w) => (e || w ? `${e} 个错误，${w} 个警告` : '没有错误'),
    apply: (c) => `改为 ${c}`,
  },
  en: {
    error: 'Error', warning: 'Warning', info: 'Note', sep: ': ', list: ', ',
    title: (n) => `There ${n === 1 ? 'is 1 problem' : `are ${n} problems`}`, ok: 'No errors found',
    count: (e, w) => (e || w ? `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}` : 'No errors'),
    apply: (c) => `Use ${c}`,
  },
};
const ROW = /^\/indicators\/(\d+)(?:\/|$)/;
const TARGET = /^\/indicators\/\d+\/target$/;
const FIELD = 'INPUT,SELECT,TEXTAREA';
let ids = 0;

const toks = (p) => p.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
function setAt(obj, path, value) {
  const t = toks(path);
  let node = obj;
  t.forEach((k, i) => {
    if (i === t.length - 1) node[k] = value;
    else {
      if (node[k] == null || typeof node[k] !== 'object') node[k] = /^\d+$/.test(t[i + 1]) ? [] : {};
      node = node[k];
    }
  });
}
const id = (el) => el.id || (el.id = `pt-${++ids}`);
const worst = (list) => list.reduce((w, i) => (!w || RANK[i.severity] > RANK[w.severity] ? i : w), null);
const make = (tag, cls, text) => {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = text;
  return n;
};

/**
 * Binds the validator to `root` (usually a <form>). See the README's
 * "Drop-in kit" section for the options and the behaviour.
 */
export function bind(root, options = {}) {
  const o = { severities: ['error', 'warning'], delay: 200, blockSubmit: true, lang: 'zh', liveSummary: false, ...options };
  // Findings that need the whole form (repeats, coverage): a row checked alone does not redo them.
  const formCodes = new Set(wasm.rules().filter((r) => r.scope === 'form').map((r) => r.code));
  const summary = typeof o.summary === 'string' ? document.querySelector(o.summary)
    : o.summary ?? root.insertAdjacentElement('afterbegin', make('div'));
  const status = o.status ?? root.appendChild(make('div', 'pt-visually-hidden'));
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const title = make('h2', 'pt-summary-title');
  title.tabIndex = -1;
  if (summary) {
    summary.classList.add('pt-summary');
    summary.hidden = true;
    summary.prepend(title);
    summary.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-path]');
      if (a) { e.preventDefault(); api.focus(a.dataset.path); }
    });
  }

  let fields = new Map(); // pointer → element (fields and containers)
  let paths = new Map(); // element → pointer
  let rank = new Map(); // element → document order
  let resolved = new Map(); // pointer → the element that shows it
  let report = null;
  let all = []; // findings of the last full check, then refreshed rows
  let owners = new Map(); // element → its findings
  const shown = new Map(); // element → { key, node, severity }
  const revealed = new Set(); // pointers whose findings may show
  let submitted = false;
  let composing = false;
  let lastFocus = null;
  let active = null; // the field being typed in: { el, mode: 'hint' | 'live' | 'quiet', hint }
  let stale = false; // rows were checked alone since the last full check
  let timer = 0;
  const stats = { checks: 0, rowChecks: 0 };
  const T = () => TEXT[o.lang] ?? TEXT.zh;
  const msg = (i) => (o.lang === 'en' ? i.messageEn : i.message);

  function scan() {
    const next = new Map();
    for (const el of root.querySelectorAll('[data-perftarget]')) next.set(el.dataset.perftarget, el);
    for (const [p, f] of Object.entries(o.fields ?? {})) {
      const el = typeof f === 'string' ? root.querySelector(f) ?? document.querySelector(f) : f?.field ?? f;
      if (el instanceof Element) next.set(p, el);
    }
    paths = new Map([...next].map(([p, el]) => [el, p]));
    for (const [el, s] of shown) if (!paths.has(el)) { clear(el, s); shown.delete(el); }
    fields = next;
    const els = [...fields.values()].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    rank = new Map(els.map((el, n) => [el, n]));
    resolved = new Map();
    rebuild();
    regroup();
  }

  // Value of a field as the model wants it: empty is null, a checkbox a
  // boolean, data-perftarget-type="number" (or a number input) a number and
  // "boolean" true/false when the text is one, otherwise the text as typed,
  // so the rules report it.
  function read(el) {
    const type = el.dataset.perftargetType ?? o.fields?.[pathOf(el)]?.type ?? el.type;
    if (type === 'checkbox') return el.checked;
    const v = el.value;
    if (v === '') return null;
    if (type === 'number' && /^\s*-?\d{1,15}(\.\d+)?\s*$/.test(v)) return Number(v);
    if (type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
    return v;
  }

  // The model: the page's data with every field written at its pointer.
  // Rebuilt when fields are scanned and on a full check the person asks
  // for; a keystroke writes only its own field.
  let model = {};
  function rebuild() {
    const base = typeof o.data === 'function' ? o.data() : o.data;
    model = base ? structuredClone(base) : {};
    for (const [p, el] of fields) if (el.matches(FIELD)) setAt(model, p, read(el));
  }

  // The element a pointer's findings show on: its own, else the first field
  // below it (a row), else the nearest mapped container above it.
  function owner(p) {
    if (resolved.has(p)) return resolved.get(p);
    let el = fields.get(p);
    if (!el) {
      let best = null;
      for (const [q, e] of fields) if (q.startsWith(p + '/') && (!best || rank.get(e) < rank.get(best))) best = e;
      el = best;
    }
    for (let q = p; !el && q; q = q.slice(0, q.lastIndexOf('/'))) el = fields.get(q);
    el ??= root;
    resolved.set(p, el);
    return el;
  }
  const pathOf = (el) => paths.get(el) ?? '';

  function regroup() {
    owners = new Map();
    for (const i of all) {
      const el = owner(i.path);
      if (!owners.has(el)) owners.set(el, []);
      owners.get(el).push(i);
    }
  }

  function full() {
    const t0 = performance.now();
    report = wasm.validateForm(model);
    stats.checks++;
    all = [...report.errors, ...report.warnings, ...report.infos].filter((i) => !o.filter || o.filter(i));
    stale = false;
    regroup();
    stats.lastMs = performance.now() - t0;
  }

  // One row checked on its own (checkIndicator): its findings replace those
  // of the last full check; form-scoped ones stay until the next.
  function row(r) {
    const { indicators, ...context } = model;
    const got = wasm.checkIndicator(indicators?.[r] ?? {}, { ...context, index: r });
    stats.rowChecks++;
    stale = true;
    const under = (p) => ROW.exec(p)?.[1] === String(r);
    all = all.filter((i) => formCodes.has(i.code) || !under(i.path))
      .concat(got.issues.filter((i) => !o.filter || o.filter(i)));
    regroup();
    return got.target;
  }

  const isRevealed = (el) => submitted || revealed.has(pathOf(el)) || el === root;

  // Draws the worst finding of one element, touching the DOM only when it changed.
  function draw(el, list, hint) {
    const w = worst(list);
    const key = w ? `${w.severity}|${w.code}|${msg(w)}|${w.params?.canonical ?? ''}` : hint ? `hint|${hint}` : '';
    const old = shown.get(el);
    if ((old?.key ?? '') === key) return;
    if (old) clear(el, old);
    if (!key) { shown.delete(el); o.onField?.(el, null); return; }
    const node = make('span', `pt-msg pt-${w?.severity ?? 'hint'}`);
    node.id = `pt-${++ids}`;
    if (w) node.append(make('span', 'pt-sev', T()[w.severity] + T().sep));
    node.append(w ? msg(w) : hint);
    const canonical = w?.params?.canonical;
    if (canonical && el.matches(FIELD) && canonical !== el.value) {
      const b = make('button', 'pt-apply', T().apply(canonical));
      b.type = 'button';
      b.addEventListener('click', () => api.apply(el, canonical));
      node.append(' ', b);
    }
    // Under a field; inside a row's last cell, a table's caption or any other container.
    const at = o.placeMessage?.(el) ?? el;
    const table = at.closest('table');
    if (at.matches(FIELD)) at.after(node);
    else if (at.tagName === 'TR') at.lastElementChild?.append(node);
    else if (table && !table.contains(at.parentElement) || at.tagName === 'TBODY') {
      if (table.caption) table.caption.append(node); else table.before(node);
    } else at.append(node);
    const by = el.getAttribute('aria-describedby');
    el.setAttribute('aria-describedby', by ? `${by} ${node.id}` : node.id);
    if (w?.severity === 'error') el.setAttribute('aria-invalid', 'true');
    if (w) el.classList.add(`pt-has-${w.severity}`);
    shown.set(el, { key, node, severity: w?.severity });
    o.onField?.(el, w);
  }

  function clear(el, s) {
    s.node.remove();
    const by = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((t) => t && t !== s.node.id).join(' ');
    if (by) el.setAttribute('aria-describedby', by); else el.removeAttribute('aria-describedby');
    el.removeAttribute('aria-invalid');
    el.classList.remove('pt-has-error', 'pt-has-warning', 'pt-has-info');
  }

  // Every element: its findings if revealed, nothing otherwise; the field
  // being typed in as onInput decided.
  function drawAll() {
    for (const el of new Set([...shown.keys(), ...owners.keys(), active?.el])) {
      if (!el) continue;
      const mode = el === active?.el ? active.mode : isRevealed(el) ? 'live' : 'quiet';
      draw(el, mode === 'live' ? owners.get(el) ?? [] : [], mode === 'hint' ? active.hint : null);
    }
  }

  function listed() {
    return all.filter((i) => o.severities.includes(i.severity) && isRevealed(owner(i.path)))
      .sort((a, b) => RANK[b.severity] - RANK[a.severity] || rank.get(owner(a.path)) - rank.get(owner(b.path)));
  }

  function renderSummary() {
    const list = submitted || o.liveSummary ? listed() : [];
    const errors = list.filter((i) => i.severity === 'error').length;
    const count = submitted || list.length ? T().count(errors, list.filter((i) => i.severity === 'warning').length) : '';
    if (status.textContent !== count) status.textContent = count;
    if (!summary) return;
    summary.hidden = !submitted && !list.length;
    summary.classList.toggle('pt-ok', !errors);
    title.textContent = list.length ? T().title(list.length) : T().ok;
    for (const sev of ['error', 'warning', 'info']) {
      let group = summary.querySelector(`.pt-group-${sev}`);
      if (!group) {
        group = summary.appendChild(make('div', `pt-group pt-group-${sev}`));
        group.append(make('h3'), make('ul'));
      }
      const items = list.filter((i) => i.severity === sev);
      group.hidden = !items.length;
      group.firstChild.textContent = `${T()[sev]} (${items.length})`;
      reconcile(group.lastChild, items);
    }
  }

  // Keyed update of a summary list: unchanged items stay as they are.
  function reconcile(ul, items) {
    const old = new Map([...ul.children].map((li) => [li.dataset.key, li]));
    items.forEach((i, n) => {
      const key = `${i.code}|${i.path}|${msg(i)}`;
      let li = old.get(key);
      old.delete(key);
      if (!li) {
        li = make('li', `pt-item pt-${i.severity}`);
        li.dataset.key = key;
        const a = li.appendChild(make('a', null, msg(i)));
        a.href = `#${id(owner(i.path))}`;
        a.dataset.path = i.path;
        o.item?.(li, i);
      }
      if (ul.children[n] !== li) ul.insertBefore(li, ul.children[n] ?? null);
    });
    for (const li of old.values()) li.remove();
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (stale) { full(); drawAll(); }
      renderSummary();
      o.onReport?.(report, api);
    }, o.delay);
  }

  function onInput(e) {
    const el = e.target;
    const p = pathOf(el);
    if (!p || composing || e.isComposing) return;
    setAt(model, p, read(el));
    const r = ROW.exec(p)?.[1];
    let target = r != null && wasm.checkIndicator ? row(Number(r)) : (full(), null);
    later();
    if (!target && TARGET.test(p)) {
      const { level1, level2, name } = model.indicators?.[r] ?? {};
      const year = Number.isInteger(model.year) ? model.year : undefined;
      target = wasm.normaliseTarget(el.value, { year, level1: level1 ?? undefined, level2: level2 ?? undefined, name: name ?? undefined });
    }
    // Reward early, punish late: a target's findings show once it is
    // complete (a prefix of a valid value only gets the hint); any other
    // field's findings update live only while it already shows one, and
    // otherwise wait until the person leaves it.
    const complete = target && target.status !== 'incomplete' && target.status !== 'empty';
    const mode = target && !complete ? 'hint' : complete || shown.get(el)?.severity ? 'live' : 'quiet';
    if (mode === 'live') revealed.add(p); else revealed.delete(p);
    active = { el, mode, hint: target?.hint };
    drawAll();
  }

  function onLeave(e) {
    const p = pathOf(e.target);
    if (!p || composing) return;
    if (active?.el === e.target) active = null;
    setAt(model, p, read(e.target));
    revealed.add(p);
    full();
    if (pressed) held = true; else { drawAll(); renderSummary(); }
  }

  // Leaving a field by pressing on another element must not move that
  // element away before the press ends: what the leave shows waits for it.
  let pressed = false;
  let held = false;
  const down = () => { pressed = true; };
  const up = () => {
    pressed = false;
    if (held) setTimeout(() => { held = false; drawAll(); renderSummary(); });
  };

  function onSubmit(e) {
    const r = api.check({ reveal: true });
    if (!r.valid && o.blockSubmit) {
      e.preventDefault();
      title.focus();
    }
  }

  const listeners = [
    ['input', onInput], ['change', onLeave], ['focusout', onLeave], ['submit', onSubmit],
    ['focusin', (e) => { lastFocus = e.target; }],
    ['compositionstart', () => { composing = true; }],
    ['compositionend', (e) => { composing = false; onInput(e); }],
  ];
  for (const [type, fn] of listeners) root.addEventListener(type, fn);
  const presses = [['pointerdown', down], ['pointerup', up], ['pointercancel', up]];
  for (const [type, fn] of presses) document.addEventListener(type, fn, true);
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes' || [...r.addedNodes, ...r.removedNodes].some((n) => n.nodeType === 1 && !n.classList.contains('pt-msg')))) scan();
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-perftarget'] });

  const api = {
    stats,
    get report() { return report; },
    /** The form as the page now holds it (a copy). */
    form: () => structuredClone(model),
    scan,
    /** Full check now; `reveal` shows every finding as a submit would. */
    check({ reveal = false } = {}) {
      clearTimeout(timer);
      if (reveal) submitted = true;
      rebuild();
      full();
      drawAll();
      renderSummary();
      o.onReport?.(report, api);
      return report;
    },
    /** Moves focus to the field (or row, or section) a pointer names. */
    focus(p) {
      const el = owner(p);
      for (let d = el.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])')) d.open = true;
      if (!el.matches(FIELD) && el.tabIndex < 0) el.tabIndex = -1;
      el.scrollIntoView?.({ block: 'center' });
      el.focus({ preventScroll: true });
      return el;
    },
    /** Focuses the next (dir 1) or previous (-1) listed finding's element. */
    next(dir = 1) {
      const els = [...new Set(listed().map((i) => owner(i.path)))];
      if (!els.length) return null;
      // From the field last focused in the form (a toolbar button may have focus now).
      const from = root.contains(document.activeElement) ? document.activeElement : lastFocus;
      const at = els.findIndex((el) => el === from || el.contains(from));
      const n = at < 0 ? (dir > 0 ? 0 : els.length - 1) : (at + dir + els.length) % els.length;
      return api.focus(pathOf(els[n]) || '');
    },
    /** Writes a value (a canonical form) into a field as if typed. */
    apply(el, value) {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      el.focus();
    },
    setLang(lang) {
      o.lang = lang;
      for (const [el, s] of shown) { clear(el, s); shown.delete(el); }
      summary?.querySelectorAll('.pt-item').forEach((li) => li.remove());
      drawAll();
      renderSummary();
    },
    /** Forgets what was touched: a fresh form shows nothing until used. */
    reset() {
      submitted = false;
      revealed.clear();
      api.check();
    },
    destroy() {
      observer.disconnect();
      clearTimeout(timer);
      for (const [type, fn] of listeners) root.removeEventListener(type, fn);
      for (const [type, fn] of presses) document.removeEventListener(type, fn, true);
      for (const [el, s] of shown) clear(el, s);
      shown.clear();
    },
  };
  scan();
  api.check({ reveal: o.reveal });
  return api;
}
