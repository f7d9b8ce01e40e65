// The phone page: pick a citizen, chat with the bot as that citizen.
// State comes from /sim/api; live changes arrive over Server-Sent Events.
import { el, icon, renderEntry, timeOf } from './phone-render.js';

const $ = id => document.getElementById(id);
const state = {
  config: null,
  places: [],
  citizens: new Map(),
  current: null,
  entries: new Map(), // wamid -> entry of the open chat
  forward: null, // null | 'forwarded' | 'frequentlyForwarded'
};

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
  return data;
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map(w => w[0].toUpperCase()).join('') || '#';
}

function previewOf(entry) {
  const b = entry.from === 'bot' ? entry.body : null;
  const m = entry.from === 'citizen' ? entry.message : null;
  return (
    b?.text?.body ?? b?.interactive?.body?.text ?? m?.text?.body ??
    m?.interactive?.list_reply?.title ?? m?.interactive?.button_reply?.title ?? `[${entry.type}]`
  );
}

const renderCtx = {
  get botName() { return state.config?.businessName ?? 'Bot'; },
  get entries() { return state.entries; },
  preview: previewOf,
  send: payload => send(payload),
  openList: entry => openListSheet(entry),
  openLocations: () => openLocationSheet(),
};

// ---- citizens ----

function renderCitizens() {
  const list = [...state.citizens.values()].sort((a, b) => b.lastAt - a.lastAt);
  $('citizens').replaceChildren(
    ...list.map(c =>
      el(
        'li',
        {
          class: `citizen${c.waId === state.current ? ' active' : ''}`,
          testid: 'citizen-item',
          'data-wa-id': c.waId,
          on: { click: () => openChat(c.waId) },
        },
        el('div', { class: 'avatar', text: initials(c.name) }),
        el('div', { class: 'who' }, el('span', { class: 'name', text: c.name }), el('span', { class: 'preview', text: c.lastPreview || `+${c.waId}` })),
        el('div', { class: 'meta' }, el('span', { text: timeOf(c.lastAt) }), c.unread && c.waId !== state.current ? el('span', { class: 'badge', text: String(c.unread) }) : null)
      )
    )
  );
  $('empty-list').hidden = list.length > 0;
}

async function openChat(waId) {
  state.current = waId;
  state.entries.clear();
  location.hash = waId;
  const c = state.citizens.get(waId);
  $('app').dataset.view = 'chat';
  $('placeholder').hidden = true;
  for (const id of ['chat-head', 'messages', 'composer-wrap']) $(id).hidden = false;
  $('as-citizen').textContent = c ? `sebagai ${c.name} · +${c.waId}` : `+${waId}`;
  setTyping(false);
  renderCitizens();
  const entries = await api(`/sim/api/citizens/${waId}/messages`);
  if (state.current !== waId) return;
  $('messages').replaceChildren();
  for (const e of entries) addEntry(e, false);
  scrollDown();
  markOpen();
  $('composer-input').focus();
}

function markOpen() {
  if (state.current && document.visibilityState === 'visible') void api(`/sim/api/citizens/${state.current}/open`, {}).catch(() => {});
}

// ---- messages ----

function dayLabel(ms) {
  const d = new Date(ms);
  return d.toDateString() === new Date().toDateString() ? 'Hari ini' : d.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
}

function addEntry(entry, live) {
  const box = $('messages');
  const existing = box.querySelector(`[data-wamid="${CSS.escape(entry.wamid)}"]`);
  state.entries.set(entry.wamid, entry);
  const node = renderEntry(entry, renderCtx);
  if (existing) return existing.replaceWith(node);
  const last = box.lastElementChild;
  const label = dayLabel(entry.time);
  if (!last || box.dataset.day !== label) {
    box.append(el('div', { class: 'day', text: label }));
    box.dataset.day = label;
  }
  box.append(node);
  if (live) scrollDown();
}

function scrollDown() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

function setTyping(on) {
  const sub = $('chat-sub');
  sub.textContent = on ? 'mengetik…' : `akun bisnis · +${state.config?.displayPhoneNumber ?? ''}`;
  sub.classList.toggle('typing', on);
}

async function send(payload) {
  if (!state.current) return;
  const c = state.citizens.get(state.current);
  try {
    await api(`/sim/api/citizens/${state.current}/send`, { profileName: c?.name, ...payload });
  } catch (err) {
    alert(`Gagal mengirim: ${err.message}`);
  }
}

function setForward(mode) {
  state.forward = mode;
  const chip = $('forward-chip');
  chip.hidden = !mode;
  chip.textContent = mode === 'frequentlyForwarded' ? 'Pesan berikutnya: sering diteruskan (lebih dari 5 kali)' : 'Pesan berikutnya: diteruskan';
  $('forward-toggle').classList.toggle('on', Boolean(mode));
}

function takeForward() {
  const flags = state.forward === 'forwarded' ? { forwarded: true } : state.forward === 'frequentlyForwarded' ? { frequentlyForwarded: true } : {};
  setForward(null);
  return flags;
}

// ---- sheets ----

function openSheet(title, ...children) {
  $('sheet-title').textContent = title;
  $('sheet-body').replaceChildren(...children);
  $('sheet-backdrop').hidden = false;
}

function closeSheet() {
  $('sheet-backdrop').hidden = true;
  $('sheet-body').replaceChildren();
}

