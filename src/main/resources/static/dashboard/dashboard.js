// The managers' dashboard: reads /api/deadlines with the filters in the address bar and draws the sections.
'use strict';

const SECTOR_LABELS = {
  KORTDURENDE_ZORG: 'Kortdurende zorg', HUISARTSENZORG: 'Huisartsenzorg', PARAMEDISCHE_ZORG: 'Paramedische zorg',
  GGZ: 'GGZ', WLZ_GZ: 'Wlz gehandicaptenzorg'
};
const STATE_LABELS = { OVERDUE: 'Verlopen', UPCOMING: 'Binnenkort', MISSED: 'Gemist', MET: 'Gehaald' };
const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const dateOnly = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' });

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  return node;
}

function late(hours) {
  if (!hours) return '';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return days > 0 ? `${days} d ${rest} u` : `${rest} u`;
}

function cockpitLink(processInstanceId, text) {
  return el('a', { href: `/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime` }, text);
}

function provider(row) {
  return el('td', {}, row.providerName || 'Onbekende aanbieder', el('small', {}, row.agbCode));
}

function query() {
  const params = new URLSearchParams();
  const form = document.getElementById('filters');
  const data = new FormData(form);
  for (const name of ['sector', 'provider', 'weeks', 'contractYear']) {
    const value = (data.get(name) || '').toString().trim();
    if (value) params.set(name, value);
  }
  const states = data.getAll('status');
  if (states.length) params.set('status', states.join(','));
  return params;
}

function restoreFilters() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById('filters');
  for (const name of ['sector', 'provider', 'weeks', 'contractYear']) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }
  if (params.has('status')) {
    const states = params.get('status').split(',');
    for (const box of form.querySelectorAll('input[name=status]')) box.checked = states.includes(box.value);
  }
}

function drawSectors(sectors) {
  const target = document.getElementById('sectors');
  target.replaceChildren(...sectors.map(s => el('article', { class: 'card', 'data-sector': s.sector },
    el('h3', {}, s.label),
    el('dl', {},
      el('dt', {}, 'Verlopen'), el('dd', { class: s.overdue ? 'alert' : '' }, String(s.overdue)),
      el('dt', {}, 'Binnenkort'), el('dd', {}, String(s.upcoming)),
      el('dt', {}, 'Gemist'), el('dd', {}, String(s.missed)),
      el('dt', {}, 'Lopende contracteerrondes'), el('dd', {}, String(s.activeCases)),
      el('dt', {}, 'Escalaties'), el('dd', {}, String(s.escalations))))));
}

function drawDeadlines(rows) {
  const body = document.querySelector('#deadlines tbody');
  if (!rows.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 8, class: 'empty' }, 'Geen deadlines voor deze selectie.')));
    return;
  }
  body.replaceChildren(...rows.map(r => el('tr', { 'data-state': r.state, 'data-sector': r.sector },
    el('td', {}, el('span', { class: `badge ${r.state}` }, STATE_LABELS[r.state])),
    el('td', {}, dateTime.format(new Date(r.dueAt))),
    el('td', {}, late(r.hoursLate)),
    el('td', {}, r.label, el('small', {}, r.milestone)),
    provider(r),
    el('td', {}, SECTOR_LABELS[r.sector] || r.sector || ''),
    el('td', {}, r.contractYear ?? ''),
    el('td', {}, cockpitLink(r.processInstanceId, r.businessKey || r.processKey)))));
}

function drawEscalations(rows) {
  const body = document.querySelector('#escalations tbody');
  if (!rows.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'Geen lopende escalaties.')));
    return;
  }
  body.replaceChildren(...rows.map(r => el('tr', { 'data-sector': r.sector },
    el('td', {}, cockpitLink(r.processInstanceId, r.businessKey)),
    provider(r),
    el('td', {}, SECTOR_LABELS[r.sector] || r.sector || ''),
    el('td', {}, r.rung || ''),
    el('td', {}, r.since ? dateTime.format(new Date(r.since)) : ''))));
}

