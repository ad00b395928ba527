// Foresight dashboard: polls /api/state and renders it. Read-only; text is always set with textContent.
'use strict';

const POLL_MS = 1000;

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') { e.className = v; } else { e.setAttribute(k, v); }
  });
  if (text !== undefined && text !== null) { e.textContent = text; }
  return e;
}

function fmt(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) { return '\u2014'; }
  return Number(value).toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function withUnit(value, digits, unit) {
  const text = fmt(value, digits);
  return text === '\u2014' ? text : text + ' ' + unit;
}

function riskColour(risk) {
  if (risk === null || risk === undefined) { return '#a7b0bd'; }
  const p = Math.max(0, Math.min(1, risk));
  return 'hsl(' + Math.round(120 * (1 - p)) + ', 72%, ' + Math.round(40 + 5 * p) + '%)';
}

function renderGrid(nodes) {
  const grid = document.getElementById('grid');
  grid.replaceChildren();
  if (nodes.length === 0) {
    grid.appendChild(el('p', { class: 'empty' }, 'no node state yet'));
    return;
  }
  const racks = new Map();
  nodes.forEach(n => {
    if (!racks.has(n.rack)) { racks.set(n.rack, []); }
    racks.get(n.rack).push(n);
  });
  [...racks.keys()].sort().forEach(rack => {
    const box = el('div', { class: 'rack', 'data-rack': rack });
    box.appendChild(el('h3', {}, rack));
    const row = el('div', { class: 'nodes' });
    racks.get(rack).forEach(n => {
      const failed = n.health === 'FAILED' || n.health === 'REPAIRING';
      const classes = ['node'];
      if (n.power === 'OFF') { classes.push('off'); }
      if (failed) { classes.push('failed'); }
      if (n.alarm) { classes.push('alarm'); }
      if (n.quarantined) { classes.push('quarantined'); }
      const cell = el('div', {
        class: classes.join(' '), 'data-node': n.id, 'data-power': n.power, 'data-health': n.health,
        'data-risk': n.risk === null ? '' : String(n.risk),
        title: n.id + ' \u2014 risk ' + (n.risk === null ? 'not scored' : fmt(n.risk, 3)) + ', ' + n.power + ', ' + n.health
          + (n.quarantined ? ', quarantined' : '') + ', ' + n.usedCores + '/' + n.cores + ' cores'
      }, n.id.replace(/^.*?(\d+)$/, '$1'));
      cell.style.background = riskColour(n.risk);
      const load = el('span', { class: 'load' });
      load.style.width = (n.cores > 0 ? Math.round(100 * n.usedCores / n.cores) : 0) + '%';
      cell.appendChild(load);
      row.appendChild(cell);
    });
    box.appendChild(row);
    grid.appendChild(box);
  });
}

function renderList(id, rows) {
  const dl = document.getElementById(id);
  dl.replaceChildren();
  rows.forEach(([term, value, key]) => {
    dl.appendChild(el('dt', {}, term));
    dl.appendChild(el('dd', { 'data-key': key }, value));
  });
}

function renderQuality(q) {
  const model = q.modelVersion < 0 ? 'none yet'
    : 'v' + q.modelVersion + ' (' + q.modelAlgorithm + ', threshold ' + fmt(q.modelThreshold, 2) + ')';
  const provenance = Object.entries(q.modelProvenance || {}).map(([k, v]) => k + ': ' + v).join('; ');
  renderList('quality', [
    ['model', model, 'model'],
    ['model provenance', provenance || '-', 'modelProvenance'],
    ['predictions', fmt(q.predictions, 0), 'predictions'],
    ['alarm predictions', fmt(q.alarmPredictions, 0), 'alarmPredictions'],
    ['alarm episodes', fmt(q.alarmEpisodes, 0), 'alarmEpisodes'],
    ['nodes in alarm now', fmt(q.nodesInAlarm, 0), 'nodesInAlarm'],
    ['failures', fmt(q.failures, 0), 'failures'],
    ['failures after an alarm', fmt(q.failuresAfterAlarm, 0), 'failuresAfterAlarm'],
  ]);
}

function renderAccounting(a, source) {
  document.getElementById('accounting-note').hidden = source !== 'cluster';
  renderList('accounting', [
    ['energy', withUnit(a.energyKwh, 1, 'kWh'), 'energyKwh'],
    ['power now', withUnit(a.powerWatts, 0, 'W'), 'powerWatts'],
    ['useful work', withUnit(a.usefulCoreHours, 1, 'core-h'), 'usefulCoreHours'],
    ['lost work', withUnit(a.lostCoreHours, 1, 'core-h'), 'lostCoreHours'],
    ['nodes powered on', a.poweredOnNodes + ' / ' + a.totalNodes, 'poweredOnNodes'],
    ['busy cores', a.busyCores + ' / ' + a.totalCores, 'busyCores'],
  ]);
}

function renderEvents(events) {
  const list = document.getElementById('events');
  list.replaceChildren();
  if (events.length === 0) {
    list.appendChild(el('li', { class: 'empty' }, 'nothing yet'));
    return;
  }
  events.forEach(e => {
    const li = el('li', { 'data-kind': e.kind });
    li.appendChild(el('span', { class: 'at' }, 'tick ' + e.tick));
    li.appendChild(el('span', { class: 'kind ' + e.kind }, e.kind));
    li.appendChild(el('span', { class: 'subject' }, e.subject));
    li.appendChild(el('span', { class: 'text' }, e.text));
    list.appendChild(li);
  });
}

function renderRuns(runs) {
  const body = document.querySelector('#runs tbody');
  body.replaceChildren();
  document.getElementById('runs-panel').hidden = runs.length === 0;
  runs.forEach(r => {
    const tr = el('tr', { 'data-run': r.label });
    [r.label, fmt(r.usefulCoreHours, 1), fmt(r.lostCoreHours, 1), fmt(r.energyKwh, 1), fmt(r.failures, 0)]
      .forEach(v => tr.appendChild(el('td', {}, v)));
    body.appendChild(tr);
  });
}

function render(state) {
  document.getElementById('run').textContent = state.source === 'demo'
    ? 'demo: ' + state.run + (state.scenario ? ' on ' + state.scenario : '')
    : 'cluster: ' + state.run;
  document.getElementById('tick').textContent = state.tick < 0 ? 'waiting for the first tick' : 'tick ' + state.tick;
  renderGrid(state.nodes);
  renderQuality(state.quality);
  renderAccounting(state.accounting, state.source);
  renderEvents(state.events);
  renderRuns(state.finishedRuns);
}

let lastState = null;

async function poll() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/state', { cache: 'no-store' });
    if (!response.ok) { throw new Error('HTTP ' + response.status); }
    const text = await response.text();
    // redraw only on change: keeps the events list's scroll position and the page still while nothing happens
    if (text !== lastState) {
      render(JSON.parse(text));
      lastState = text;
    }
    status.textContent = '';
  } catch (e) {
    status.textContent = 'cannot reach Foresight (' + e.message + '); retrying';
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();