function openListSheet(entry) {
  const action = entry.body.interactive?.action ?? {};
  const blocks = [];
  for (const section of action.sections ?? []) {
    if (section.title) blocks.push(el('div', { class: 'section-title', testid: 'list-section', text: section.title }));
    for (const row of section.rows ?? []) {
      blocks.push(
        el(
          'button',
          {
            class: 'list-row',
            testid: 'list-row',
            'data-row-id': row.id,
            on: {
              click: () => {
                closeSheet();
                const reply = { type: 'list_reply', id: row.id, title: row.title, contextId: entry.wamid };
                if (row.description) reply.description = row.description;
                void send(reply);
              },
            },
          },
          el('span', {}, el('span', { class: 'title', text: row.title }), row.description ? el('span', { class: 'desc', text: row.description }) : null),
          el('span', { class: 'radio' })
        )
      );
    }
  }
  openSheet(action.button ?? 'Menu', ...blocks);
}

function openLocationSheet() {
  const search = el('input', { type: 'search', placeholder: 'Cari kabupaten/kota…', testid: 'place-search' });
  const lat = el('input', { placeholder: 'Lintang (-7.25)', testid: 'latlon-lat', inputMode: 'decimal' });
  const lon = el('input', { placeholder: 'Bujur (112.75)', testid: 'latlon-lon', inputMode: 'decimal' });
  const typed = el('button', {
    type: 'button',
    testid: 'latlon-send',
    text: 'Kirim titik',
    on: {
      click: () => {
        const latitude = Number(lat.value.replace(',', '.'));
        const longitude = Number(lon.value.replace(',', '.'));
        if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || lat.value === '' || lon.value === '') return alert('Isi lintang dan bujur berupa angka.');
        closeSheet();
        void send({ type: 'location', latitude, longitude });
      },
    },
  });
  const list = el('div', { testid: 'place-list' });
  const renderPlaces = () => {
    const q = search.value.trim().toLowerCase();
    list.replaceChildren(
      ...state.places
        .filter(p => !q || p.name.toLowerCase().includes(q))
        .map(p =>
          el(
            'button',
            {
              class: 'place-row',
              testid: 'place-row',
              'data-place-id': p.id,
              on: {
                click: () => {
                  closeSheet();
                  void send({ type: 'location', latitude: p.latitude, longitude: p.longitude, name: p.name, address: p.regionCode ? `${p.name}, Jawa Timur` : p.name });
                },
              },
            },
            icon('pin', 20),
            el('span', { class: 'grow' }, el('span', { class: 'title', text: p.name }), el('span', { class: 'desc', text: `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` }))
          )
        )
    );
  };
  search.addEventListener('input', renderPlaces);
  renderPlaces();
  openSheet('Kirim lokasi', el('div', { class: 'place-search' }, search, el('div', { class: 'latlon' }, lat, lon, typed)), list);
  search.focus();
}

// ---- live updates ----

function connect() {
  const es = new EventSource('/sim/api/events');
  es.onopen = () => $('conn').classList.add('on');
  es.onerror = () => $('conn').classList.remove('on');
  es.onmessage = ev => {
    const e = JSON.parse(ev.data);
    if (e.type === 'citizen') {
      state.citizens.set(e.citizen.waId, e.citizen);
      renderCitizens();
    } else if ((e.type === 'message' || e.type === 'update') && e.waId === state.current) {
      addEntry(e.entry, e.type === 'message');
      if (e.type === 'message' && e.entry.from === 'bot') markOpen();
    } else if (e.type === 'typing' && e.waId === state.current) setTyping(e.on);
    else if (e.type === 'reset') location.reload();
  };
}

// ---- wiring ----

function wire() {
  $('add-citizen').addEventListener('submit', async ev => {
    ev.preventDefault();
    const waId = $('citizen-number').value.replace(/\D/g, '');
    try {
      const c = await api('/sim/api/citizens', { waId, name: $('citizen-name').value });
      state.citizens.set(c.waId, c);
      await openChat(c.waId);
    } catch (err) {
      alert(`Nomor tidak valid: ${err.message}`);
    }
  });
  const input = $('composer-input');
  const submit = () => {
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    input.style.height = '';
    void send({ type: 'text', text, ...takeForward() });
  };
  $('composer').addEventListener('submit', ev => {
    ev.preventDefault();
    submit();
  });
  input.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    input.style.height = '';
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
  });
  $('forward-toggle').addEventListener('click', () =>
    setForward(state.forward === null ? 'forwarded' : state.forward === 'forwarded' ? 'frequentlyForwarded' : null)
  );
  $('attach').addEventListener('click', () => ($('attach-menu').hidden = !$('attach-menu').hidden));
  $('attach-location').addEventListener('click', () => {
    $('attach-menu').hidden = true;
    openLocationSheet();
  });
  $('attach-image').addEventListener('click', () => {
    $('attach-menu').hidden = true;
    const caption = input.value.trim();
    input.value = '';
    void send({ type: 'image', ...(caption ? { caption } : {}), ...takeForward() });
  });
  $('sheet-close').addEventListener('click', closeSheet);
  $('sheet-backdrop').addEventListener('click', ev => ev.target === $('sheet-backdrop') && closeSheet());
  document.addEventListener('keydown', ev => ev.key === 'Escape' && closeSheet());
  document.addEventListener('visibilitychange', markOpen);
  $('back').addEventListener('click', () => {
    $('app').dataset.view = 'list';
    state.current = null;
    history.replaceState(null, '', location.pathname);
    renderCitizens();
  });
}

async function start() {
  wire();
  const [config, places, citizens] = await Promise.all([api('/sim/api/config'), api('/sim/api/places'), api('/sim/api/citizens')]);
  state.config = config;
  state.places = places;
  for (const c of citizens) state.citizens.set(c.waId, c);
  $('bot-name').textContent = config.businessName;
  $('sim-info').textContent = `bot: ${config.businessName} · +${config.displayPhoneNumber}`;
  setTyping(false);
  renderCitizens();
  connect();
  const fromHash = location.hash.slice(1);
  if (/^\d{6,15}$/.test(fromHash) && state.citizens.has(fromHash)) await openChat(fromHash);
}

void start();