function drawSteps(steps) {
  const target = document.getElementById('steps');
  if (!steps.length) {
    target.replaceChildren(el('p', { class: 'empty' }, 'Geen lopende contracteerrondes.'));
    return;
  }
  const max = Math.max(...steps.map(s => s.count));
  const bySector = Map.groupBy ? Map.groupBy(steps, s => s.sector)
    : steps.reduce((m, s) => m.set(s.sector, [...(m.get(s.sector) || []), s]), new Map());
  target.replaceChildren(...[...bySector].map(([sector, rows]) => el('div', { class: 'steps-sector' },
    el('h3', {}, SECTOR_LABELS[sector] || sector),
    ...rows.map(s => el('div', { class: 'bar' }, el('span', {}, s.step),
      el('div', { class: 'fill', style: `width:${Math.max(1, 100 * s.count / max)}%` }), el('strong', {}, String(s.count)))))));
}

function drawTimeline(board) {
  document.getElementById('timeline-year').textContent = board.contractYear;
  const target = document.getElementById('timeline');
  const milestones = board.timeline.map(m => ({ ...m, at: new Date(m.deadline.length === 10 ? `${m.deadline}T12:00:00` : m.deadline) }));
  if (!milestones.length) {
    target.replaceChildren(el('p', { class: 'empty' }, 'Geen kalender voor dit contractjaar.'));
    return;
  }
  const first = new Date(Math.min(...milestones.map(m => m.at)));
  const last = new Date(Math.max(...milestones.map(m => m.at)));
  const start = new Date(first.getFullYear(), first.getMonth(), 1);
  const end = new Date(last.getFullYear(), last.getMonth() + 1, 1);
  const position = d => `${(100 * (d - start) / (end - start)).toFixed(2)}%`;
  const months = [];
  for (let d = new Date(start); d < end; d = new Date(d.getFullYear(), d.getMonth() + 1, 1)) months.push(d);
  const now = new Date(board.now);
  const rows = [...new Set(milestones.map(m => m.sector))].map(sector => el('div', { class: 'timeline-row' },
    el('strong', {}, SECTOR_LABELS[sector] || sector),
    el('div', { class: 'timeline-axis' },
      ...months.map(m => el('span', { class: 'month', style: `left:${position(m)}` },
        m.toLocaleDateString('nl-NL', { month: 'short', year: m.getMonth() === 0 ? '2-digit' : undefined }))),
      ...(now >= start && now <= end ? [el('span', { class: 'today', style: `left:${position(now)}`, title: 'Vandaag' })] : []),
      ...milestones.filter(m => m.sector === sector).map(m => el('span', {
        class: 'marker', style: `left:${position(m.at)}`, title: `${m.label}: ${dateOnly.format(m.at)}`
      })))));
  const list = el('ul', { class: 'timeline-list' }, ...milestones.map(m => el('li', {},
    `${dateOnly.format(m.at)} · ${SECTOR_LABELS[m.sector] || m.sector}: ${m.label}`)));
  target.replaceChildren(...rows, list);
}

async function load() {
  const params = query();
  history.replaceState(null, '', `${location.pathname}?${params}`);
  document.getElementById('export-csv').href = `/api/deadlines.csv?${params}`;
  const statusLine = document.getElementById('status-line');
  statusLine.textContent = 'Gegevens laden…';
  const response = await fetch(`/api/deadlines?${params}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    statusLine.textContent = `Kan de gegevens niet laden: ${problem.message || response.status}`;
    return;
  }
  const board = await response.json();
  drawSectors(board.sectors);
  drawDeadlines(board.deadlines);
  drawEscalations(board.escalations);
  drawSteps(board.steps);
  drawTimeline(board);
  statusLine.textContent = `Bijgewerkt ${dateTime.format(new Date(board.now))} · ${board.deadlines.length} deadlines`;
}

async function who() {
  const response = await fetch('/dashboard/session');
  if (!response.ok) return;
  const session = await response.json();
  document.getElementById('user').textContent = session.user;
  const logout = document.getElementById('logout');
  logout.append(el('input', { type: 'hidden', name: session.csrf.parameterName, value: session.csrf.token }));
}

document.addEventListener('DOMContentLoaded', () => {
  restoreFilters();
  document.getElementById('filters').addEventListener('submit', event => { event.preventDefault(); load(); });
  who();
  load();
});
